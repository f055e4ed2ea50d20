import { readFileSync } from 'node:fs';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from './schema/index.ts';
import { printedSchema, schemaFile } from './schema-file.ts';

describe('schema.graphql', () => {
  it('is the printed Pothos schema (run `npx -y pnpm@10 schema:print` after changing a type)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(printedSchema());
  });

  it('describes every type, field, argument, input field and enum value', () => {
    const missing: string[] = [];
    const need = (description: string | null | undefined, where: string) => {
      if (!description?.trim()) missing.push(where);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      need(type.description, type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          need(field.description, `${type.name}.${field.name}`);
          for (const arg of field.args) need(arg.description, `${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type))
        for (const field of Object.values(type.getFields())) need(field.description, `${type.name}.${field.name}`);
      if (isEnumType(type)) for (const value of type.getValues()) need(value.description, `${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});
