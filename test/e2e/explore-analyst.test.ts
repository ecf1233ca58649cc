/**
 * /explore as an analyst uses it on the Chongqing hub, in real headless Chromium under a strict
 * CSP, over the real app and Neo4j loaded with the seed plus synthetic trade flows
 * (test/e2e/fixtures: invented values, labelled synthetic) so the trade charts have data:
 * kinds from the API's enum in a legend that filters, relationship filters, hop and node limits,
 * readable labels, a sortable table whose CSV export has exactly the rows shown, PNG export, charts
 * that really draw, and one click from a number to its excerpt and source.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { runImport } from '../../src/ingest';
import { seedGraph } from '../../src/ingest/seed';
import { describeWithBrowser, launchChromium, measureInk } from '../support/browser';
import { useApi } from '../support/api';
import { useTestGraph } from '../support/neo4j';
import { holdToStrictCsp, StrictPage } from './strict-page';

// Page-side code in waitForFunction runs in the browser (functions, not strings: a strict CSP forbids eval).
declare const window: any;
declare const document: any;

// A shared 2-core machine can take minutes for what takes seconds alone: generous waits, no timing asserted.
jest.setTimeout(300_000);

const db = useTestGraph();
const api = useApi(db);
const base = () => api.base();
const SHOTS = process.env.E2E_SCREENSHOT_DIR || path.join(os.tmpdir(), 'tradegraph-e2e');
const CHONGQING = 'gb:500000';
const FLOWS = path.join(__dirname, 'fixtures', 'synthetic-flows.jsonl');

beforeAll(async () => {
  expect((await seedGraph(db())).ok).toBe(true);
  expect((await runImport(db(), { format: 'curated', paths: [FLOWS] })).ok).toBe(true);
}, 300_000);

describeWithBrowser('/explore for an analyst, on the Chongqing hub', () => {
  let browser: Browser;
  let page: Page;
  let strict: StrictPage;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(120_000);
    strict = await holdToStrictCsp(page, base());
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    await page.goto(`${base()}/explore/#${encodeURIComponent(CHONGQING)}`);
    await page.waitForFunction((key) => window.explore && window.explore.cy.getElementById(key).nonempty(), CHONGQING, { timeout: 60_000 });
    await settled();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  const settled = () => page.waitForFunction(() => window.explore && window.explore.idle());
  const visible = (selector: string) => page.evaluate((sel) => window.explore.cy.$(sel).not('.filtered-out').length, selector);

  it('takes the kinds from the API\'s EntityKind enum, and the legend filters them', async () => {
    const enumKinds = (await (await fetch(`${base()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __type(name: "EntityKind") { enumValues { name } } }' }) })).json()) as any;
    const kinds = enumKinds.data.__type.enumValues.map((v: any) => v.name);
    expect(await page.locator('#legend .legend-kind').evaluateAll((bs) => bs.map((b: any) => b.dataset.kind))).toEqual(kinds);

    const figures = await visible('node[kind = "FIGURE"]');
    expect(figures).toBeGreaterThan(0);
    const before = await visible('node');
    await page.click('#legend .legend-kind[data-kind="FIGURE"]');
    expect(await visible('node[kind = "FIGURE"]')).toBe(0);
    expect(await visible('node')).toBe(before - figures);
    expect(await page.getAttribute('#legend .legend-kind[data-kind="FIGURE"]', 'aria-pressed')).toBe('false');
    await page.click('#legend .legend-kind[data-kind="FIGURE"]');
    expect(await visible('node')).toBe(before);
  });

  it('filters by relationship type (one toggle per type drawn)', async () => {
    const types: string[] = await page.locator('#rel-filters .rel-type').evaluateAll((ls) => ls.map((l: any) => l.dataset.type));
    const drawn = (await page.evaluate(() => [...new Set(window.explore.cy.edges().map((e: any) => e.data('type')))].sort())) as string[];
    expect(types).toEqual(drawn);
    expect(types).toContain('PART_OF');
    const total = await visible('edge');
    const partOf = await visible('edge[type = "PART_OF"]');
    expect(partOf).toBeGreaterThan(0);
    await page.uncheck('#rel-filters .rel-type[data-type="PART_OF"] input');
    expect(await visible('edge[type = "PART_OF"]')).toBe(0);
    expect(await visible('edge')).toBe(total - partOf);
    await page.check('#rel-filters .rel-type[data-type="PART_OF"] input');
    expect(await visible('edge')).toBe(total);
  });

  it('labels figures by statement, with numbers as people write them', async () => {
    const labels: string[] = await page.evaluate(() => window.explore.cy.nodes('[kind = "FIGURE"], [kind = "TRADE_FLOW"]').map((n: any) => n.data('label')));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      expect(label).not.toMatch(/\d{7,}/); // no 20000000000
      expect(label).not.toMatch(/^[a-z]+(-[a-z]+)+$/); // no bare metric id such as export-value-growth
    }
    expect(labels.some((l) => /\b(million|billion)\b|%/.test(l))).toBe(true);
  });

  it('hop and node-limit controls redraw the neighbourhood within the limit', async () => {
    const oneHop = await page.evaluate(() => window.explore.cy.nodes().length);
    await page.selectOption('#hops', '2');
    await page.fill('#node-limit', '20');
    await page.click('#apply-limits');
    await page.waitForFunction(() => /truncated at 20 nodes|nodes, .* edges/.test(document.getElementById('graph-status').textContent));
    await settled();
    // The entity itself and at most `limit` others.
    const drawn = await page.evaluate(() => window.explore.cy.nodes().length);
    expect(drawn).toBeLessThanOrEqual(21);
    expect(drawn).toBeGreaterThan(oneHop > 20 ? 15 : oneHop);
    await page.selectOption('#hops', '1');
    await page.fill('#node-limit', '100');
    await page.click('#apply-limits');
    await settled();
    await page.waitForFunction((n) => window.explore.cy.nodes().length === n, oneHop);
  });

  it('lays out at 900 px wide without squeezing the graph into a strip', async () => {
    await page.setViewportSize({ width: 900, height: 900 });
    const box = (await page.locator('#graph').boundingBox())!;
    expect(box.width).toBeGreaterThan(800);
    expect(box.height).toBeGreaterThan(400);
    await page.screenshot({ path: path.join(SHOTS, 'explore-900px.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('exports the graph as a PNG that has drawn the nodes', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const png = fs.readFileSync((await download.path())!);
    const ink = measureInk(png);
    expect(ink.inkedShare).toBeGreaterThan(0.01);
    expect(ink.distinctColours).toBeGreaterThanOrEqual(4);
  });

  it('shows what is drawn as a table, sorts it, and exports exactly those rows as CSV', async () => {
    await page.click('#view-tabs button[data-view="table"]');
    const rows = page.locator('#fact-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(await visible('node'));

    // Sort by value, largest first: the first row has the largest value in the table.
    await page.click('#fact-table th[data-column="value"]');
    await page.click('#fact-table th[data-column="value"]');
    expect(await page.getAttribute('#fact-table th[data-column="value"]', 'aria-sort')).toBe('descending');
    const shown = await page.evaluate(() => window.TG.views.rows().map((r: any) => ({ key: r.key, value: r.value })));
    const values = shown.map((r: any) => r.value).filter((v: any) => v !== null);
    expect(values.length).toBeGreaterThan(2);
    expect(shown[0].value).toBe(Math.max(...values));
    expect(await rows.first().locator('td.num').textContent()).toMatch(/million|billion|%|\d/);

    const shot = await page.locator('#table-view').screenshot({ path: path.join(SHOTS, 'explore-table.png') });
    expect(measureInk(shot).inkedShare).toBeGreaterThan(0.02);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('kind,key,name,value,unit,qualifier,period_start,period_end,sources,source_urls');
    expect(lines.length - 1).toBe(await rows.count());
    // Same rows, same order as the table shows.
    const keys = lines.slice(1).map((l) => l.split(',')[1]);
    expect(keys).toEqual(shown.map((r: any) => r.key));
    expect(lines[1]).toContain(String(shown[0].value));
  });

  it('one click on a table row shows that fact\'s excerpt and source', async () => {
    const figureRow = page.locator('#fact-table tbody tr', { has: page.locator('.kind[data-kind="FIGURE"]') }).first();
    const key = await figureRow.getAttribute('data-key');
    await figureRow.click();
    await page.waitForFunction((k) => document.getElementById('details-body').dataset.key === k, key);
    await page.locator('#details-body .own-evidence blockquote.excerpt').first().waitFor();
    expect(await page.locator('#details-body .own-evidence .source').count()).toBeGreaterThan(0);
    expect(await page.locator('#details-body dd.value').textContent()).toMatch(/million|billion|%|\d/);
  });

  it('draws charts: figures over time, trade totals and the firms -> products -> markets Sankey', async () => {
    await page.click('#view-tabs button[data-view="charts"]');
    await settled();
    await page.waitForFunction(() => document.getElementById('sankey-note').textContent.length > 0);
    await settled();
    expect(await page.locator('#charts-subject').textContent()).toContain('Chongqing');
    expect(await page.locator('#totals-note').textContent()).toMatch(/8 flow\(s\) summed per year/);
    expect(await page.locator('#sankey-note').textContent()).toMatch(/8 flow\(s\) in USD/);
    await page.screenshot({ path: path.join(SHOTS, 'explore-charts.png') });
    for (const id of ['chart-figures', 'chart-totals', 'chart-sankey']) {
      const shot = await page.locator(`#${id}`).screenshot();
      const ink = measureInk(shot);
      expect({ id, drew: ink.inkedShare > 0.03 }).toEqual({ id, drew: true });
      expect({ id, colours: ink.distinctColours >= 2 }).toEqual({ id, colours: true });
    }
  });

  it('one click on a chart point shows the figure\'s excerpt and source; on a bar, the flows and theirs', async () => {
    const at = async (id: string, value: unknown) => {
      const p = await page.evaluate(([chartId, v]) => window.TG.views.charts[chartId].convertToPixel({ seriesIndex: 0 }, v), [id, value] as const);
      const box = (await page.locator(`#${id}`).boundingBox())!;
      return { x: box.x + p[0], y: box.y + p[1] };
    };
    const point = await page.evaluate(() => window.TG.views.charts['chart-figures'].getOption().series[0].data[0]);
    const dot = await at('chart-figures', point.value);
    await page.mouse.click(dot.x, dot.y);
    await page.waitForFunction((k) => document.getElementById('details-body').dataset.key === k, point.figure.key);
    await page.locator('#details-body .own-evidence blockquote.excerpt').first().waitFor();
    expect(await page.locator('#details-body .own-evidence .source').count()).toBeGreaterThan(0);

    const bar = await page.evaluate(() => window.TG.views.charts['chart-totals'].getOption().series[0].data[0]);
    const xLabel = await page.evaluate(() => window.TG.views.charts['chart-totals'].getOption().xAxis[0].data[0]);
    const top = await at('chart-totals', [xLabel, bar.value / 2]);
    await page.mouse.click(top.x, top.y);
    await page.locator('#details-body .flow').first().waitFor();
    expect(await page.locator('#details-body .flow').count()).toBe(bar.row.flows);
    expect(await page.locator('#details-body .flow .source').first().textContent()).toContain('Synthetic trade flows');
  });

  it('shows a region\'s data-file excerpt as fields, not as a raw CSV row', async () => {
    await page.click('#view-tabs button[data-view="graph"]');
    await settled();
    await page.evaluate((k) => window.explore.cy.getElementById(k).emit('tap'), CHONGQING);
    await page.locator('#details-body .own-evidence blockquote.data-row').first().waitFor();
    const row = page.locator('#details-body .own-evidence blockquote.data-row').first();
    expect(await row.locator('.row-field').allTextContents()).toEqual(['50', '重庆市']);
    expect(await row.textContent()).toContain('Record in a data file');
    const quotes = await page.locator('#details-body blockquote.excerpt').allTextContents();
    expect(quotes.some((q) => q.startsWith('50,"'))).toBe(false);
  });

  it('asked nothing of any origin but the app, raised no page error and broke no CSP rule', async () => {
    expect(strict.foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(await strict.violations()).toEqual([]);
  });
});
