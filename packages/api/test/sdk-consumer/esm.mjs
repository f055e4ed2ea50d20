// Plain Node, ES modules: both entries load, and nothing needs graphql at run time.
import * as sdk from '@bilateral/sdk';
import * as documents from '@bilateral/sdk/documents';

const missing = new sdk.BilateralError('missing', [{ message: 'missing', extensions: { code: 'NOT_FOUND' } }]);
console.log(
  JSON.stringify({
    exports: Object.keys(sdk).sort(),
    documentExports: Object.keys(documents).sort(),
    code: missing.code,
    documentId: sdk.EventsDocument.__meta__.hash,
    documentNode: documents.EventsDocument.kind,
    dateScalar: sdk.codegenScalars.Date,
  }),
);
