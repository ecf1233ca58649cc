/**
 * The /explore page end to end: real headless Chromium drives the page, served by the real HTTP
 * app over the real Neo4j loaded with the seed graph. The page's only data is the public GraphQL
 * endpoint, and the test checks it never asks anything of any other origin.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { buildAppSchema } from '../../src/graphql/schema';
import { createHttpApp, HttpApp } from '../../src/http/app';
import { seedGraph } from '../../src/ingest/seed';
import { createLogger } from '../../src/logger';
import { QueryCatalog } from '../../src/neo4j/queries';
import { EXPLORE_SCRIPTS } from '../../src/http/explore';
import { confineToOrigin, countColour, describeWithBrowser, launchChromium, measureInk } from '../support/browser';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();
let app: HttpApp;
let base: string;

/** Screenshots are kept for people to look at (the test measures them too). */
const SHOTS = process.env.E2E_SCREENSHOT_DIR || path.join(os.tmpdir(), 'tradegraph-e2e');

const CHANGAN = 'company:changan-automobile';
const RAYONG_PLANT = 'facility:changan-rayong-plant';
const RAYONG_CAPACITY = 'figure:changan-rayong-plant-initial-capacity';
const CHONGQING = 'gb:500000';
const ASEAN = 'market:asean';
/** The page's path colour (#e6007e), which nothing else on the canvas uses. */
const PATH_COLOUR: [number, number, number] = [0xe6, 0x00, 0x7e];

beforeAll(async () => {
  await seedGraph(db());
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' });
  app = await createHttpApp(await buildAppSchema(), { config, db: db(), queries: new QueryCatalog() }, createLogger('silent'));
  await app.listen();
  base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.close();
});

describe('/explore over HTTP', () => {
  it('redirects to the trailing slash its relative URLs need', async () => {
    const res = await fetch(`${base}/explore`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/explore/');
  });

  it('serves the page, its script and the graph libraries from the app itself', async () => {
    const page = await fetch(`${base}/explore/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toEqual([
      'assets/cytoscape.min.js',
      'assets/layout-base.js',
      'assets/cose-base.js',
      'assets/cytoscape-fcose.js',
      'assets/echarts.min.js',
      ...EXPLORE_SCRIPTS.map((s) => `assets/${s}`),
    ]);
    // No absolute URL anywhere in the page: nothing is fetched from elsewhere.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const asset of [...scripts, 'assets/explore.css']) {
      const res = await fetch(`${base}/explore/${asset}`);
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
      expect((await res.text()).length).toBeGreaterThan(1000);
    }
    expect((await fetch(`${base}/explore/assets/nope.js`)).status).toBe(404);
  });
});

describeWithBrowser('/explore in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let foreign: string[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    foreign = await confineToOrigin(page, base);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    await page.goto(`${base}/explore/`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Resolves once no request is in flight and no layout is running. */
  const settled = () => page.waitForFunction('window.explore && window.explore.idle()');
  const count = (selector: string) => page.evaluate(`window.explore.cy.$(${JSON.stringify(selector)}).length`) as Promise<number>;

  /** Clicks (or double-clicks) a drawn node with the mouse, where the canvas shows it. */
  async function clickNode(key: string, clicks = 1): Promise<void> {
    // Where the node is drawn only holds once no layout moves it and no response redraws the page.
    await settled();
    const at = (await page.evaluate(`(() => {
      const node = window.explore.cy.getElementById(${JSON.stringify(key)});
      if (node.empty()) return null;
      const box = document.getElementById('graph').getBoundingClientRect();
      const p = node.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    })()`)) as { x: number; y: number } | null;
    if (!at) throw new Error(`${key} is not drawn`);
    await page.mouse.click(at.x, at.y, { clickCount: clicks, delay: 20 });
  }

  async function clickEdge(key: string): Promise<void> {
    await settled();
    const at = (await page.evaluate(`(() => {
      const edge = window.explore.cy.getElementById(${JSON.stringify('edge:' + key)});
      if (edge.empty()) return null;
      const box = document.getElementById('graph').getBoundingClientRect();
      const p = edge.renderedMidpoint();
      return { x: box.left + p.x, y: box.top + p.y };
    })()`)) as { x: number; y: number } | null;
    if (!at) throw new Error(`edge ${key} is not drawn`);
    await page.mouse.click(at.x, at.y);
  }

  it('searches: "Chang" lists Chang\'an Automobile with its kind', async () => {
    await page.fill('#search-input', 'Chang');
    await page.press('#search-input', 'Enter');
    const hit = page.locator(`#results .hit[data-key="${CHANGAN}"]`);
    await hit.waitFor();
    expect(await hit.textContent()).toContain("Chang'an Automobile");
    expect(await hit.locator('.kind').textContent()).toBe('company');
  });

  it("draws Chang'an Automobile's neighbourhood on the canvas", async () => {
    await page.click(`#results .hit[data-key="${CHANGAN}"]`);
    await page.waitForFunction(`window.explore.cy.getElementById(${JSON.stringify(CHANGAN)}).nonempty()`);
    await settled();
    // The model: the company is headquartered in Chongqing and operates the Rayong plant.
    expect(await count('node')).toBeGreaterThanOrEqual(4);
    expect(await count('edge')).toBeGreaterThanOrEqual(3);
    expect(await count(`node[id = "${RAYONG_PLANT}"]`)).toBe(1);
    expect(await count(`node[id = "${CHONGQING}"]`)).toBe(1);

    // The canvas really drew: a good share of non-white pixels, in several colours (one per kind).
    const shot = await page.locator('#graph').screenshot({ path: path.join(SHOTS, 'explore-neighbourhood.png') });
    const ink = measureInk(shot);
    expect(ink.inkedShare).toBeGreaterThan(0.01);
    expect(ink.distinctColours).toBeGreaterThanOrEqual(4);
  });

  it('shows a clicked node\'s fields and the sources that state its connections', async () => {
    await clickNode(RAYONG_PLANT);
    const panel = page.locator('#details-body');
    await page.waitForFunction(`document.getElementById('details-body').dataset.key === ${JSON.stringify(RAYONG_PLANT)}`);
    expect(await panel.locator('h3').textContent()).toMatch(/rayong/i);
    // The plant's OPERATES edge is stated by the Xinhua article: excerpt, title, publisher, URL.
    const source = panel.locator('.source', { hasText: 'Chinese carmaker Changan opens Thailand plant' }).first();
    await source.waitFor();
    expect(await source.textContent()).toContain("People's Daily Online");
    expect(await source.locator('a').getAttribute('href')).toBe('http://en.people.cn/n3/2025/0517/c90000-20316209.html');
    expect(await panel.locator('blockquote.excerpt').first().textContent()).toMatch(/rayong/i);
    // The full record arrives by a second request.
    await panel.locator('.fields dt', { hasText: 'name' }).first().waitFor();
  });

  it('shows the excerpts and sources that state an edge and a fact', async () => {
    const panel = page.locator('#details-body');
    const operates = `${CHANGAN}|OPERATES|${RAYONG_PLANT}`;
    await clickEdge(operates);
    await page.waitForFunction(`document.getElementById('details-body').dataset.key === ${JSON.stringify(operates)}`);
    expect(await panel.locator('h3').textContent()).toBe('OPERATES');
    expect(await panel.locator('.source').first().textContent()).toContain('Chinese carmaker Changan opens Thailand plant');

    await clickNode(RAYONG_CAPACITY);
    await page.waitForFunction(`document.getElementById('details-body').dataset.key === ${JSON.stringify(RAYONG_CAPACITY)}`);
    // The fact's own provenance (STATED_IN) arrives with its fields.
    const statedIn = panel.locator('.own-evidence');
    await statedIn.locator('h4', { hasText: 'Stated in' }).waitFor();
    expect(await statedIn.locator('blockquote.excerpt', { hasText: '100,000 vehicles' }).count()).toBe(1);
    expect(await statedIn.locator('.source').first().textContent()).toContain("People's Daily Online");
    expect(await panel.locator('.fields').textContent()).toContain('production-capacity');
    await page.screenshot({ path: path.join(SHOTS, 'explore-fact.png') });
  });

  it('expands a node on double-click', async () => {
    const before = await count('node');
    await clickNode(CHONGQING, 2);
    await page.waitForFunction(`window.explore.cy.getElementById(${JSON.stringify(CHONGQING)}).hasClass('expanded')`);
    await settled();
    expect(await count('node')).toBeGreaterThan(before);
  });

  it('highlights the path from the company to ASEAN, each hop with its sources', async () => {
    await clickNode(CHANGAN);
    await page.click('#details-body button[data-action="set-from"]');
    await page.fill('#search-input', 'ASEAN');
    await page.press('#search-input', 'Enter');
    await page.click(`#results .hit-row:has(.hit[data-key="${ASEAN}"]) button[data-action="hit-to"]`);
    expect(await page.getAttribute('#path-from', 'data-key')).toBe(CHANGAN);
    expect(await page.getAttribute('#path-to', 'data-key')).toBe(ASEAN);

    await page.click('#path-find');
    await page.locator('#path-hops > li').first().waitFor();
    await settled();
    const hops = await page.locator('#path-hops > li').count();
    expect(hops).toBeGreaterThanOrEqual(1);
    // The path is drawn and highlighted: both ends and one edge per hop.
    expect(await count(`node.on-path[id = "${CHANGAN}"]`)).toBe(1);
    expect(await count(`node.on-path[id = "${ASEAN}"]`)).toBe(1);
    expect(await count('edge.on-path')).toBe(hops);
    expect(await count('node.on-path')).toBe(hops + 1);
    // Hops a source states list it (a path through the HS tree or region hierarchy may have none).
    expect(await page.locator('#path-hops .source').count()).toBeGreaterThanOrEqual(1);

    const shot = await page.locator('#graph').screenshot({ path: path.join(SHOTS, 'explore-path.png') });
    expect(countColour(shot, PATH_COLOUR)).toBeGreaterThan(200);
    await page.screenshot({ path: path.join(SHOTS, 'explore-page.png') });
  });

  it('asked nothing of any origin but the app, and raised no page error', () => {
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
