/**
 * The whole-dataset reads that may run on the scan thread (`scan-thread.ts`): each takes the SQLite
 * connection first and only values a structured clone carries, and returns plain data. The worker
 * (`scan-worker.ts`) calls them by name on its own connection.
 */
import { searchRankingLimited, searchTotalCount } from '../../queries/search.ts';
import { cooperationIndex, eventStats } from '../../queries/stats.ts';

export const SCAN_FUNCTIONS = { eventStats, cooperationIndex, searchTotalCount, searchRankingLimited } as const;

export type ScanName = keyof typeof SCAN_FUNCTIONS;
type Scan<Name extends ScanName> = (typeof SCAN_FUNCTIONS)[Name];
/** A scan's arguments after the connection. */
export type ScanArgs<Name extends ScanName> = Parameters<Scan<Name>> extends [unknown, ...infer Rest] ? Rest : never;
export type ScanResult<Name extends ScanName> = ReturnType<Scan<Name>>;

export interface ScanRequest {
  id: number;
  name: ScanName;
  args: unknown[];
}

export type ScanReply =
  | { id: number; result: unknown }
  | { id: number; error: { name: string; message: string; code?: unknown; argument?: unknown } };
