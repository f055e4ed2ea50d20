/**
 * The server's log. Yoga logs every GraphQL error with its stack; errors that carry a code are
 * the caller's (not found, bad input, no key) and already answered, so they are left out. What
 * remains at ERR is what an operator must look at: errors the API did not expect, and storage
 * faults (full disk, read-only or failing storage, a lock held too long), each as one line saying
 * what to do, without a stack.
 */
import { toStorageError } from '@bilateral/store';
import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';

const isCallersError = (value: unknown) => {
  const code = value instanceof GraphQLError ? value.extensions?.code : undefined;
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR';
};

export const operatorLogger: YogaLogger = {
  debug: () => {},
  info: (...args) => console.info(...args),
  warn: (...args) => console.warn(...args),
  error: (...args) => {
    const storage = args.map((arg) => toStorageError(arg)).find((found) => found !== undefined);
    if (storage) console.error(storage.logLine());
    else if (!args.some(isCallersError)) console.error(...args);
  },
};
