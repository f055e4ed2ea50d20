import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSeedsDir } from '../sources/documents.ts';
import { withEventKindsTable } from './event-kinds-table.ts';

describe('seeds/README.md', () => {
  it('shows the current event taxonomy (run `npx -y pnpm@10 --filter @bilateral/store kinds:table`)', () => {
    const readme = readFileSync(join(defaultSeedsDir(), 'README.md'), 'utf8');
    expect(readme).toBe(withEventKindsTable(readme));
  });
});
