/**
 * Curation in /explore, in real headless Chromium under a strict CSP, over the real app and Neo4j:
 * a curator signs in with a token, proposes a correction from a figure's details panel (the
 * excerpt and source are required), the graph does not change; an editor signs in, reviews the
 * open change set and approves it, and the graph shows the corrected value.
 */
import type { Browser, Page } from 'playwright-core';
import { describeWithBrowser, launchChromium } from '../support/browser';
import { useApi } from '../support/api';
import { AUTH_ENV, importBase, post, tokenFor } from '../support/curation';
import { useTestGraph } from '../support/neo4j';
import { holdToStrictCsp, StrictPage } from './strict-page';

declare const window: any;
declare const document: any;

jest.setTimeout(300_000);

const db = useTestGraph();
const api = useApi(db, AUTH_ENV);
const FIGURE = 'figure:acme-2024-vehicle-exports';
const value = async () => (await post(api.base(), `{ figure(id: "${FIGURE}") { value } }`)).body.data.figure.value;

beforeAll(async () => {
  await importBase(db());
});

describeWithBrowser('/explore: propose a correction, review it', () => {
  let browser: Browser;
  let page: Page;
  let strict: StrictPage;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(60_000);
    strict = await holdToStrictCsp(page, api.base());
    page.on('pageerror', (err) => pageErrors.push(err.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function signIn(role: 'curator' | 'editor', sub: string): Promise<void> {
    if (await page.locator('#identity button[data-action="sign-out"]').count()) await page.click('#identity button[data-action="sign-out"]');
    await page.click('#identity button[data-action="sign-in"]');
    await page.fill('#token-input', await tokenFor(role, sub));
    await page.click('#sign-in button[type="submit"]');
    await page.locator('#identity .who', { hasText: sub }).waitFor();
  }

  it('a curator proposes a correction from the details panel; the graph waits for review', async () => {
    await page.goto(`${api.base()}/explore/`);
    await page.waitForFunction(() => window.explore && window.explore.idle());
    expect(await page.locator('#review-section').isHidden()).toBe(true);
    await signIn('curator', 'cora');
    // A link to the figure opens its neighbourhood and details (a new load: the hash is read at start).
    await page.goto(`${api.base()}/explore/#${encodeURIComponent(FIGURE)}`);
    await page.reload();
    await page.waitForFunction((key) => document.getElementById('details-body').dataset.key === key, FIGURE);
    await page.click('#details-body button[data-action="propose-correction"]');
    const recordBox = page.locator('#details-body textarea[name="record"]');
    await recordBox.waitFor();
    const record = JSON.parse(await recordBox.inputValue());
    expect(record).toMatchObject({ type: 'figure', id: FIGURE, value: 1.2, excerpts: ['excerpt:test-gazette-1', expect.stringMatching(/^excerpt:curation-/)] });

    // Without an excerpt and a source the page does not send it.
    await page.click('#details-body button[data-action="submit-proposal"]');
    const problems = page.locator('#details-body .curation-status li');
    await problems.first().waitFor();
    expect(await problems.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^excerpt: .*required/), expect.stringMatching(/^source: /)]));

    await recordBox.fill(JSON.stringify({ ...record, value: 1.3, statement: 'Acme Motors exported 1.3 million vehicles in 2024.' }));
    await page.fill('#details-body textarea[name="excerpt-text"]', 'In 2024 Acme Motors exported 1.3 million vehicles.');
    await page.fill('#details-body input[name="locator"]', 'page 3');
    await page.fill('#details-body input[name="source-title"]', 'Acme Motors annual report 2024');
    await page.fill('#details-body input[name="source-url"]', 'https://example.org/acme-2024');
    await page.fill('#details-body input[name="summary"]', 'revised 2024 exports');
    await page.click('#details-body button[data-action="submit-proposal"]');
    await page.locator('#details-body .curation-status .ok').waitFor();
    expect(await page.locator('#details-body .curation-status .ok').textContent()).toMatch(/^Proposed as changeset:/);
    expect(await value()).toBe(1.2);
    // The curator sees it in the list, without review buttons.
    await page.locator('#change-sets li', { hasText: 'revised 2024 exports' }).waitFor();
    expect(await page.locator('#change-sets li button[data-action="approve"]').count()).toBe(0);
  });

  it('an editor reviews the open change set and approves it; the graph changes', async () => {
    await signIn('editor', 'eddie');
    const item = page.locator('#change-sets li', { hasText: 'revised 2024 exports' });
    await item.waitFor();
    expect(await item.textContent()).toContain('by cora');
    await item.locator('input[name="comment"]').fill('matches the annual report');
    await item.locator('button[data-action="approve"]').click();
    await item.locator('p', { hasText: 'Approved' }).waitFor();
    expect(await value()).toBe(1.3);
    const history = (await post(api.base(), `{ figure(id: "${FIGURE}") { history { author reviewer reason } } }`)).body.data.figure.history;
    expect(history).toEqual([{ author: 'cora', reviewer: 'eddie', reason: 'matches the annual report' }]);
    expect(await strict.violations()).toEqual([]);
    expect(strict.foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
