// @bilateral/sdk as a consumer outside the monorepo gets it: the packed tarball installed with plain
// npm into a fresh project, loaded by Node as ESM and CommonJS, type-checked under three module
// resolutions with strict + exactOptionalPropertyTypes, run against the real server, and misused.
// Slow (it builds the package and installs typescript from npm's cache), hence its own timeouts.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from './testing/server-process.ts';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(import.meta.dirname, '../test/sdk-consumer');
const typescriptVersion = createRequire(join(root, 'package.json'))('typescript/package.json').version as string;
const project = mkdtempSync(join(tmpdir(), 'bilateral-sdk-consumer-'));
let server: ServerProcess | undefined;

interface RunResult {
  code: number;
  output: string;
}

async function run(command: string, args: string[], cwd = project): Promise<RunResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

async function succeed(command: string, args: string[], cwd = project): Promise<string> {
  const { code, output } = await run(command, args, cwd);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`);
  return output;
}

const tsc = (config: string) => run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config]);

let tarball: string;

beforeAll(async () => {
  await succeed('npx', ['-y', 'pnpm@10', '--filter', '@bilateral/sdk', 'pack', '--pack-destination', project], root);
  tarball = readdirSync(project).find((name) => name.endsWith('.tgz'))!;
  cpSync(fixtures, project, { recursive: true });
  await succeed('npm', [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    `./${tarball}`,
    `typescript@${typescriptVersion}`,
  ]);
}, 300_000);

afterAll(() => {
  server?.child.kill('SIGTERM');
  rmSync(project, { recursive: true, force: true });
});

describe('@bilateral/sdk installed from its tarball with npm', () => {
  it('ships compiled code, declarations, README and LICENSE, and no sources or tests', async () => {
    const files = (await succeed('tar', ['-tzf', tarball])).trim().split('\n').sort();
    expect(files).toEqual(expect.arrayContaining(['package/README.md', 'package/LICENSE', 'package/dist/index.js']));
    expect(files.filter((file) => /\.test\.|\/src\/|(?<!\.d)\.c?ts$/.test(file))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/@bilateral/sdk/package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
    expect(manifest.exports['.']).toEqual({
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    });
    expect(existsSync(join(project, 'node_modules/graphql')), 'graphql installed').toBe(false);
  });

  it('loads in plain Node as an ES module and with require()', async () => {
    const esm = JSON.parse(await succeed(process.execPath, ['esm.mjs']));
    expect(esm).toMatchObject({
      code: 'NOT_FOUND',
      documentId: expect.stringMatching(/^[0-9a-f]{64}$/),
      documentNode: 'Document',
      dateScalar: 'string',
    });
    expect(esm.exports).toEqual(
      expect.arrayContaining(['BilateralError', 'createClient', 'exportUrl', 'EventsDocument']),
    );
    expect(esm.documentExports).toContain('EventsDocument');
    const cjs = JSON.parse(await succeed(process.execPath, ['cjs.cjs']));
    expect(cjs).toEqual({ exports: esm.exports, documentExports: esm.documentExports });
  });

  it.each(['bundler', 'node16', 'nodenext'])(
    'type-checks under moduleResolution %s with strict and exactOptionalPropertyTypes',
    async (resolution) => {
      const { code, output } = await tsc(`tsconfig.${resolution}.json`);
      expect(output).toBe('');
      expect(code).toBe(0);
    },
    60_000,
  );

  it('fails to compile a wrong variable type and an unknown error code', async () => {
    const { code, output } = await tsc('tsconfig.misuse.json');
    expect(code).not.toBe(0);
    const misuseLines = readFileSync(join(fixtures, 'misuse.ts'), 'utf8')
      .split('\n')
      .flatMap((line, index) => (line.includes('// MISUSE') ? [index + 1] : []));
    const errorLines = [...output.matchAll(/misuse\.ts\((\d+),\d+\): error (TS\d+)/g)].map((match) => [
      Number(match[1]),
      match[2],
    ]);
    expect(errorLines).toEqual([
      [misuseLines[0], 'TS2322'],
      [misuseLines[1], 'TS2678'],
    ]);
  }, 60_000);

  it('walks allEvents against the live server and catches a typed NOT_FOUND', async () => {
    // out/consumer.js is emitted by the nodenext check; emitted here too when this test runs alone.
    if (!existsSync(join(project, 'out/consumer.js'))) await tsc('tsconfig.nodenext.json');
    server = startServer({ DATABASE_PATH: join(project, 'server.db') });
    const walk = JSON.parse(await succeed(process.execPath, ['out/consumer.js', await server.listening]));
    expect(walk.totalCount).toBeGreaterThan(100);
    expect(walk).toEqual({
      walked: walk.totalCount,
      distinct: walk.totalCount,
      totalCount: walk.totalCount,
      missing: 'NOT_FOUND',
    });
  }, 60_000);
});
