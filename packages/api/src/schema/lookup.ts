import { decodeGlobalID } from '@pothos/plugin-relay';
import { userError } from '../errors.ts';

/**
 * Resolves the `(id, slug)` arguments of a single-object lookup field: exactly one must be
 * given; an ID must be a well-formed global ID of the right type.
 */
export function lookupKey(
  typename: string,
  args: { id?: string | null; slug?: string | null },
): { id: number } | { slug: string } {
  if ((args.id == null) === (args.slug == null)) {
    throw userError(
      'BAD_USER_INPUT',
      `Pass exactly one of \`id\` or \`slug\` to look up ${/^[AEIOU]/.test(typename) ? 'an' : 'a'} ${typename}.`,
      args.id == null ? 'slug' : 'id',
    );
  }
  if (args.slug != null) return { slug: args.slug };
  return { id: decodeId(typename, args.id!, 'id') };
}

export function decodeId(typename: string, globalId: string, argument: string): number {
  const decoded = parseGlobalId(globalId, argument);
  if (decoded.typename !== typename) {
    throw userError('INVALID_ID', `"${globalId}" is the ID of a ${decoded.typename}, not of a ${typename}.`, argument);
  }
  return decoded.id;
}

/** Splits a global ID into its type name and numeric row ID; throws INVALID_ID when it is not one. */
export function parseGlobalId(globalId: string, argument: string): { typename: string; id: number } {
  let decoded: { typename: string; id: string } | undefined;
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    decoded = undefined;
  }
  if (!decoded || !/^[1-9]\d*$/.test(decoded.id)) {
    throw userError(
      'INVALID_ID',
      `"${globalId}" is not a valid ID. IDs are opaque strings returned by the API's \`id\` fields.`,
      argument,
    );
  }
  return { typename: decoded.typename, id: Number(decoded.id) };
}

export function notFound(
  typename: string,
  key: { id: number } | { slug: string },
  given: { id?: string | null; slug?: string | null },
) {
  const described = 'slug' in key ? `slug "${key.slug}"` : `ID "${given.id}"`;
  return userError('NOT_FOUND', `No ${typename} has the ${described}.`, 'slug' in key ? 'slug' : 'id');
}
