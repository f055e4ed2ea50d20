/**
 * The server's log. Yoga logs every GraphQL error with its stack; an error that carries a code
 * is the caller's (not found, bad input, no key, a refused request) and already answered, so it
 * is written as one `answered` line without a stack. What remains at ERR, stack and all, is what
 * an operator must look at: errors the API did not expect.
 */
import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';

/** Long enough for any message of ours; a variable error can quote what the caller sent, which may be huge. */
const MAX_LOGGED_MESSAGE = 300;

const callersCode = (value: unknown) => {
  const code = value instanceof GraphQLError ? value.extensions?.code : undefined;
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' ? code : undefined;
};

/** One line, whatever the message holds: line breaks folded, length capped. */
export function oneLine(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > MAX_LOGGED_MESSAGE ? `${folded.slice(0, MAX_LOGGED_MESSAGE)}…` : folded;
}

export const operatorLogger: YogaLogger = {
  debug: () => {},
  info: (...args) => console.info(...args),
  warn: (...args) => console.warn(...args),
  error: (...args) => {
    const answered = args.filter((arg) => callersCode(arg) !== undefined) as GraphQLError[];
    for (const error of answered)
      console.info(
        `answered ${callersCode(error)}${error.path ? ` at ${error.path.join('.')}` : ''}: ${oneLine(error.message)}`,
      );
    if (answered.length < args.length) console.error(...args.filter((arg) => callersCode(arg) === undefined));
  },
};
