/**
 * `@graphql-typed-document-node/core`'s DocumentTypeDecoration, the one type the client's
 * declarations need from it. The published build maps that package here (tsconfig.build.json), because
 * its declaration file also imports graphql, which the main entry must not need.
 */
export interface DocumentTypeDecoration<Result, Variables> {
  /** Never set: it only carries the result and variables types. */
  __apiType?: (variables: Variables) => Result;
}
