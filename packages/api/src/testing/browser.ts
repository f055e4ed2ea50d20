import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, it } from 'vitest';

/** Debian's chromium (`apt-get install -y chromium`); `.ci/run` installs it. Never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumMissing = () => !existsSync(CHROMIUM);

/**
 * True when chromium is missing, after saying so: a loud banner that `testFile`'s browser tests are
 * skipped, or under CI (`CI` set) a failing test instead, since CI must install it.
 */
export function skipWithoutChromium(testFile: string): boolean {
  if (!chromiumMissing()) return false;
  if (process.env.CI)
    it('finds chromium, which CI must install', () => {
      expect.fail(`${CHROMIUM} is missing: CI must install Debian's chromium (.ci/run does).`);
    });
  else
    console.warn(
      `\n!!! SKIPPING the browser tests (${testFile}): ${CHROMIUM} is missing. ` +
        'Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH). In CI (CI set) these tests fail instead.\n',
    );
  return true;
}

/** Errors the page logs or throws, collected for one page. */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface GuardedBrowser {
  context: BrowserContext;
  /** Origins the pages may reach; every other request is aborted and recorded. */
  allowedOrigins: Set<string>;
  /** Every request that went (or tried to go) anywhere else. */
  blockedRequests: string[];
  close(): Promise<void>;
}

/**
 * Chromium with a fresh profile and the network closed: a request to any origin outside
 * `allowedOrigins` is aborted and recorded, so a test can fail on any attempt to leave the machine.
 */
export async function launchGuardedBrowser(): Promise<GuardedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'bilateral-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
  });
  const allowedOrigins = new Set<string>();
  const blockedRequests: string[] = [];
  const allowed = (url: string) =>
    url.startsWith('data:') || url.startsWith('blob:') || allowedOrigins.has(new URL(url).origin);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    blockedRequests.push(url);
    return route.abort('blockedbyclient');
  });
  // Also record requests that interception might not see (workers, preloads): anything not allowed counts.
  context.on('request', (request) => {
    if (!allowed(request.url()) && !blockedRequests.includes(request.url())) blockedRequests.push(request.url());
  });
  return {
    context,
    allowedOrigins,
    blockedRequests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
