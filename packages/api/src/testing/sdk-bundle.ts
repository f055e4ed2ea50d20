import { join } from 'node:path';
import { build } from 'esbuild';

/** The SDK's source, bundled by esbuild as a browser front-end would bundle it. */
const SDK_ENTRY = join(import.meta.dirname, '../../../sdk/src/index.ts');

export async function bundleSdkForBrowser(): Promise<string> {
  const result = await build({
    entryPoints: [SDK_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
