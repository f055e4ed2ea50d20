// In a real browser (Debian's chromium, headless) with the network closed to everything but the
// server: GraphiQL renders from the server's own files, every tab opens with its SDK operation and
// example variables and returns data, the console stays free of errors; and a page on another
// origin reads a page of events through the bundled SDK (CORS). Under TRUSTED_DOCUMENTS_ONLY, which refuses
// GraphiQL's introspection, the page carries the schema and the tabs still run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, print } from 'graphql';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExampleTab, exampleOperations } from './graphiql/examples.ts';
import { consoleErrors, type GuardedBrowser, launchGuardedBrowser, skipWithoutChromium } from './testing/browser.ts';
import { bundleSdkForBrowser } from './testing/sdk-bundle.ts';
import { type ServerProcess, startServer } from './testing/server-process.ts';
import { type StaticSite, serveStaticSite } from './testing/static-site.ts';

const missing = skipWithoutChromium('browser.test.ts');

/** True when a result holds at least one non-empty list or a non-null object beyond the root. */
const hasData = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : value !== null && typeof value === 'object' && Object.values(value).some(hasData);

const normalized = (document: string) => print(parse(document));

/**
 * Switches GraphiQL on `page` to tab `index` and runs it: the request it sends must be the tab's
 * document and example variables, and the answer data without errors.
 */
async function runTab(page: Page, serverUrl: string, index: number, example: ExampleTab): Promise<void> {
  const tabs = page.locator('.graphiql-tab');
  // By keyboard: the tab bar is a drag-to-reorder list, and a pointer click on a tab does not switch to it in
  // headless chromium.
  await tabs.nth(index).locator('.graphiql-tab-button').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => tabs.nth(index).getAttribute('aria-selected')).toBe('true');
  // GraphiQL takes in a switched tab's query after a short debounce, which also picks the operation to
  // run, and then writes it into the page's URL; running before that would run the previous operation.
  await expect.poll(() => new URL(page.url()).searchParams.get('query'), { timeout: 10_000 }).toBe(example.query);
  expect(await tabs.nth(index).textContent()).toContain(example.name);
  const answered = page.waitForResponse(
    (response) =>
      response.url() === serverUrl &&
      response.request().method() === 'POST' &&
      !response.request().postData()?.includes('IntrospectionQuery'),
    { timeout: 15_000 },
  );
  // The same button stops a request in flight; click it only once GraphiQL is idle again.
  const executeButton = page.locator('.graphiql-execute-button');
  await expect.poll(() => executeButton.getAttribute('aria-label'), { timeout: 30_000 }).toMatch(/^Execute/);
  await executeButton.click();
  const response = await answered.catch((error: Error) => {
    throw new Error(`${example.name}: running the tab sent no request (is its query in the editor?): ${error.message}`);
  });
  const sent = response.request().postDataJSON() as { query: string; variables?: Record<string, unknown> };
  expect(normalized(sent.query), `${example.name}: the query the tab ran`).toBe(normalized(example.query));
  expect(sent.variables ?? {}, `${example.name}: the variables the tab sent`).toEqual(
    example.variables ? JSON.parse(example.variables) : {},
  );
  const result = await response.json();
  expect(result.errors, `${example.name}: errors`).toBeUndefined();
  expect(hasData(result.data), `${example.name}: data`).toBe(true);
}

describe.skipIf(missing)('in a real browser', () => {
  let server: ServerProcess;
  let serverUrl: string;
  let browser: GuardedBrowser;
  let serverOrigin: string;
  const dir = mkdtempSync(join(tmpdir(), 'bilateral-browser-'));

  beforeAll(async () => {
    server = startServer({ DATABASE_PATH: join(dir, 'browser.db') });
    [serverUrl, browser] = await Promise.all([server.listening, launchGuardedBrowser()]);
    serverOrigin = new URL(serverUrl).origin;
    browser.allowedOrigins.add(serverOrigin);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('GraphiQL runs every tab with its example variables, offline and without console errors', async () => {
    const page = await browser.context.newPage();
    const errors = consoleErrors(page);
    await page.goto(serverUrl);
    const tabs = page.locator('.graphiql-tab');
    const examples = exampleOperations();
    await expect.poll(() => tabs.count(), { timeout: 60_000 }).toBe(examples.length);

    for (const [index, example] of examples.entries()) await runTab(page, serverUrl, index, example);

    expect(browser.blockedRequests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('GraphiQL runs its example tabs on a server with TRUSTED_DOCUMENTS_ONLY, which refuses its introspection', async () => {
    const trustedOnly = startServer({ DATABASE_PATH: join(dir, 'trusted-only.db'), TRUSTED_DOCUMENTS_ONLY: 'true' });
    try {
      const url = await trustedOnly.listening;
      browser.allowedOrigins.add(new URL(url).origin);
      const page = await browser.context.newPage();
      const errors = consoleErrors(page);
      await page.goto(url);
      const tabs = page.locator('.graphiql-tab');
      const examples = exampleOperations();
      await expect.poll(() => tabs.count(), { timeout: 60_000 }).toBe(examples.length);
      await runTab(page, url, 0, examples[0]!);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      trustedOnly.child.kill('SIGTERM');
    }
  }, 120_000);

  it('a page on another origin reads a page of events through the bundled SDK', async () => {
    const site: StaticSite = await serveStaticSite({
      '/': {
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>SDK</title></head>
<body><script type="module">
  import { createClient } from '/sdk.js';
  const bilateral = createClient({ url: ${JSON.stringify(serverUrl)} });
  try {
    window.sdkResult = { page: await bilateral.events({ filter: { actors: ['pakistan', 'russia'], actorsMatch: 'ALL' }, first: 5 }) };
  } catch (error) {
    window.sdkResult = { error: String(error), code: error.code };
  }
</script></body></html>`,
      },
      '/sdk.js': { type: 'text/javascript; charset=utf-8', body: await bundleSdkForBrowser() },
    });
    browser.allowedOrigins.add(site.origin);
    try {
      expect(site.origin).not.toBe(serverOrigin);
      const page = await browser.context.newPage();
      const errors = consoleErrors(page);
      const crossOrigin: { method: string; origin: string | undefined }[] = [];
      page.on('request', async (request) => {
        if (request.url().startsWith(serverUrl))
          crossOrigin.push({ method: request.method(), origin: (await request.allHeaders()).origin });
      });

      await page.goto(`${site.origin}/`);
      // A string, not a function: vitest's transform would put helpers into a function that the page lacks.
      const outcome = await page.waitForFunction('window.sdkResult', undefined, { timeout: 30_000 });
      const { page: events, error } = (await outcome.jsonValue()) as {
        page?: { totalCount: number; edges: { node: { slug: string } }[] };
        error?: string;
      };
      expect(error).toBeUndefined();
      expect(events!.totalCount).toBeGreaterThan(5);
      expect(events!.edges).toHaveLength(5);
      expect(crossOrigin.length).toBeGreaterThan(0);
      expect(crossOrigin.every((request) => request.origin === site.origin)).toBe(true);
      expect(browser.blockedRequests).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await site.close();
    }
  }, 60_000);
});
