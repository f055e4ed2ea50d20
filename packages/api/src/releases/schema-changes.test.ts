import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { nextVersion, parseChangelog, versionProblems } from './changelog.ts';
import { checkRepositorySchema, compareSchemas, describeReport, repositoryRoot } from './schema-changes.ts';

const released = /* GraphQL */ `
  type Query {
    event(slug: String!, archived: Boolean): Event
    legacyTitle: String @deprecated(reason: "Read Event.title instead.")
    oldCount: Int @deprecated
  }
  type Event {
    slug: String!
    title: String!
  }
  enum Kind {
    MEETING
    VISIT
    TREATY @deprecated(reason: "Treaties are agreements now.")
  }
`;

const changelog = (breaking: string[] = [], releases = '## 0.1.0 - 2026-12-07\n### Added\n- first\n') =>
  parseChangelog(
    `# Changelog\n\n## Unreleased\n${breaking.length ? `### Breaking\n${breaking.map((line) => `- ${line}`).join('\n')}\n` : ''}\n${releases}`,
  );

const compare = (current: string, breaking: string[] = []) =>
  compareSchemas({ version: '0.1.0', schema: buildSchema(released) }, buildSchema(current), changelog(breaking));

describe('the schema change check', () => {
  it("passes the repository's schema.graphql against its last release, and prints what is dangerous", async () => {
    const report = await checkRepositorySchema();
    console.info(describeReport(report).join('\n'));
    expect(report.problems).toEqual([]);
  });

  it('fails on a breaking change CHANGELOG.md does not list, naming its path', async () => {
    const current = released.replace('title: String!', 'title: String');
    const report = await compare(current);
    expect(report.breaking.map((change) => change.path)).toEqual(['Event.title']);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain('`Event.title`');
  });

  it('passes a breaking change listed under Breaking in Unreleased, and asks for the next minor version before 1.0', async () => {
    const current = released.replace('title: String!', 'title: String');
    const report = await compare(current, ['`Event.title` may be null for events without a title.']);
    expect(report.problems).toEqual([]);
    expect(report.nextVersion).toBe('0.2.0');
  });

  it('passes the removal of a field the last release deprecated with a reason, once listed', async () => {
    const current = released.replace(/legacyTitle.*\n/, '');
    expect((await compare(current)).problems).toHaveLength(1);
    expect((await compare(current, ['`Query.legacyTitle` removed (deprecated in 0.1.0).'])).problems).toEqual([]);
  });

  it('fails the removal of a field or enum value the last release did not deprecate with a reason, even when listed', async () => {
    const withoutSlug = released.replace('slug: String!\n    title', 'title');
    const slug = await compare(withoutSlug, ['`Event.slug` removed.']);
    expect(slug.problems).toEqual([
      expect.stringContaining('Event.slug is removed, but release 0.1.0 did not mark it'),
    ]);

    // @deprecated without a reason only says "No longer supported": clients were not told where to go.
    const withoutCount = released.replace(/oldCount.*\n/, '');
    expect((await compare(withoutCount, ['`Query.oldCount` removed.'])).problems).toEqual([
      expect.stringContaining('Query.oldCount is removed'),
    ]);

    const withoutVisit = released.replace('VISIT\n', '');
    expect((await compare(withoutVisit, ['`Kind.VISIT` removed.'])).problems).toEqual([
      expect.stringContaining('Kind.VISIT is removed'),
    ]);
    const withoutTreaty = released.replace(/TREATY.*\n/, '');
    expect((await compare(withoutTreaty, ['`Kind.TREATY` removed.'])).problems).toEqual([]);
  });

  it('fails the removal of an argument that was not deprecated', async () => {
    const current = released.replace(', archived: Boolean', '');
    const report = await compare(current, ['`Query.event.archived` removed.']);
    expect(report.breaking.map((change) => change.path)).toEqual(['Query.event.archived']);
    expect(report.problems).toEqual([expect.stringContaining('Query.event.archived is removed')]);
  });

  it('reports a dangerous change (a new enum value) without failing', async () => {
    const report = await compare(released.replace('VISIT\n', 'VISIT\n    SUMMIT\n'));
    expect(report.problems).toEqual([]);
    expect(report.dangerous.map((change) => change.path)).toEqual(['Kind.SUMMIT']);
    expect(describeReport(report).join('\n')).toContain('dangerous:');
  });

  it('passes additions without a changelog entry', async () => {
    const report = await compare(released.replace('title: String!', 'title: String!\n    summary: String'));
    expect(report).toMatchObject({ problems: [], breaking: [], nextVersion: '0.1.1' });
  });
});

describe('versions from CHANGELOG.md', () => {
  const release = (version: string, kind: string) => `## ${version} - 2026-12-07\n### ${kind}\n- something\n`;

  it('raise the major version for breaking entries after 1.0, the minor for additions, the patch for fixes', () => {
    expect(nextVersion('1.4.2', parseChangelog(`## Unreleased\n### Breaking\n- x\n`).unreleased)).toBe('2.0.0');
    expect(nextVersion('1.4.2', parseChangelog(`## Unreleased\n### Added\n- x\n`).unreleased)).toBe('1.5.0');
    expect(nextVersion('1.4.2', parseChangelog(`## Unreleased\n### Deprecated\n- x\n`).unreleased)).toBe('1.5.0');
    expect(nextVersion('1.4.2', parseChangelog(`## Unreleased\n### Fixed\n- x\n`).unreleased)).toBe('1.4.3');
    expect(nextVersion('0.3.1', changelog([], '').unreleased)).toBe('0.3.2');
  });

  it('flag a release whose version does not follow from its entries', () => {
    const good = changelog([], release('0.2.0', 'Breaking') + release('0.1.0', 'Added'));
    expect(versionProblems(good)).toEqual([]);
    const bad = changelog([], release('0.1.1', 'Breaking') + release('0.1.0', 'Added'));
    expect(versionProblems(bad)).toEqual(['release 0.1.1 follows 0.1.0; its entries call for 0.2.0']);
  });

  it('refuse a changelog without an Unreleased section first', () => {
    expect(() => parseChangelog('# Changelog\n## 0.1.0\n')).toThrow('must start with a "## Unreleased" section');
  });
});

describe('the check on a checkout', () => {
  const root = mkdtempSync(join(tmpdir(), 'bilateral-schema-check-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const path of ['CHANGELOG.md', 'schema.graphql', 'releases', 'packages/sdk/package.json'])
    cpSync(join(repositoryRoot, path), join(root, path), { recursive: true });

  it("fails when a released field is dropped from schema.graphql, and when the SDK's version is not the last release's", async () => {
    const schema = readFileSync(join(root, 'schema.graphql'), 'utf8');
    writeFileSync(
      join(root, 'schema.graphql'),
      schema.replace(/^ {2}"""\n {2}Stable, human-readable key[\s\S]*?"""\n {2}slug: String!\n/m, ''),
    );
    const sdk = JSON.parse(readFileSync(join(root, 'packages/sdk/package.json'), 'utf8'));
    writeFileSync(join(root, 'packages/sdk/package.json'), JSON.stringify({ ...sdk, version: '9.9.9' }));
    const report = await checkRepositorySchema(root);
    expect(report.breaking.length).toBeGreaterThan(0);
    expect(report.problems.some((problem) => problem.includes('.slug'))).toBe(true);
    expect(report.problems.at(-1)).toContain('packages/sdk/package.json says 9.9.9');
  });
});
