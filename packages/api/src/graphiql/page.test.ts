// The GraphiQL page loads everything from this server: it names no other origin.
import { describe, expect, it } from 'vitest';
import { useFixtureApi } from '../testing/fixture-api.ts';
import { graphiqlAssetUrl } from './assets.ts';
import { renderGraphiQLPage } from './page.ts';

const api = useFixtureApi();
const fetchPath = (path: string, headers: Record<string, string> = {}) =>
  api.yoga.fetch(`http://bilateral.test${path}`, { headers });

describe('the GraphiQL page', () => {
  it('loads everything from this server and nothing from another origin', async () => {
    const page = await (await fetchPath('/graphql', { accept: 'text/html' })).text();
    expect(page).toContain(graphiqlAssetUrl('yoga-graphiql.js'));
    expect(page).toContain(graphiqlAssetUrl('graphiql.css'));
    expect(page.match(/(?:src|href)="[^"]*"/g)?.filter((link) => !/="(?:\/|data:)/.test(link))).toEqual([]);
    expect(page).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('cannot be broken out of by a tab holding "</script>"', () => {
    const page = renderGraphiQLPage({ title: 'T', defaultTabs: [{ query: '# </script><script>alert(1)</script>' }] });
    expect(page.match(/<\/script>/g)).toHaveLength(2);
  });
});
