/**
 * What a schema change does to clients, decided by GraphQL Inspector against the schema of the
 * last release (`releases/schema-<version>.graphql`, the newest version in CHANGELOG.md):
 * - a breaking change fails the check unless CHANGELOG.md's Unreleased Breaking list names its path;
 * - a field, argument, input field or enum value may be removed only if the last release already
 *   marked it `@deprecated` with a reason, so clients had a release in which to move;
 * - dangerous changes (a new enum value a client's switch may not handle, a changed default) are
 *   reported, not refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  buildSchema,
  DEFAULT_DEPRECATION_REASON,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { type Changelog, listedBreakingPaths, nextVersion, parseChangelog, versionProblems } from './changelog.ts';

export interface SchemaChangeReport {
  /** The release compared against. */
  baselineVersion: string;
  /** The version the Unreleased section calls for. */
  nextVersion: string;
  breaking: Change[];
  dangerous: Change[];
  /** Why the check fails; empty when it passes. */
  problems: string[];
}

const REMOVALS_NEEDING_DEPRECATION = new Set([
  'FIELD_REMOVED',
  'FIELD_ARGUMENT_REMOVED',
  'INPUT_FIELD_REMOVED',
  'ENUM_VALUE_REMOVED',
]);

/** The deprecation reason the baseline gave the element at `path` (`Type.field`, `Type.field.argument`, `Enum.VALUE`). */
function deprecationReason(schema: GraphQLSchema, path: string): string | null | undefined {
  const [typeName, member, argument] = path.split('.');
  const type = schema.getType(typeName!);
  if (isEnumType(type)) return type.getValue(member!)?.deprecationReason;
  if (isInputObjectType(type)) return type.getFields()[member!]?.deprecationReason;
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member!];
    return argument === undefined
      ? field?.deprecationReason
      : field?.args.find((arg) => arg.name === argument)?.deprecationReason;
  }
  return undefined;
}

const deprecatedWithReason = (reason: string | null | undefined) =>
  !!reason?.trim() && reason !== DEFAULT_DEPRECATION_REASON;

export async function compareSchemas(
  baseline: { version: string; schema: GraphQLSchema },
  current: GraphQLSchema,
  changelog: Changelog,
): Promise<SchemaChangeReport> {
  const changes = await diff(baseline.schema, current);
  const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
  const dangerous = changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous);
  const listed = listedBreakingPaths(changelog.unreleased);
  const problems = versionProblems(changelog);
  for (const change of breaking) {
    const path = change.path ?? change.message;
    if (!listed.has(path))
      problems.push(
        `breaking change not in CHANGELOG.md's Unreleased Breaking list (as \`${path}\`): ${change.message}`,
      );
    if (
      REMOVALS_NEEDING_DEPRECATION.has(change.type) &&
      !deprecatedWithReason(deprecationReason(baseline.schema, path))
    )
      problems.push(
        `${path} is removed, but release ${baseline.version} did not mark it @deprecated with a reason: deprecate it in one release, remove it in a later one.`,
      );
  }
  return {
    baselineVersion: baseline.version,
    nextVersion: nextVersion(baseline.version, changelog.unreleased),
    breaking,
    dangerous,
    problems,
  };
}

/** The repository's root, where schema.graphql, CHANGELOG.md and releases/ are. */
export const repositoryRoot = join(import.meta.dirname, '../../../..');

export const baselineFile = (version: string, root = repositoryRoot) =>
  join(root, 'releases', `schema-${version}.graphql`);

/** Checks the repository's schema.graphql against its last release; `sdkVersion` must be that release's version. */
export async function checkRepositorySchema(root = repositoryRoot): Promise<SchemaChangeReport> {
  const changelog = parseChangelog(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'));
  const last = changelog.releases[0];
  if (!last) throw new Error('CHANGELOG.md lists no release to compare the schema against.');
  const report = await compareSchemas(
    { version: last.version, schema: buildSchema(readFileSync(baselineFile(last.version, root), 'utf8')) },
    buildSchema(readFileSync(join(root, 'schema.graphql'), 'utf8')),
    changelog,
  );
  const sdkVersion = (JSON.parse(readFileSync(join(root, 'packages/sdk/package.json'), 'utf8')) as { version: string })
    .version;
  if (sdkVersion !== last.version)
    report.problems.push(
      `packages/sdk/package.json says ${sdkVersion}; the last release in CHANGELOG.md is ${last.version}. Bump the SDK's version when a release is added to CHANGELOG.md.`,
    );
  return report;
}

/** The report as lines for a terminal: the problems first, then what is dangerous. */
export function describeReport(report: SchemaChangeReport): string[] {
  return [
    `schema.graphql against release ${report.baselineVersion}: ${report.breaking.length} breaking, ${report.dangerous.length} dangerous; the Unreleased entries call for ${report.nextVersion}`,
    ...report.problems.map((problem) => `  FAIL ${problem}`),
    ...report.dangerous.map((change) => `  dangerous: ${change.message}`),
  ];
}
