/**
 * The content-security policy against the real pages in headless Chromium: /explore and /graphiql
 * still work offline under it (they render and run a query), and the browser reports no violation.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { buildAppSchema } from '../../src/graphql/schema';
import { createHttpApp, HttpApp } from '../../src/http/app';
import { seedGraph } from '../../src/ingest/seed';
import { createLogger } from '../../src/logger';
import { QueryCatalog } from '../../src/neo4j/queries';
import { confineToOrigin, describeWithBrowser, launchChromium } from '../support/browser';
import { testEnv, useTestGraph } from '../support/neo4j';

const db = useTestGraph();
let app: HttpApp;
let base: string;

beforeAll(async () => {
  await seedGraph(db());
  const config = loadConfig({ ...testEnv(), NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' });
  app = await createHttpApp(await buildAppSchema(), { config, db: db(), queries: new QueryCatalog() }, createLogger('silent'));
  await app.listen();
  base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.close();
});

/** Every CSP violation the page reports, from the console and from securitypolicyviolation events. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(
    "document.addEventListener('securitypolicyviolation', (e) => console.error('Refused to load (CSP ' + e.violatedDirective + '): ' + e.blockedURI))",
  );
  return violations;
}

describeWithBrowser('content-security policy in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('/explore renders and searches under the policy, offline, with no violation', async () => {
    const page = await browser.newPage({ bypassCSP: false });
    const violations = await watchViolations(page);
    const foreign = await confineToOrigin(page, base);
    const res = await page.goto(`${base}/explore/`);
    expect(res!.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    // No string probes here (page.evaluate / waitForFunction need eval, which the policy forbids).
    await page.locator('#search-input').waitFor({ timeout: 60_000 });
    await page.fill('#search-input', 'Changan');
    await page.press('#search-input', 'Enter');
    await page.locator('#results .hit').first().waitFor({ timeout: 60_000 });
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('/graphiql renders and runs a query under the policy, offline, with no violation', async () => {
    const page = await browser.newPage({ bypassCSP: false });
    const violations = await watchViolations(page);
    const foreign = await confineToOrigin(page, base);
    await page.goto(`${base}/graphiql/`);
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && r.status() === 200, { timeout: 60_000 });
    await page.locator('.graphiql-execute-button').click();
    await answered;
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
