/**
 * A write checked against the source documents, as `seed:check` checks the seeds: a source's file
 * must be in the documents directory, and a citation's paragraph must exist in the cited document.
 * The documents live outside the repository and a server may run without them; then these checks
 * are skipped and a citation is only checked against its source's existence.
 */
import { eq } from 'drizzle-orm';
import { sources } from '../db/schema.ts';
import type { Transaction } from '../records/write-records.ts';
import { checkCitedParagraphs, countParagraphs } from '../seed/documents-check.ts';
import type { SeedProblem } from '../seed/problems.ts';
import type { SeedDataset } from '../seed/validate.ts';
import { paragraphCount } from '../sources/document-paragraphs.ts';
import { defaultSourcesDir, sourcesAvailable } from '../sources/documents.ts';
import type { UserError } from './errors.ts';

export function checkDocuments(tx: Transaction, dataset: SeedDataset): UserError[] {
  const dir = defaultSourcesDir();
  if (!sourcesAvailable(dir)) return [];
  const missing: SeedProblem[] = [];
  countParagraphs(dataset.sources, dir, missing);
  // A record cites few documents many times: look each one up once.
  const counts = new Map<string, number | undefined>();
  const paragraphsIn = (slug: string) => {
    if (!counts.has(slug)) {
      const source = tx
        .select({ file: sources.file, style: sources.paragraphStyle })
        .from(sources)
        .where(eq(sources.slug, slug))
        .get();
      counts.set(slug, source && paragraphCount(dir, source.file, source.style));
    }
    return counts.get(slug);
  };
  return [
    ...missing.map(({ field, message }) => ({ field, message, code: 'NOT_FOUND' as const })),
    ...checkCitedParagraphs(dataset, paragraphsIn).map(({ field, message }) => ({
      field,
      message,
      code: 'INVALID' as const,
    })),
  ];
}
