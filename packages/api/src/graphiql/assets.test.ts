// GraphiQL's files: exactly the package's listed files, compressed when asked and revalidated by ETag.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useFixtureApi } from '../testing/fixture-api.ts';
import { GRAPHIQL_ASSETS_PATH, graphiqlAssetUrl } from './assets.ts';

const api = useFixtureApi();
const fetchPath = (path: string, headers: Record<string, string> = {}) =>
  api.yoga.fetch(`http://bilateral.test${path}`, { headers });

describe('the GraphiQL files', () => {
  it('serves the bundle gzipped when asked, with an ETag that answers 304', async () => {
    const plain = await fetchPath(graphiqlAssetUrl('yoga-graphiql.js'));
    expect(plain.headers.get('content-type')).toMatch(/^text\/javascript/);
    const body = await plain.text();
    expect(body).toContain('renderYogaGraphiQL');
    const gzipped = await fetchPath(graphiqlAssetUrl('yoga-graphiql.js'), { 'accept-encoding': 'gzip, br' });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const compressed = new Uint8Array(await gzipped.arrayBuffer());
    expect(compressed.length).toBeLessThan(body.length / 3);
    expect(gunzipSync(compressed).toString('utf8')).toBe(body);
    const again = await fetchPath(graphiqlAssetUrl('yoga-graphiql.js'), {
      'if-none-match': plain.headers.get('etag')!,
    });
    expect(again.status).toBe(304);
  });

  it('serves the patched bundle: default tabs replace the Welcome boilerplate', async () => {
    const body = await (await fetchPath(graphiqlAssetUrl('yoga-graphiql.js'))).text();
    expect(body).toContain('n.defaultQuery != null || n.defaultTabs != null ? void 0 : e');
    expect(body).toContain('initialVariables: dt ?? (Tn === 0 ? Gt[0].variables : null) ?? ""');
  });

  it('serves the stylesheet and the three editor workers, and nothing else', async () => {
    for (const name of ['graphiql.css', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js'] as const)
      expect((await fetchPath(graphiqlAssetUrl(name))).status, name).toBe(200);
    for (const path of ['package.json', '../package.json', 'dist/yoga-graphiql.umd.js', '%2e%2e/package.json'])
      expect((await fetchPath(`${GRAPHIQL_ASSETS_PATH}${path}`)).status, path).toBe(404);
  });
});
