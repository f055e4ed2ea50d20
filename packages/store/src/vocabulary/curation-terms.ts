/**
 * The words the store's bookkeeping shares across its layers: which kinds of record a revision,
 * merge or seed load is about, what a revision did, and what an API key may do. They sit here,
 * below the tables that store them, so the tables never import from the write path.
 */

/** The four kinds of record that have revisions, versions and seed files. */
export const ENTITY_TYPES = ['event', 'actor', 'source', 'figure'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** What one revision did to its record. */
export const REVISION_OPERATIONS = ['create', 'update', 'archive', 'restore', 'merge', 'seed'] as const;
export type RevisionOperation = (typeof REVISION_OPERATIONS)[number];

/** API key scopes, each allowing what the ones before it allow. */
export const KEY_SCOPES = ['read', 'write', 'admin'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

export const scopeAllows = (held: KeyScope, needed: KeyScope) => KEY_SCOPES.indexOf(held) >= KEY_SCOPES.indexOf(needed);

export function isKeyScope(value: string): value is KeyScope {
  return (KEY_SCOPES as readonly string[]).includes(value);
}
