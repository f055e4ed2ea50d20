// Rewrites the event-kinds table in seeds/README.md from the vocabulary.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSeedsDir } from '../sources/documents.ts';
import { withEventKindsTable } from '../vocabulary/event-kinds-table.ts';

const readme = join(defaultSeedsDir(), 'README.md');
writeFileSync(readme, withEventKindsTable(readFileSync(readme, 'utf8')));
console.log(`updated ${readme}`);
