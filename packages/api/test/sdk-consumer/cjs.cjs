// Plain Node, CommonJS: require() gives the same exports as import.
const sdk = require('@bilateral/sdk');
const documents = require('@bilateral/sdk/documents');

console.log(JSON.stringify({ exports: Object.keys(sdk).sort(), documentExports: Object.keys(documents).sort() }));
