/**
 * The server's log. Yoga logs every GraphQL error with its stack; an error the contract answers
 * with a code of its own (not found, bad input, a search that cannot be read, a refused request)
 * is the caller's and already answered, so it is written as one `answered` line without a stack.
 * A storage fault (full disk, read-only or failing storage, a lock held too long) is one ERR line
 * saying what to do, without a stack. What remains at ERR, stack and all, is what an operator must
 * look at: errors the API did not expect.
 */
import { toStorageError } from '@bilateral/store';
import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import { maskError } from './errors.ts';

/** Long enough for any message of ours; a variable error can quote what the caller sent, which may be huge. */
const MAX_LOGGED_MESSAGE = 300;

/** The code the caller was answered with, if the error is theirs; classified exactly as the answer was. */
function callersAnswer(value: unknown): GraphQLError | undefined {
  if (!(value instanceof GraphQLError)) return undefined;
  const answer = maskError(value, 'unexpected') as GraphQLError;
  return answer.extensions?.code === 'INTERNAL_SERVER_ERROR' ? undefined : answer;
}

/** One line, whatever the message holds: line breaks folded, length capped. */
export function oneLine(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > MAX_LOGGED_MESSAGE ? `${folded.slice(0, MAX_LOGGED_MESSAGE)}…` : folded;
}

/** Yoga hands some errors to the logger twice (when masking and when answering); each is written once. */
const written = new WeakSet<object>();

/** Where the logger's lines go: plain lines on the console, or JSON lines (`LOG_FORMAT=json`). */
interface LogSink {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

function createOperatorLogger(sink: LogSink): YogaLogger {
  return {
    debug: () => {},
    info: (...args) => sink.info(...args),
    warn: (...args) => sink.warn(...args),
    error: (...args) => {
      const fresh = args.filter((arg) => typeof arg !== 'object' || arg === null || !written.has(arg));
      for (const arg of fresh) if (typeof arg === 'object' && arg !== null) written.add(arg);
      const unexpected = [];
      for (const arg of fresh) {
        const storage = toStorageError(arg);
        if (storage) {
          sink.error(storage.logLine());
          continue;
        }
        const answer = callersAnswer(arg);
        if (!answer) unexpected.push(arg);
        else
          sink.info(
            `answered ${answer.extensions.code}${answer.path ? ` at ${answer.path.join('.')}` : ''}: ${oneLine(answer.message)}`,
          );
      }
      if (unexpected.length) sink.error(...unexpected);
    },
  };
}

export const operatorLogger: YogaLogger = createOperatorLogger(console);

/** One JSON object per line: time, level, message, and an error's stack where there is one. */
function jsonLine(level: 'info' | 'warn' | 'error', args: unknown[]) {
  const error = args.find((arg): arg is Error => arg instanceof Error);
  const msg = args
    .map((arg) => (arg instanceof Error ? arg.message : typeof arg === 'string' ? arg : JSON.stringify(arg)))
    .join(' ');
  const line = { time: new Date().toISOString(), level, msg, ...(error?.stack ? { stack: error.stack } : {}) };
  (level === 'info' ? process.stdout : process.stderr).write(`${JSON.stringify(line)}\n`);
}

export const jsonOperatorLogger: YogaLogger = createOperatorLogger({
  info: (...args) => jsonLine('info', args),
  warn: (...args) => jsonLine('warn', args),
  error: (...args) => jsonLine('error', args),
});
