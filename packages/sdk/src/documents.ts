/**
 * `@bilateral/sdk/documents`: every SDK operation as a typed DocumentNode (plain objects, no
 * graphql-js needed at run time), for urql, Apollo Client and other clients that take an AST, with
 * the operation types.
 */
export * from './generated/documents.ts';
