/**
 * Where a process gets its store: `DATABASE_URL` names a database server; without it the embedded
 * SQLite file at `path` is used, as it always has been. A `postgres://` URL opens PostgreSQL, whose
 * store answers every method as the SQLite one does.
 */

import type { BilateralStore } from './interface/bilateral-store.ts';
import { openPostgresStore } from './postgres/client.ts';
import { postgresStore } from './postgres-store/postgres-store.ts';
import { type OpenSqliteStoreOptions, openSqliteStore } from './sqlite/sqlite-store.ts';

export interface OpenBilateralStoreOptions extends OpenSqliteStoreOptions {
  /** `DATABASE_URL`: a database server's URL; empty or absent for the SQLite file at `path`. */
  databaseUrl?: string | undefined;
  /** The SQLite file (or `:memory:`) used when there is no `databaseUrl`. */
  path?: string;
}

/** A `DATABASE_URL` this version cannot open; the message says why and what to do. */
export class DatabaseUrlError extends Error {
  override readonly name = 'DatabaseUrlError';
}

const POSTGRES_SCHEMES = ['postgres:', 'postgresql:'];

export function openBilateralStore({ databaseUrl, path, ...options }: OpenBilateralStoreOptions): BilateralStore {
  const url = databaseUrl?.trim();
  if (!url) {
    if (!path) throw new TypeError('openBilateralStore needs a databaseUrl or a SQLite path');
    return openSqliteStore(path, options);
  }
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch {
    throw new DatabaseUrlError(
      'DATABASE_URL is not a URL: give postgres://user:password@host:port/database, or unset it to use the SQLite file',
    );
  }
  if (POSTGRES_SCHEMES.includes(scheme)) {
    const readOnly = options.readOnly === true;
    return postgresStore(
      openPostgresStore(url, {
        readOnly,
        ...(options.durability ? { durability: options.durability } : {}),
        ...(options.onStatement ? { onStatement: options.onStatement } : {}),
      }),
      { readOnly },
    );
  }
  throw new DatabaseUrlError(
    `DATABASE_URL must be a postgres:// URL, not ${scheme}//…; unset it to use the SQLite file`,
  );
}
