// Plain Node, ES modules: both entries load, and nothing needs graphql at run time.
import { BilateralError, codegenScalars, createClient, EventsDocument } from '@bilateral/sdk';
import { EventsDocument as EventsDocumentNode } from '@bilateral/sdk/documents';

const error = new BilateralError('missing', [{ message: 'missing', extensions: { code: 'NOT_FOUND' } }]);
console.log(
  JSON.stringify({
    createClient: typeof createClient,
    code: error.code,
    documentId: EventsDocument.__meta__.hash,
    documentNode: EventsDocumentNode.kind,
    dateScalar: codegenScalars.Date,
  }),
);
