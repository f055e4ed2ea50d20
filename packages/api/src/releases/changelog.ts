/**
 * CHANGELOG.md, read as data. It follows Keep a Changelog: `## Unreleased` first, then one
 * `## x.y.z - date` heading per release, newest first, each with `### Breaking`, `### Deprecated`,
 * `### Added`, `### Changed` or `### Fixed` lists. A breaking schema change is "listed" when the
 * Breaking list of its section names its schema path in backticks (`` `Event.title` ``).
 *
 * The SDK's version follows semver from it: a release with Breaking entries raises the major
 * version (the minor one before 1.0), one with Added or Deprecated entries the minor version (the
 * patch before 1.0), any other the patch.
 */

export interface ChangelogSection {
  /** `Unreleased`, or the version of a release. */
  version: string;
  /** Entries by kind (`Breaking`, `Added`, ...), each the text of one list item. */
  entries: ReadonlyMap<string, readonly string[]>;
}

export interface Changelog {
  unreleased: ChangelogSection;
  /** Releases, newest first. */
  releases: readonly ChangelogSection[];
}

const SECTION = /^## \[?([^\]\s]+)\]?/;
const KIND = /^### (\w+)/;
const ITEM = /^\s*[-*] (.*)$/;

export function parseChangelog(text: string): Changelog {
  const sections: { version: string; entries: Map<string, string[]> }[] = [];
  let kind: string | undefined;
  for (const line of text.split('\n')) {
    const section = SECTION.exec(line);
    if (section) {
      sections.push({ version: section[1]!, entries: new Map() });
      kind = undefined;
      continue;
    }
    const current = sections.at(-1);
    if (!current) continue;
    const heading = KIND.exec(line);
    if (heading) {
      kind = heading[1]!;
      current.entries.set(kind, current.entries.get(kind) ?? []);
      continue;
    }
    const item = ITEM.exec(line);
    if (item && kind) current.entries.get(kind)!.push(item[1]!);
  }
  const [first, ...rest] = sections;
  if (first?.version.toLowerCase() !== 'unreleased')
    throw new Error('CHANGELOG.md must start with a "## Unreleased" section (empty when nothing changed).');
  for (const release of rest)
    if (!parseVersion(release.version))
      throw new Error(`CHANGELOG.md: "## ${release.version}" is not a version (x.y.z).`);
  return { unreleased: first, releases: rest };
}

type Version = [major: number, minor: number, patch: number];

function parseVersion(text: string): Version | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

const hasEntries = (section: ChangelogSection, kind: string) => (section.entries.get(kind)?.length ?? 0) > 0;

/** The version a section's entries call for after `previous`. */
export function nextVersion(previous: string, section: ChangelogSection): string {
  const [major, minor, patch] = parseVersion(previous) ?? [0, 0, 0];
  const breaking = hasEntries(section, 'Breaking');
  const feature = hasEntries(section, 'Added') || hasEntries(section, 'Deprecated');
  if (major === 0) {
    // Before 1.0 semver lets anything change; as Cargo does, a breaking change then raises the minor version.
    return breaking ? `0.${minor + 1}.0` : `0.${minor}.${patch + 1}`;
  }
  if (breaking) return `${major + 1}.0.0`;
  return feature ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

/** Where the releases' versions do not follow from their entries; empty when they all do. */
export function versionProblems(changelog: Changelog): string[] {
  const problems: string[] = [];
  const oldestFirst = [...changelog.releases].reverse();
  for (let index = 1; index < oldestFirst.length; index++) {
    const release = oldestFirst[index]!;
    const expected = nextVersion(oldestFirst[index - 1]!.version, release);
    if (release.version !== expected)
      problems.push(
        `release ${release.version} follows ${oldestFirst[index - 1]!.version}; its entries call for ${expected}`,
      );
  }
  return problems;
}

/** The schema paths (`Type.field`) a section's Breaking list names in backticks. */
export function listedBreakingPaths(section: ChangelogSection): Set<string> {
  const paths = new Set<string>();
  for (const entry of section.entries.get('Breaking') ?? [])
    for (const match of entry.matchAll(/`([^`]+)`/g)) paths.add(match[1]!);
  return paths;
}
