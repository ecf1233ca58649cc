/**
 * The analyst recipes (cypher/recipes/*.cypher) run as Neo4j Browser would run them: the
 * parameters documented in each header (`:param name => value`), then each statement of the file
 * (splitStatements). First on the linkage fixture (hand-computable answers), then on the seed.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Database } from '../../src/neo4j/database';
import { PROJECT_ROOT } from '../../src/paths';
import { splitStatements } from '../../src/neo4j/queries';
import { seedGraph } from '../../src/ingest/seed';
import { resetGraph, useTestGraph } from '../support/neo4j';
import { createLinkageFixture } from './linkage-fixture';

const RECIPES = path.join(PROJECT_ROOT, 'cypher', 'recipes');
const db = useTestGraph();

/** `//   :param name => <JSON literal>` header lines; whole numbers become Cypher integers, as in Browser. */
export function recipeParams(text: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const m of text.matchAll(/^\/\/\s+:param\s+(\w+)\s*=>\s*(.+)$/gm)) params[m[1]!] = integers(JSON.parse(m[2]!));
  return params;
}

function integers(v: unknown): unknown {
  if (typeof v === 'number' && Number.isInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(integers);
  return v;
}

async function runRecipe(name: string, overrides: Record<string, unknown> = {}): Promise<any[]> {
  const text = fs.readFileSync(path.join(RECIPES, name), 'utf8');
  const params = { ...recipeParams(text), ...overrides };
  let rows: any[] = [];
  for (const statement of splitStatements(text)) rows = await db().read(statement, params);
  return rows;
}

describe('every recipe documents its parameters', () => {
  it.each(fs.readdirSync(RECIPES).filter((f) => f.endsWith('.cypher')))('%s', (file) => {
    const text = fs.readFileSync(path.join(RECIPES, file), 'utf8');
    const used = new Set([...splitStatements(text).join('\n').matchAll(/\$(\w+)/g)].map((m) => m[1]));
    expect(Object.keys(recipeParams(text)).sort()).toEqual([...used].sort());
    expect(text.startsWith('// Recipe: ')).toBe(true);
  });
});

describe('recipes on the fixture graph', () => {
  beforeAll(async () => {
    await createLinkageFixture(db());
  });

  it('01 companies exporting a product to a market, per year', async () => {
    const rows = await runRecipe('01-companies-exporting-product-to-market.cypher');
    expect(rows.map((r) => [r.company, r.year, r.destination, r.currency, r.value, r.flows])).toEqual([
      ['company:loncin', 2023, 'iso:THA', 'USD', 50, 1],
      ['company:zongshen-group', 2023, 'iso:THA', 'USD', 100, 1],
      ['company:zongshen-group', 2023, 'iso:VNM', 'USD', 50, 1],
      ['company:zongshen-group', 2024, 'iso:THA', 'USD', 200, 1],
    ]);
    // The named product finds the same flows, recorded under a subheading of the HS entry it is classified as.
    const named = await runRecipe('01-companies-exporting-product-to-market.cypher', { product: 'product:motorcycles' });
    expect(named).toEqual(rows);
  });

  it('02 policies supporting the specialties of regions', async () => {
    const rows = await runRecipe('02-policies-supporting-region-specialties.cypher');
    expect(rows).toEqual([
      { policy: 'policy:cross-border-e-commerce', name: 'Cross-border e-commerce', supports: 'product:wulong-bamboo-shoots', via: 'product', region: 'gb:500156', excerpts: ['excerpt:fyp-3'] },
    ]);
  });

  it('03 the chain from a specialty to a foreign market', async () => {
    const rows = await runRecipe('03-specialty-to-foreign-market-chain.cypher');
    expect(rows).toEqual([
      {
        product: 'product:wulong-bamboo-shoots', flow: 'flow:t:bamboo-asean-2024', year: 2024, company: null,
        channel: 'policy:cross-border-e-commerce', destination: 'market:asean', markets: ['market:asean'], value: 10, currency: 'CNY',
      },
    ]);
  });

  it('04 single-exporter dependence with HHI', async () => {
    const rows = await runRecipe('04-single-exporter-dependence.cypher');
    const row = (d: string, k: string, c: string) => rows.find((r) => r.dimension === d && r.key === k && r.currency === c);
    expect(row('product', 'hs2022:8703', 'USD')).toMatchObject({ total: 1400, exporters: 1, top: 'company:changan-automobile', topShare: 1, hhi: 10000 });
    expect(row('product', 'hs2022:871120', 'USD')).toMatchObject({ total: 400, exporters: 2, top: 'company:zongshen-group', topShare: 0.875, hhi: 7812.5 });
    expect(row('market', 'market:asean', 'USD')).toMatchObject({ total: 1400, exporters: 3, top: 'company:changan-automobile' });
    expect(rows[0].hhi).toBe(10000);
    expect(rows.map((r) => r.hhi)).toEqual([...rows.map((r) => r.hhi)].sort((a, b) => b - a));
  });

  it('05 imported goods by origin and channel', async () => {
    const rows = await runRecipe('05-imported-goods-origins-and-channels.cypher');
    expect(rows).toEqual([{ product: 'hs2022:8703', origin: 'iso:DEU', channel: 'direct', currency: 'USD', value: 999, flows: 1 }]);
  });

  it('06 fastest-growing figures between the 13th and 14th FYP', async () => {
    const rows = await runRecipe('06-fastest-growing-figures.cypher');
    expect(rows.map((r) => [r.figure, r.growthPercent, r.period, r.baseline])).toEqual([
      ['figure:auto-growth', 278.1, '2024-2024', '2020-2020'],
      ['figure:agri-growth', 103.7, '2024-2024', '2020-2020'],
      ['figure:moto-growth', 55.2, '2024-2024', '2020-2020'],
    ]);
    expect(rows[0].about).toEqual(['gb:500000', 'hs2022:8703']);
  });

  it('07 facts resting on one source (or none)', async () => {
    const rows = await runRecipe('07-single-source-facts.cypher');
    const sources = Object.fromEntries(rows.map((r) => [r.fact, r.source]));
    expect(sources['figure:auto-growth']).toBe('source:fyp');
    expect(sources['figure:corridor-growth']).toBe('source:news');
    expect(sources['flow:t:bamboo-asean-2024']).toBe('source:fyp');
    // The fixture's other flows cite nothing: listed with no source.
    expect(sources['flow:t:zs-tha-2023']).toBeNull();
    expect(rows).toHaveLength(6 + 9);
  });

  it('08 how two entities are connected, hop by hop with excerpts', async () => {
    const rows = await runRecipe('08-how-connected.cypher');
    expect(rows[0]).toEqual({
      nodes: ['product:wulong-bamboo-shoots', 'flow:t:bamboo-asean-2024', 'market:asean'],
      hops: [
        { from: 'flow:t:bamboo-asean-2024', type: 'OF_PRODUCT', to: 'product:wulong-bamboo-shoots', excerpts: ['excerpt:fyp-3'] },
        { from: 'flow:t:bamboo-asean-2024', type: 'TO', to: 'market:asean', excerpts: ['excerpt:fyp-3'] },
      ],
    });
  });

  it('09 the neighbourhood as paths', async () => {
    const rows = await runRecipe('09-neighbourhood.cypher');
    const ends = new Set(rows.map((r) => r.p.end.properties.id));
    expect(ends).toEqual(new Set(['facility:overseas-factories', 'gb:500000', 'flow:t:zs-tha-2023', 'flow:t:zs-tha-2024', 'flow:t:zs-vnm-2023',
      // two hops
      'company:changan-automobile', 'iso:THA', 'iso:VNM', 'gb:500156', 'iso:CHN', 'policy:cross-border-e-commerce', 'policy:chongqing-trade-global',
      'company:loncin', 'figure:auto-growth', 'figure:moto-growth', 'figure:agri-growth', 'figure:corridor-growth', 'figure:enterprises-2020',
      'figure:enterprises-2024', 'flow:t:cars-import-2024', 'flow:t:lx-tha-2023', 'flow:t:ca-tha-2024', 'flow:t:ca-deu-2024', 'flow:t:ca-deu-2024-eur', 'hs2022:871120']));
  });

  it('10 search by typo', async () => {
    const rows = await runRecipe('10-search.cypher');
    expect(rows[0]).toMatchObject({ id: 'company:zongshen-group', kind: 'Company', name: 'Zongshen Group' });
  });
});

describe('recipes on the seeded graph', () => {
  let seeded = false;
  beforeAll(async () => {
    await resetGraph(db());
    const report = await seedGraph(db() as Database);
    seeded = report.ok;
    if (!report.ok) process.stderr.write(`seed failed: ${JSON.stringify(report.errors.slice(0, 3))}\n`);
  });

  it('seeds', () => {
    expect(seeded).toBe(true);
  });

  it('06 finds the founding document\'s growth figures, automobiles first', async () => {
    const rows = await runRecipe('06-fastest-growing-figures.cypher');
    expect(rows.map((r) => [r.figure, r.growthPercent])).toEqual([
      ['figure:cq-2024-automobile-export-growth', 278.1],
      ['figure:cq-2024-agricultural-export-growth', 103.7],
      ['figure:cq-2024-motorcycle-and-parts-export-growth', 55.2],
      ['figure:cq-2024-trading-enterprises-growth', 26],
      ['figure:cq-2024-consumer-goods-import-growth', 21.1],
    ]);
  });

  it('02 the policies backing Wulong, Shizhu and Kaizhou specialties', async () => {
    const rows = await runRecipe('02-policies-supporting-region-specialties.cypher');
    // The founding document names no policy for the specialties themselves; four back Chongqing's enterprises.
    expect([...new Set(rows.map((r) => `${r.policy} ${r.via} ${r.supports}`))].sort()).toEqual([
      'policy:chongqing-trade-global enclosing region gb:500000',
      'policy:comprehensive-foreign-trade-service-platforms enclosing region gb:500000',
      'policy:cross-border-e-commerce enclosing region gb:500000',
      'policy:hundred-groups-thousand-enterprises enclosing region gb:500000',
    ]);
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set(['gb:500156', 'gb:500240', 'gb:500154']));
    for (const r of rows) expect(r.excerpts.length).toBeGreaterThan(0);
  });

  it('10 search finds Zongshen despite the typo, and 08 connects Chang\'an to ASEAN', async () => {
    expect((await runRecipe('10-search.cypher'))[0].id).toBe('company:zongshen-group');
    const [first] = await runRecipe('08-how-connected.cypher', { from: 'company:changan-automobile', to: 'market:asean' });
    expect(first.nodes[0]).toBe('company:changan-automobile');
    expect(first.nodes[first.nodes.length - 1]).toBe('market:asean');
    for (const hop of first.hops) expect(hop.excerpts.length).toBeGreaterThan(0);
  });

  it('07 lists the seeded facts that rest on one source', async () => {
    const rows = await runRecipe('07-single-source-facts.cypher');
    expect(rows.map((r) => r.fact)).toContain('figure:cq-2024-automobile-export-growth');
    for (const r of rows) expect(r.sources).toBe(1);
  });
});
