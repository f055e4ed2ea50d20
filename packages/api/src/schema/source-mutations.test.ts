import { describe, expect, it } from 'vitest';
import { execute } from '../testing/graphql.ts';
import { useWriteApi } from '../testing/write-api.ts';

const { api, keyFor, asKey } = useWriteApi();

const SOURCE_FIELDS =
  'id slug file title author outlet genre paragraphs version publishedOn { display } revisions { version operation before after }';
const CREATE = `mutation ($input: SourceInput!) { createSource(input: $input) { source { ${SOURCE_FIELDS} } userErrors { field code } } }`;
const UPDATE = `mutation ($id: ID!, $patch: SourcePatch!, $version: Int) { updateSource(id: $id, patch: $patch, expectedVersion: $version) { source { ${SOURCE_FIELDS} } userErrors { field code } } }`;
const COUNT = '{ sources { totalCount } changes { cursor } }';

const newSource = (overrides: Record<string, unknown> = {}) => ({
  slug: 'test-report-2021',
  file: '000_a5a9ecb81bb08c62.txt',
  title: 'A test report on port talks',
  outlet: 'Test Wire',
  genre: 'NEWS',
  published: '2021-05',
  ...overrides,
});

describe('source mutations', () => {
  it('refuse a caller without a key and write nothing', async () => {
    const before = await execute(api.yoga, COUNT);
    const result = await asKey(null, CREATE, { input: newSource() });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await execute(api.yoga, COUNT)).toEqual(before);
  });

  it('create a source that reads back with version 1 and a revision, then update it', async () => {
    const key = await keyFor('write');
    const created = (await asKey(key, CREATE, { input: newSource() })).data.createSource;
    expect(created.userErrors).toEqual([]);
    expect(created.source).toMatchObject({
      slug: 'test-report-2021',
      genre: 'NEWS',
      paragraphs: 'BLANK_LINES',
      version: 1,
      publishedOn: { display: 'May 2021' },
      author: null,
    });
    expect(created.source.revisions).toEqual([
      expect.objectContaining({ version: 1, operation: 'CREATE', before: null }),
    ]);
    const updated = (
      await asKey(key, UPDATE, {
        id: created.source.id,
        patch: { author: 'A. Writer', outlet: null, paragraphs: 'LAYOUT' },
        version: 1,
      })
    ).data.updateSource;
    expect(updated).toMatchObject({
      userErrors: [],
      source: { author: 'A. Writer', outlet: null, paragraphs: 'LAYOUT', version: 2 },
    });
    expect(updated.source.revisions[0]).toMatchObject({
      version: 2,
      before: { outlet: 'Test Wire' },
      after: { author: 'A. Writer', paragraphs: 'layout' },
    });
  });

  it('report a taken file, a bad slug and an impossible date as userErrors, writing nothing', async () => {
    const before = await execute(api.yoga, COUNT);
    const result = await asKey(keyFor('write'), CREATE, {
      input: newSource({ slug: 'Bad Slug', file: '002_8880533634fae7ba.txt', published: '2023-02-29' }),
    });
    expect(result.data.createSource.source).toBeNull();
    expect(
      result.data.createSource.userErrors
        .map((error: { field: string; code: string }) => `${error.field}:${error.code}`)
        .sort(),
    ).toEqual(['published:INVALID', 'slug:INVALID']);
    const taken = await asKey(keyFor('write'), CREATE, {
      input: newSource({ slug: 'another-report', file: '002_8880533634fae7ba.txt' }),
    });
    expect(taken.data.createSource.userErrors).toEqual([{ field: 'file', code: 'TAKEN' }]);
    expect(await execute(api.yoga, COUNT)).toEqual(before);
  });

  it('accept only http(s) URLs', async () => {
    const key = await keyFor('write');
    const refused = await asKey(key, CREATE, {
      input: newSource({ slug: 'linked-report', file: '001_8c441e2d551f0940.txt', url: 'ftp://example.org/report' }),
    });
    expect(refused.data.createSource.userErrors).toEqual([{ field: 'url', code: 'INVALID' }]);
    const accepted = await asKey(
      key,
      `mutation ($input: SourceInput!) { createSource(input: $input) { source { url } userErrors { field } } }`,
      {
        input: newSource({
          slug: 'linked-report',
          file: '001_8c441e2d551f0940.txt',
          url: 'https://example.org/report',
        }),
      },
    );
    expect(accepted.data.createSource).toEqual({ source: { url: 'https://example.org/report' }, userErrors: [] });
  });
});
