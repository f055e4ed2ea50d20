import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from './schema/index.ts';

export const schemaFile = join(dirname(fileURLToPath(import.meta.url)), '../../../schema.graphql');

export const printedSchema = () => `${printSchema(schema)}\n`;
