/**
 * HTTP exports beside /graphql:
 *   /export/events.csv, /export/events.jsonl  (EventFilter fields as query parameters)
 *   /export/actors.csv                         (ActorFilter fields as query parameters)
 * Rows are streamed from the store a batch at a time, so memory stays flat for any size. The
 * filter is checked, and the first batch read, before the 200 is sent; see stream.ts for the rest.
 */
import type { ServerResponse } from 'node:http';
import { type BilateralStore, QueryError, searchErrorFrom } from '@bilateral/store';
import type { Plugin, YogaLogger } from 'graphql-yoga';
import { errorResponse } from '../errors.ts';
import { oneLine } from '../logging.ts';
import { csvLine } from './csv.ts';
import { actorFilterFromParams, filterFromParams } from './filter-params.ts';
import { ACTOR_COLUMNS, actorCsvValues, EVENT_COLUMNS, eventCsvValues, eventRecord } from './records.ts';
import { exportStream, startRows } from './stream.ts';

interface Export {
  type: string;
  /** The header line, or null for JSON Lines. */
  header: string | null;
  /** The filtered rows as lines, the first batch read; rejects with a QueryError for a filter it cannot read. */
  lines: (store: BilateralStore, params: URLSearchParams) => Promise<AsyncIterator<readonly string[]>>;
}

const EXPORTS: Record<string, Export> = {
  '/export/events.csv': {
    type: 'text/csv; charset=utf-8',
    header: csvLine(EVENT_COLUMNS),
    lines: (store, params) =>
      startRows(store.exportEvents(filterFromParams(params)), (row) => csvLine(eventCsvValues(eventRecord(row)))),
  },
  '/export/events.jsonl': {
    type: 'application/jsonl; charset=utf-8',
    header: null,
    lines: (store, params) =>
      startRows(store.exportEvents(filterFromParams(params)), (row) => `${JSON.stringify(eventRecord(row))}\n`),
  },
  '/export/actors.csv': {
    type: 'text/csv; charset=utf-8',
    header: csvLine(ACTOR_COLUMNS),
    lines: (store, params) =>
      startRows(store.exportActors(actorFilterFromParams(params)), (row) => csvLine(actorCsvValues(row))),
  },
};

const refusalOf = (error: unknown) => (error instanceof QueryError ? error : searchErrorFrom(error, 'text'));

export function useExports(store: BilateralStore): Plugin {
  let logger: YogaLogger | undefined;
  return {
    onYogaInit({ yoga }) {
      logger = yoga.logger;
    },
    onRequest({ url, request, fetchAPI, endResponse, serverContext }) {
      if (!url.pathname.startsWith('/export/')) return;
      if (request.method !== 'GET')
        return endResponse(
          errorResponse(fetchAPI, 405, 'METHOD_NOT_ALLOWED', 'Exports answer GET only.', {}, { allow: 'GET' }),
        );
      const route = EXPORTS[url.pathname];
      if (!route)
        return endResponse(
          errorResponse(
            fetchAPI,
            404,
            'NOT_FOUND',
            `No export at ${url.pathname}. Available: ${Object.keys(EXPORTS).join(', ')}.`,
          ),
        );
      // Only an export waits on the store; every other request passes this hook without a promise.
      const answer = async () => {
        let lines: AsyncIterator<readonly string[]>;
        try {
          lines = await route.lines(store, url.searchParams);
        } catch (error) {
          const refusal = refusalOf(error);
          if (!refusal) {
            logger?.error(error);
            return endResponse(
              errorResponse(
                fetchAPI,
                500,
                'INTERNAL_SERVER_ERROR',
                'The export could not be started. Try again later.',
              ),
            );
          }
          logger?.info(`answered ${refusal.code} at ${url.pathname}: ${oneLine(refusal.message)}`);
          return endResponse(
            errorResponse(
              fetchAPI,
              400,
              refusal.code,
              refusal.message,
              // The store names filter fields as GraphQL does (`filter.text`); here they are query parameters.
              refusal.argument ? { argument: refusal.argument.replace(/^filter\./, '') } : {},
            ),
          );
        }
        const body = exportStream(route.header, lines, (error) => {
          // The cause first: a wrapper's message (drizzle's quotes the whole query) would push it past oneLine's cap.
          const detail =
            error instanceof Error && error.cause instanceof Error
              ? `${error.cause.message} (${String(error)})`
              : String(error);
          logger?.error(`export ${url.pathname}${oneLine(url.search)} ended part-way: ${oneLine(detail)}`);
          // Under node:http the adapter passes the response; tests calling yoga.fetch see the stream error instead.
          (serverContext as { res?: ServerResponse }).res?.destroy();
        });
        return endResponse(
          new fetchAPI.Response(body as unknown as BodyInit, {
            status: 200,
            headers: {
              'content-type': route.type,
              'content-disposition': `attachment; filename="${url.pathname.slice('/export/'.length)}"`,
            },
          }),
        );
      };
      return answer();
    },
  };
}
