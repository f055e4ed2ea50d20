import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StartupError } from './open-database.ts';
import { sourcesDirSetting } from './sources-dir.ts';

describe('SOURCES_DIR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bilateral-sources-dir-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is off when unset or blank', () => {
    expect(sourcesDirSetting({})).toBeUndefined();
    expect(sourcesDirSetting({ SOURCES_DIR: '  ' })).toBeUndefined();
  });

  it('names a directory', () => {
    expect(sourcesDirSetting({ SOURCES_DIR: dir })).toBe(dir);
  });

  it('stops the server with a message when it names no directory', () => {
    const file = join(dir, 'a-file.txt');
    writeFileSync(file, 'text');
    for (const value of [file, join(dir, 'missing')]) {
      expect(() => sourcesDirSetting({ SOURCES_DIR: value })).toThrow(StartupError);
      expect(() => sourcesDirSetting({ SOURCES_DIR: value })).toThrow(/SOURCES_DIR must name a directory/);
    }
  });
});
