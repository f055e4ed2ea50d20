// Plain Node, CommonJS: require() gets the same API.
const { BilateralError, createClient, EventsDocument } = require('@bilateral/sdk');
const { EventsDocument: EventsDocumentNode } = require('@bilateral/sdk/documents');

const error = new BilateralError('missing', [{ message: 'missing', extensions: { code: 'NOT_FOUND' } }]);
console.log(
  JSON.stringify({
    createClient: typeof createClient,
    code: error.code,
    documentId: EventsDocument.__meta__.hash,
    documentNode: EventsDocumentNode.kind,
  }),
);
