/**
 * A write's source file and cited paragraphs checked against the documents (`documentErrors` in
 * `seed/write-rules.ts`), each cited source looked up in SQLite.
 */
import { eq } from 'drizzle-orm';
import { sources } from '../db/schema.ts';
import type { UserError } from '../errors/curation-error.ts';
import type { Transaction } from '../records/write-records.ts';
import type { SeedDataset } from '../seed/validate.ts';
import { documentErrors } from '../seed/write-rules.ts';

export function checkDocuments(tx: Transaction, dataset: SeedDataset): UserError[] {
  return documentErrors(dataset, (slug) =>
    tx.select({ file: sources.file, style: sources.paragraphStyle }).from(sources).where(eq(sources.slug, slug)).get(),
  );
}
