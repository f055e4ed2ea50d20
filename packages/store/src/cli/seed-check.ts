// Validates seeds/ without touching a database, and checks locators, coverage and the curation
// standard's precision rules against the source documents when they are present. Exits 1 when
// anything needs fixing.
import { checkAgainstDocuments } from '../seed/documents-check.ts';
import { checkPrecision, readDocumentTexts, readPrecisionExceptions } from '../seed/precision.ts';
import { formatProblem } from '../seed/problems.ts';
import { validateSeeds } from '../seed/validate.ts';
import { defaultSeedsDir, defaultSourcesDir, sourcesAvailable } from '../sources/documents.ts';

const seedsDir = process.argv[2] ?? defaultSeedsDir();
const { dataset, problems } = validateSeeds(seedsDir);
const documentsChecked = sourcesAvailable();
if (documentsChecked) problems.push(...checkAgainstDocuments(dataset, defaultSourcesDir()));
if (problems.length === 0)
  problems.push(
    ...checkPrecision(
      dataset,
      documentsChecked ? readDocumentTexts(dataset, defaultSourcesDir()) : undefined,
      readPrecisionExceptions(seedsDir),
    ),
  );

for (const problem of problems) console.error(formatProblem(problem));
const counts = `${dataset.sources.length} sources, ${dataset.actors.length} actors, ${dataset.events.length} events, ${dataset.figures.length} figures, ${dataset.coverage.length} coverage manifests`;
if (problems.length) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${seedsDir} (${counts}).`);
  process.exit(1);
}
console.log(
  `seeds are valid: ${counts}${documentsChecked ? '; every locator, paragraph and precision rule checked against the documents' : '; documents not found, locators not checked'}.`,
);
