// Guards the package graph that ARCHITECTURE.md describes: store <- api -> sdk, api -> explorer -> sdk, nothing else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);

describe('package graph', () => {
  const packages = readdirSync(packagesDir).filter((name) => statSync(join(packagesDir, name)).isDirectory());

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
});
