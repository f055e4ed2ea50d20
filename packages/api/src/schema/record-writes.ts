/**
 * How a mutation writes one record: the GraphQL input becomes a seed-format record, which the
 * store's saveRecord validates with the seed rules and writes with a new version and a revision,
 * all in one transaction. References to actors, sources and events are by slug.
 */
import { type ClaimRecord, CurationError, type EntityType, type SaveRequest } from '@bilateral/store';
import type { Context } from '../execution/context.ts';
import { decodeId } from './lookup.ts';
import { type Payload, runWrite } from './user-errors.ts';

/** How mutations reach one type of record. */
export interface RecordKind<T extends EntityType, Row> {
  type: T;
  typename: 'Event' | 'Actor' | 'Source' | 'Figure';
  load: (context: Context, id: number) => Promise<Row | undefined>;
}

/** The seed-format record of type T, as a change function receives it. */
export type CurrentRecord<T extends EntityType> = NonNullable<Parameters<SaveRequest<T>['change']>[0]>;

export interface WriteArgs {
  idempotencyKey?: string | null;
}

export interface EditArgs extends WriteArgs {
  id: string;
  expectedVersion?: number | null;
}

/** GraphQL input to a seed-format record: nulls mean "absent", as the seed format has no nulls. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([key, field]) => [key, withoutNulls(field)]),
  );
}

/** A patch applied to a record: omitted fields stay, null clears, a given list replaces the list. */
export const patched = (current: object, patch: Record<string, unknown>) =>
  withoutNulls({ ...current, ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) });

export const idempotencyOf = (name: string, args: WriteArgs, input: unknown) =>
  args.idempotencyKey ? { key: args.idempotencyKey, operation: name, input } : undefined;

function save<T extends EntityType, Row>(
  context: Context,
  kind: RecordKind<T, Row>,
  name: string,
  request: (idempotency: ReturnType<typeof idempotencyOf>) => SaveRequest<T>,
  input: unknown,
  args: WriteArgs,
): Promise<Payload<Row>> {
  return runWrite(
    context,
    name,
    async (editor) => context.store.saveRecord(kind.type, request(idempotencyOf(name, args, input)), editor),
    (id) => kind.load(context, id),
  );
}

export function createRecord<T extends EntityType, Row>(
  context: Context,
  kind: RecordKind<T, Row>,
  name: string,
  args: WriteArgs & { input: unknown },
): Promise<Payload<Row>> {
  return save(
    context,
    kind,
    name,
    (idempotency) => ({ operation: 'create', change: () => withoutNulls(args.input), idempotency }),
    args.input,
    args,
  );
}

/** A change to an existing record, built from the record as it stands. */
export function editRecord<T extends EntityType, Row>(
  context: Context,
  kind: RecordKind<T, Row>,
  name: string,
  args: EditArgs,
  change: (current: CurrentRecord<T>) => unknown,
  options: { operation?: 'update' | 'archive' | 'restore' } = {},
): Promise<Payload<Row>> {
  const operation = options.operation ?? 'update';
  // The ID is read only once the caller's key is checked, so a caller without one learns nothing about the input.
  return save(
    context,
    kind,
    name,
    (idempotency) => ({
      id: decodeId(kind.typename, args.id, 'id'),
      expectedVersion: args.expectedVersion,
      operation,
      change: (current) => change(current!),
      idempotency,
    }),
    args,
    args,
  );
}

export const rejectIf = (
  condition: boolean,
  field: string,
  message: string,
  code: 'INVALID' | 'NOT_FOUND' = 'INVALID',
) => {
  if (condition) throw new CurationError([{ field, message, code }]);
};

const withoutReason = ({ reason: _reason, ...claim }: ClaimRecord) => ({ ...claim, preferred: false });

/** The claims with `value` preferred for `field` and the field's other claims no longer preferred. */
export function preferClaim(
  claims: readonly ClaimRecord[],
  field: string,
  value: string,
  reason: string,
  missing: string,
): ClaimRecord[] {
  rejectIf(!claims.some((claim) => claim.field === field && claim.value === value), 'value', missing, 'NOT_FOUND');
  return claims.map((claim) =>
    claim.field !== field
      ? claim
      : claim.value === value
        ? { ...claim, preferred: true, reason }
        : withoutReason(claim),
  );
}
