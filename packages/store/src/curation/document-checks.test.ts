import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeStore, type Store } from '../db/client.ts';
import { openFixtureStore, writeFixtureDocuments } from '../testing/fixture-store.ts';
import { CurationError } from './errors.ts';
import { createApiKey } from './keys.ts';
import { saveRecord } from './save-record.ts';

const citedEvent = (paragraph: number) => ({
  slug: '2019-cited-visit',
  title: 'A cited visit',
  summary: 'Someone visited someone.',
  kind: 'visit',
  date: '2019-03',
  sectors: ['diplomacy'],
  participants: [{ actor: 'pakistan', role: 'visitor' }],
  citations: [
    { source: 'fixture-news', paragraph: 1 },
    { source: 'fixture-journal', paragraph },
  ],
});
const newSource = (file: string) => ({ slug: 'new-report', file, title: 'A new report', genre: 'news' });

let store: Store;
let editor: { keyId: number };
let documents: string;
const write = (type: 'event' | 'source', record: unknown) => {
  try {
    saveRecord(store, type, { operation: 'create', change: () => record }, editor);
    return [];
  } catch (error) {
    if (error instanceof CurationError) return error.userErrors;
    throw error;
  }
};

beforeEach(() => {
  store = openFixtureStore();
  editor = { keyId: createApiKey(store, 'write', 'test').key.id };
  documents = writeFixtureDocuments(mkdtempSync(join(tmpdir(), 'bilateral-documents-')), 3);
  vi.stubEnv('BILATERAL_SOURCES_DIR', documents);
});
afterEach(() => {
  vi.unstubAllEnvs();
  closeStore(store);
});

describe('writes checked against the documents', () => {
  it('refuse a citation of a paragraph past the end of the document, naming its count', () => {
    expect(write('event', citedEvent(4))).toEqual([
      {
        field: 'citations[1].paragraph',
        code: 'INVALID',
        message: 'source "fixture-journal" has 3 paragraphs, so paragraph 4 does not exist',
      },
    ]);
    expect(write('event', citedEvent(3))).toEqual([]);
  });

  it('count a document again when it changes', () => {
    expect(write('event', citedEvent(5))).toHaveLength(1);
    writeFixtureDocuments(documents, 5);
    expect(write('event', citedEvent(5))).toEqual([]);
  });

  it('refuse a source whose file is not in the documents directory', () => {
    expect(write('source', newSource('404_missing.txt'))).toEqual([
      {
        field: 'file',
        code: 'NOT_FOUND',
        message: 'there is no document named 404_missing.txt in the documents directory',
      },
    ]);
    writeFileSync(join(documents, '404_missing.txt'), 'Now it exists.');
    expect(write('source', newSource('404_missing.txt'))).toEqual([]);
  });

  it('are skipped when the documents directory is absent', () => {
    vi.stubEnv('BILATERAL_SOURCES_DIR', join(documents, 'absent'));
    expect(write('event', citedEvent(99999))).toEqual([]);
    expect(write('source', newSource('404_missing.txt'))).toEqual([]);
  });
});
