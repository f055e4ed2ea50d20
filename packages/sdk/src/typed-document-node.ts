import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { DocumentNode } from 'graphql';

/**
 * A DocumentNode that carries its result and variables types: the same shape as
 * `@graphql-typed-document-node/core`'s, declared here so that only `@bilateral/sdk/documents` needs
 * graphql's types, never the main entry.
 */
export interface TypedDocumentNode<Result = Record<string, unknown>, Variables = Record<string, unknown>>
  extends DocumentNode,
    DocumentTypeDecoration<Result, Variables> {}
