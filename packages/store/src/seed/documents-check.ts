/**
 * Checks the seeds against the source documents themselves: every cited paragraph exists, and
 * every document has a coverage manifest that accounts for each of its paragraphs exactly once.
 * Needs the documents, which live outside the repository, so the loader never calls it; the
 * `seed:check` command and the dataset tests do when the documents are present, and API writes
 * use its file and paragraph checks (`documentErrors` in seed/write-rules.ts).
 */
import { paragraphCount } from '../sources/document-paragraphs.ts';
import type { CitationRecord, SourceRecord } from './format.ts';
import type { SeedProblem } from './problems.ts';
import type { Located, SeedDataset } from './validate.ts';

export function checkAgainstDocuments(dataset: SeedDataset, sourcesDir: string): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const paragraphCounts = countParagraphs(dataset.sources, sourcesDir, problems);
  problems.push(...checkCitedParagraphs(dataset, (source) => paragraphCounts.get(source)));
  checkCoverage(dataset, paragraphCounts, problems);
  return problems;
}

/** Each source's paragraph count, by slug; a source whose document is missing is a problem. */
export function countParagraphs(
  sources: readonly Located<SourceRecord>[],
  sourcesDir: string,
  problems: SeedProblem[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { file, label, record } of sources) {
    const count = paragraphCount(sourcesDir, record.file, record.paragraphs);
    if (count === undefined)
      problems.push({
        file,
        record: label,
        field: 'file',
        message: `there is no document named ${record.file} in the documents directory`,
        code: 'DOCUMENT_MISMATCH',
      });
    else counts.set(record.slug, count);
  }
  return counts;
}

/** Every citation's paragraph exists in its source; `paragraphsIn` gives a source's count, or undefined to skip it. */
export function checkCitedParagraphs(
  dataset: SeedDataset,
  paragraphsIn: (source: string) => number | undefined,
): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const checkLocators = (located: Located<unknown>, list: readonly CitationRecord[] | undefined, at: string) =>
    list?.forEach((citation, index) => {
      const available = paragraphsIn(citation.source);
      if (available !== undefined && citation.paragraph > available) {
        problems.push({
          file: located.file,
          record: located.label,
          field: `${at}[${index}].paragraph`,
          message: `source "${citation.source}" has ${available} paragraphs, so paragraph ${citation.paragraph} does not exist`,
          code: 'DOCUMENT_MISMATCH',
        });
      }
    });
  const checkClaims = (located: Located<unknown>, claims: readonly { citations: CitationRecord[] }[]) => {
    for (const [index, claim] of claims.entries())
      checkLocators(located, claim.citations, `claims[${index}].citations`);
  };

  for (const located of dataset.actors) {
    checkLocators(located, located.record.citations, 'citations');
    for (const [index, office] of located.record.offices.entries()) {
      checkLocators(located, office.citations, `offices[${index}].citations`);
    }
  }
  for (const located of dataset.events) {
    checkLocators(located, located.record.citations, 'citations');
    checkClaims(located, located.record.claims);
  }
  for (const located of dataset.figures) {
    checkLocators(located, located.record.citations, 'citations');
    checkClaims(located, located.record.claims);
  }
  return problems;
}

/** Every document has a coverage manifest that accounts for each of its paragraphs exactly once. */
function checkCoverage(dataset: SeedDataset, paragraphCounts: ReadonlyMap<string, number>, problems: SeedProblem[]) {
  const manifests = new Map(dataset.coverage.map((located) => [located.record.source, located]));
  for (const { file, label, record } of dataset.sources) {
    const available = paragraphCounts.get(record.slug);
    if (available === undefined) continue;
    const manifest = manifests.get(record.slug);
    if (!manifest) {
      problems.push({
        file,
        record: label,
        field: 'slug',
        message: `has no coverage manifest; add seeds/coverage/${record.slug}.yaml`,
        code: 'DOCUMENT_MISMATCH',
      });
      continue;
    }
    const listed = new Set(Object.keys(manifest.record.paragraphs).map(Number));
    const missing = Array.from({ length: available }, (_, index) => index + 1).filter(
      (paragraph) => !listed.has(paragraph),
    );
    if (missing.length)
      problems.push({
        file: manifest.file,
        record: manifest.label,
        field: 'paragraphs',
        message: `does not account for paragraph${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${available}`,
        code: 'DOCUMENT_MISMATCH',
      });
    const extra = [...listed].filter((paragraph) => paragraph > available);
    if (extra.length)
      problems.push({
        file: manifest.file,
        record: manifest.label,
        field: 'paragraphs',
        message: `lists paragraph${extra.length > 1 ? 's' : ''} ${extra.join(', ')}, but the document has only ${available}`,
        code: 'DOCUMENT_MISMATCH',
      });
  }
}
