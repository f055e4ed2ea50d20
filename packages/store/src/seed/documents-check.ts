/**
 * Checks the seeds against the source documents themselves: every cited paragraph exists, and
 * every document has a coverage manifest that accounts for each of its paragraphs exactly once.
 * Needs the documents, which live outside the repository, so the loader never calls it; the
 * `seed:check` command and the dataset tests do when the documents are present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitParagraphs } from '../sources/paragraphs.ts';
import type { CitationRecord } from './format.ts';
import type { SeedProblem } from './problems.ts';
import type { Located, SeedDataset } from './validate.ts';

export function checkAgainstDocuments(dataset: SeedDataset, sourcesDir: string): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const paragraphCounts = new Map<string, number>();
  for (const { file, label, record } of dataset.sources) {
    const path = join(sourcesDir, record.file);
    if (!existsSync(path)) {
      problems.push({ file, record: label, field: 'file', message: `no document named ${record.file} in ${sourcesDir}` });
      continue;
    }
    paragraphCounts.set(record.slug, splitParagraphs(readFileSync(path, 'utf8'), record.paragraphs).length);
  }

  const checkLocators = (located: Located<unknown>, list: readonly CitationRecord[] | undefined, at: string) =>
    list?.forEach((citation, index) => {
      const available = paragraphCounts.get(citation.source);
      if (available !== undefined && citation.paragraph > available) {
        problems.push({ file: located.file, record: located.label, field: `${at}[${index}].paragraph`, message: `source "${citation.source}" has ${available} paragraphs, so paragraph ${citation.paragraph} does not exist` });
      }
    });
  const checkClaims = (located: Located<unknown>, claims: readonly { citations: CitationRecord[] }[]) =>
    claims.forEach((claim, index) => checkLocators(located, claim.citations, `claims[${index}].citations`));

  for (const located of dataset.actors) {
    checkLocators(located, located.record.citations, 'citations');
    located.record.offices.forEach((office, index) => checkLocators(located, office.citations, `offices[${index}].citations`));
  }
  for (const located of dataset.events) {
    checkLocators(located, located.record.citations, 'citations');
    checkClaims(located, located.record.claims);
  }
  for (const located of dataset.figures) {
    checkLocators(located, located.record.citations, 'citations');
    checkClaims(located, located.record.claims);
  }

  const manifests = new Map(dataset.coverage.map((located) => [located.record.source, located]));
  for (const { file, label, record } of dataset.sources) {
    const available = paragraphCounts.get(record.slug);
    if (available === undefined) continue;
    const manifest = manifests.get(record.slug);
    if (!manifest) {
      problems.push({ file, record: label, field: 'slug', message: `has no coverage manifest; add seeds/coverage/${record.slug}.yaml` });
      continue;
    }
    const listed = new Set(Object.keys(manifest.record.paragraphs).map(Number));
    const missing = Array.from({ length: available }, (_, index) => index + 1).filter((paragraph) => !listed.has(paragraph));
    if (missing.length) problems.push({ file: manifest.file, record: manifest.label, field: 'paragraphs', message: `does not account for paragraph${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${available}` });
    const extra = [...listed].filter((paragraph) => paragraph > available);
    if (extra.length) problems.push({ file: manifest.file, record: manifest.label, field: 'paragraphs', message: `lists paragraph${extra.length > 1 ? 's' : ''} ${extra.join(', ')}, but the document has only ${available}` });
  }
  return problems;
}
