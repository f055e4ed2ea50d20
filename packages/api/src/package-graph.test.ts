// Guards the package graph that ARCHITECTURE.md describes (store <- api -> sdk, api -> explorer -> sdk,
// nothing else), the store's floor order, and the absence of import circles anywhere.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const packagesDir = join(import.meta.dirname, '../..');
const allowed: Record<string, string[]> = {
  '@bilateral/store': [],
  '@bilateral/sdk': [],
  // api serves the explorer's built files; the explorer reaches the server only through the SDK.
  '@bilateral/explorer': ['@bilateral/sdk'],
  '@bilateral/api': ['@bilateral/store', '@bilateral/sdk', '@bilateral/explorer'],
};
/** Libraries only the store may use: everything else reaches the database through it. */
const storeOnly = ['drizzle-orm', 'better-sqlite3', 'drizzle-kit'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });

/**
 * The store's folders from the floor up (ARCHITECTURE.md, "Floors of the store"): a file may import
 * from its own folder or from a lower floor, never from a higher one.
 */
const STORE_FLOORS = [
  ['text', 'dates', 'vocabulary', 'errors', 'paging', 'statistics', 'search', 'live'],
  ['sources'],
  ['seed'],
  // The logic of each write, shared by both databases, which supply only their statements.
  ['plans'],
  ['postgres'],
  ['db'],
  ['queries'],
  ['records'],
  ['curation'],
  ['seed-loader'],
  // BilateralStore, the interface every database implements, then each implementation of it.
  ['interface'],
  ['sqlite', 'postgres-store'],
  ['maintenance', 'synthetic', 'testing'],
  // The operator's commands open the store as the server does, through `open-bilateral-store.ts`.
  ['cli'],
];
/** `index.ts` and `open-bilateral-store.ts`: above every folder but the CLI's. */
const TOP_LEVEL_FLOOR = STORE_FLOORS.length - 1.5;
const packages = readdirSync(packagesDir).filter((name) => statSync(join(packagesDir, name)).isDirectory());
const storeSrc = join(packagesDir, 'store/src');
const floorOf = (file: string) => {
  const folder = relative(storeSrc, file).split('/')[0]!;
  const floor = STORE_FLOORS.findIndex((folders) => folders.includes(folder));
  return { folder, floor: floor === -1 && folder.endsWith('.ts') ? TOP_LEVEL_FLOOR : floor };
};
const isTest = (file: string) => file.endsWith('.test.ts');

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);

describe('package graph', () => {
  it('has exactly the four documented packages, each with an exports map', () => {
    const manifests = packages.map((name) => JSON.parse(readFileSync(join(packagesDir, name, 'package.json'), 'utf8')));
    expect(manifests.map((manifest) => manifest.name).sort()).toEqual(Object.keys(allowed).sort());
    for (const manifest of manifests) expect(manifest.exports, manifest.name).toBeTypeOf('object');
  });

  it('depends only one way, in package.json and in every import', () => {
    const violations: string[] = [];
    for (const name of packages) {
      const manifest = JSON.parse(readFileSync(join(packagesDir, name, 'package.json'), 'utf8'));
      const declared = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((dependency) =>
        dependency.startsWith('@bilateral/'),
      );
      for (const dependency of declared)
        if (!allowed[manifest.name]!.includes(dependency)) violations.push(`${manifest.name} declares ${dependency}`);
      for (const file of sourceFiles(join(packagesDir, name, 'src'))) {
        for (const specifier of importsOf(file)) {
          const where = relative(packagesDir, file);
          const workspace = /^@bilateral\/[^/]+/.exec(specifier)?.[0];
          if (workspace && workspace !== manifest.name && !allowed[manifest.name]!.includes(workspace))
            violations.push(`${where} imports ${specifier}`);
          if (
            manifest.name !== '@bilateral/store' &&
            storeOnly.some((library) => specifier === library || specifier.startsWith(`${library}/`))
          )
            violations.push(`${where} imports ${specifier}; go through @bilateral/store`);
          if (workspace && /\/src\//.test(specifier))
            violations.push(`${where} reaches into ${specifier}; import what the package exports`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it("reaches the database only through the store's interface: no SQLite-bound function is exported to the API", async () => {
    // A function of the store that takes the drizzle connection (or a transaction, or a reader of it) first.
    const storeSource = join(packagesDir, 'store/src');
    const bound = new Set(
      sourceFiles(storeSource)
        .filter((file) => !file.endsWith('.test.ts'))
        .flatMap((file) =>
          [
            ...readFileSync(file, 'utf8').matchAll(
              /export (?:function (\w+)(?:<[^>]*>)?\(\s*\w+: (?:Store|Transaction|Reader)\b|const (\w+) = batchedLookup\b)/g,
            ),
          ].map((match) => match[1] ?? match[2]!),
        ),
    );
    expect(bound).toContain('listEvents');
    expect(bound).toContain('eventsByIds');
    expect(bound).toContain('saveRecord');
    const exported = Object.keys(await import('@bilateral/store'));
    expect(exported).toContain('openBilateralStore');
    expect(exported.filter((name) => bound.has(name) || ['openStore', 'closeStore'].includes(name))).toEqual([]);
  });

  it("keeps the store's testing entry, which opens SQLite itself, out of the code that serves requests", () => {
    const apiSource = join(packagesDir, 'api/src');
    const serving = sourceFiles(apiSource).filter(
      (file) => !file.endsWith('.test.ts') && !relative(apiSource, file).startsWith('testing/'),
    );
    expect(serving.length).toBeGreaterThan(20);
    expect(
      serving
        .filter((file) => importsOf(file).includes('@bilateral/store/testing'))
        .map((file) => relative(packagesDir, file)),
    ).toEqual([]);
  });
});

describe('folders inside a package', () => {
  const relativeImports = (file: string) =>
    importsOf(file)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolve(dirname(file), specifier));

  it('every store folder has a floor, and no store file imports from a higher floor', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(storeSrc).filter((path) => !isTest(path))) {
      const from = floorOf(file);
      if (from.floor === -1) violations.push(`${from.folder}/ has no floor in STORE_FLOORS`);
      for (const target of relativeImports(file)) {
        const to = floorOf(target);
        if (to.floor > from.floor) violations.push(`${relative(storeSrc, file)} imports ${relative(storeSrc, target)}`);
      }
    }
    expect([...new Set(violations)]).toEqual([]);
  });

  it('no module imports itself through a circle of other modules', () => {
    const files = packages
      .flatMap((name) => sourceFiles(join(packagesDir, name, 'src')))
      .filter((path) => !isTest(path));
    const edges = new Map(files.map((file) => [file, relativeImports(file).filter((target) => target !== file)]));
    expect(importCircles(edges).map((circle) => circle.map((file) => relative(packagesDir, file)))).toEqual([]);
  });
});

/** The strongly connected groups of more than one module (Tarjan's algorithm): each is an import circle. */
function importCircles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (module: string) => {
    order.set(module, order.size);
    lowest.set(module, order.get(module)!);
    stack.push(module);
    for (const next of edges.get(module) ?? []) {
      if (!edges.has(next)) continue;
      if (!order.has(next)) visit(next);
      if (stack.includes(next)) lowest.set(module, Math.min(lowest.get(module)!, lowest.get(next)!));
    }
    if (lowest.get(module) !== order.get(module)) return;
    const group = stack.splice(stack.indexOf(module));
    if (group.length > 1) circles.push(group);
  };
  for (const module of edges.keys()) if (!order.has(module)) visit(module);
  return circles;
}
