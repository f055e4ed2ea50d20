// Writes schema.graphql at the repository root from the Pothos schema. Run after changing any
// type; a test fails while the committed file differs from the printed schema.
import { writeFileSync } from 'node:fs';
import { printedSchema, schemaFile } from './schema-file.ts';

writeFileSync(schemaFile, printedSchema());
console.log(`wrote ${schemaFile}`);
