import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiDir, startArguments } from './start-command.ts';

describe('the start command', () => {
  it('gives the server a young generation sized for its allocation rate', () => {
    expect(startArguments()).toContain('--max-semi-space-size=64');
    expect(startArguments().at(-1)).toBe('scripts/start.mjs');
  });

  it('starts the server with the same Node flags from the repository root', () => {
    const root = JSON.parse(readFileSync(join(apiDir, '../../package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    const flags = startArguments().slice(0, -1);
    expect(root.scripts.start).toBe(['node', ...flags, 'packages/api/scripts/start.mjs'].join(' '));
  });
});
