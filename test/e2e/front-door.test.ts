/**
 * The front door (/) and GraphiQL (/graphiql/) end to end: every link of / answers, GraphiQL
 * opens the repository's example operations as tabs and from its Examples panel, and both pages
 * work under a strict Content-Security-Policy while asking nothing of any other origin.
 */
import type { Browser, Page } from 'playwright-core';
import { exampleOperations } from '../../src/operations';
import { describeWithBrowser, launchChromium } from '../support/browser';
import { useApi } from '../support/api';
import { useTestGraph } from '../support/neo4j';
import { holdToStrictCsp, StrictPage } from './strict-page';

// Page-side code in waitForFunction runs in the browser (functions, not strings: a strict CSP forbids eval).
declare const window: any;
declare const document: any;

const db = useTestGraph();
const api = useApi(db);
const base = () => api.base();

describe('GET / over HTTP', () => {
  it('links Sandbox, GraphiQL, the explorer, the probes and the docs, and every link answers', async () => {
    const res = await fetch(`${base()}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).filter((h) => !h.startsWith('data:') && !h.startsWith('assets/'));
    expect(links).toEqual(expect.arrayContaining(['explore/', 'graphiql/', 'graphql', 'docs/README.md', 'docs/model.md', 'docs/schema.graphql', 'docs/possible-types.json', 'health', 'ready']));
    expect(html).not.toMatch(/<script|<style|style="/);
    for (const link of links) {
      const answer = await fetch(new URL(link, `${base()}/`), { headers: { accept: 'text/html' } });
      expect({ link, status: answer.status }).toEqual({ link, status: 200 });
    }
    const sdl = await fetch(`${base()}/docs/schema.graphql`);
    expect(sdl.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await sdl.text()).toContain('type Query');
  });

  it('GraphiQL serves the example operations and a page without inline script or style', async () => {
    const ops = (await (await fetch(`${base()}/graphiql/operations.json`)).json()) as { name: string; query: string; title: string }[];
    expect(ops.map((o) => o.name)).toEqual(exampleOperations().map((o) => o.name));
    expect(ops.length).toBeGreaterThanOrEqual(5);
    for (const op of ops) expect(op.query).toMatch(/query \w+/);
    const html = await (await fetch(`${base()}/graphiql/`)).text();
    expect(html).not.toMatch(/<script>|<style|style="/);
  });
});

describeWithBrowser('/ and /graphiql/ in headless Chromium under a strict CSP', () => {
  let browser: Browser;
  let page: Page;
  let strict: StrictPage;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1300, height: 850 } });
    strict = await holdToStrictCsp(page, base());
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the front door leads to the explorer', async () => {
    await page.goto(`${base()}/`);
    await page.click('#link-explore');
    await page.waitForURL(`${base()}/explore/`);
    await page.waitForFunction(() => window.explore && window.explore.idle());
    expect(await strict.violations()).toEqual([]);
  });

  it('GraphiQL opens the example operations as tabs, and again from the Examples panel', async () => {
    await page.goto(`${base()}/graphiql/`);
    const ops = exampleOperations();
    await page.locator('.graphiql-tab').nth(ops.length).waitFor();
    expect(await page.locator('.graphiql-tab').count()).toBe(ops.length + 1);
    const tabTitles = await page.locator('.graphiql-tab').allTextContents();
    expect(tabTitles.join(' ')).toContain(ops[0]!.operationName!);

    const last = ops[ops.length - 1]!;
    await page.click(`.tg-examples button[data-operation="${last.name}"]`);
    await page.locator('.graphiql-tab').nth(ops.length + 1).waitFor();
    await page.waitForFunction((name) => (document.querySelector('.graphiql-tab-active')?.textContent ?? '').includes(name), last.operationName);
    expect(await page.locator('.graphiql-query-editor').textContent()).toContain(last.operationName);
  });

  it('asked nothing of any origin but the app, raised no page error and broke no CSP rule', async () => {
    expect(strict.foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(await strict.violations()).toEqual([]);
  });
});
