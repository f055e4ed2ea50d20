/**
 * HTTP exports beside /graphql:
 *   /export/events.csv, /export/events.jsonl  (EventFilter fields as query parameters)
 *   /export/actors.csv                         (ActorFilter fields as query parameters)
 * Rows are streamed from the store a batch at a time, so memory stays flat for any size.
 */

import { exportActors, exportEvents, QueryError, type Store } from '@bilateral/store';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.ts';
import { csvLine } from './csv.ts';
import { actorFilterFromParams, filterFromParams } from './filter-params.ts';
import { ACTOR_COLUMNS, actorCsvValues, EVENT_COLUMNS, eventCsvValues, eventRecord } from './records.ts';

const LINES_PER_CHUNK = 200;

function streamLines(header: string | null, lines: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = header === null;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = headerSent ? '' : header!;
      headerSent = true;
      for (let count = 0; count < LINES_PER_CHUNK; count++) {
        const next = lines.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}

function* map<T, U>(items: Iterable<T>, transform: (item: T) => U): Generator<U> {
  for (const item of items) yield transform(item);
}

export function useExports(store: Store): Plugin {
  return {
    onRequest({ url, request, fetchAPI, endResponse }) {
      if (!url.pathname.startsWith('/export/')) return;
      const respond = (body: ReadableStream<Uint8Array> | string, status: number, type: string, filename?: string) =>
        endResponse(
          new fetchAPI.Response(body, {
            status,
            headers: {
              'content-type': type,
              ...(filename ? { 'content-disposition': `attachment; filename="${filename}"` } : {}),
            },
          }),
        );
      if (request.method !== 'GET')
        return respond(
          JSON.stringify({
            errors: [
              { message: 'Exports answer GET only.', extensions: { code: 'METHOD_NOT_ALLOWED' satisfies ErrorCode } },
            ],
          }),
          405,
          'application/json',
        );
      try {
        switch (url.pathname) {
          case '/export/events.csv': {
            const rows = exportEvents(store, filterFromParams(url.searchParams));
            return respond(
              streamLines(
                csvLine(EVENT_COLUMNS),
                map(rows, (row) => csvLine(eventCsvValues(eventRecord(row)))),
              ),
              200,
              'text/csv; charset=utf-8',
              'events.csv',
            );
          }
          case '/export/events.jsonl': {
            const rows = exportEvents(store, filterFromParams(url.searchParams));
            return respond(
              streamLines(
                null,
                map(rows, (row) => `${JSON.stringify(eventRecord(row))}\n`),
              ),
              200,
              'application/jsonl; charset=utf-8',
              'events.jsonl',
            );
          }
          case '/export/actors.csv':
            return respond(
              streamLines(
                csvLine(ACTOR_COLUMNS),
                map(exportActors(store, actorFilterFromParams(url.searchParams)), (row) =>
                  csvLine(actorCsvValues(row)),
                ),
              ),
              200,
              'text/csv; charset=utf-8',
              'actors.csv',
            );
          default:
            return respond(
              JSON.stringify({
                errors: [
                  {
                    message: `No export at ${url.pathname}. Available: /export/events.csv, /export/events.jsonl, /export/actors.csv.`,
                    extensions: { code: 'NOT_FOUND' satisfies ErrorCode },
                  },
                ],
              }),
              404,
              'application/json',
            );
        }
      } catch (error) {
        if (!(error instanceof QueryError)) throw error;
        return respond(
          JSON.stringify({
            errors: [
              {
                message: error.message,
                extensions: { code: error.code satisfies ErrorCode, argument: error.argument },
              },
            ],
          }),
          400,
          'application/json',
        );
      }
    },
  };
}
