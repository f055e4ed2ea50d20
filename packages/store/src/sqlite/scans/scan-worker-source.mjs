// @ts-check
// The scan worker run from its TypeScript source, through tsx's loader (tests, `start:source`); the
// server's bundle runs packages/api/dist/scan-worker.cjs instead. Plain JavaScript: it runs before any
// TypeScript can be loaded in the new thread.
import { register } from 'tsx/esm/api';

register();
await import('./scan-worker.ts');
