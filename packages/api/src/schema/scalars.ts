import { GraphQLError, Kind } from 'graphql';
import type { ErrorCode } from '../errors.ts';
import { builder } from './builder.ts';

const stringScalar = (name: 'Date' | 'Decimal', description: string, pattern: RegExp, example: string) =>
  builder.scalarType(name, {
    description,
    serialize: (value) => String(value),
    parseValue: (value) => {
      if (typeof value !== 'string' || !pattern.test(value)) {
        throw new GraphQLError(`${name} must be a string like "${example}".`, {
          extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode },
        });
      }
      return value;
    },
    parseLiteral: (node) => {
      if (node.kind !== Kind.STRING || !pattern.test(node.value)) {
        throw new GraphQLError(`${name} must be a string like "${example}".`, {
          extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode },
        });
      }
      return node.value;
    },
  });

stringScalar(
  'Date',
  'A calendar day in ISO 8601 form, `YYYY-MM-DD`. Used only for the bounds of a fuzzy date; see `FuzzyDate` for what a date really says.',
  /^\d{4}-\d{2}-\d{2}$/,
  '2014-06-30',
);
stringScalar(
  'Decimal',
  'An exact decimal number sent as a string, such as `"2500000000"` or `"1.5"`, so that no precision is lost to floating point. Parse it with a decimal library if you need arithmetic.',
  /^(?:0|[1-9]\d*)(?:\.\d+)?$/,
  '2500000000',
);
