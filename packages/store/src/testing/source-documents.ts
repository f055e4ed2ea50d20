/**
 * The source documents live beside the repository (../shared/sources), not in it, so tests that
 * read them can only run where they are. Where they are missing those tests are skipped, but
 * never quietly: a banner names what was skipped, and under CI (`CI` set) a test fails instead.
 */
import { expect, it } from 'vitest';
import { defaultSourcesDir, sourcesAvailable } from '../sources/documents.ts';

/** True when the documents are present; otherwise warns loudly that `skipped` will not run. */
export function sourceDocumentsPresent(skipped: string): boolean {
  const present = sourcesAvailable();
  if (!present) {
    const warning = `the source documents are not at ${defaultSourcesDir()}: ${skipped} SKIPPED`;
    console.warn(`\n${'!'.repeat(100)}\n!! ${warning}\n${'!'.repeat(100)}\n`);
  }
  return present;
}

/** A test that fails under CI when the documents are missing, so a skip there is a failure, not a pass. */
export function itRequiresSourceDocumentsInCI(present: boolean): void {
  it('has the source documents when running in CI, where they sit beside the clone', () => {
    if (process.env.CI) expect(present, `CI needs the documents at ${defaultSourcesDir()}`).toBe(true);
  });
}
