/**
 * Every example operation (operations/*.graphql) against the SEEDED graph (seed/*.jsonl through the
 * import pipeline): each answers within the limits, without errors, and with the facts the seed holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedGraph } from '../../src/ingest/seed';
import { refreshAggregates } from '../../src/neo4j/aggregates';
import { PROJECT_ROOT } from '../../src/paths';
import { useTestGraph } from '../support/neo4j';
import { dataOf, useApi } from '../support/api';
import { persistedOperationManifest } from '../../src/graphql/persisted-operations';
import { exampleOperations } from '../../src/operations';

const db = useTestGraph();
// The default limits: the example operations must pass them as they are.
const api = useApi(db);
const OPERATIONS_DIR = path.join(PROJECT_ROOT, 'operations');

beforeAll(async () => {
  const report = await seedGraph(db());
  if (!report.ok) throw new Error(`seed failed: ${JSON.stringify(report.errors).slice(0, 500)}`);
});

async function run(name: string, variables: Record<string, unknown> = {}) {
  const query = fs.readFileSync(path.join(OPERATIONS_DIR, `${name}.graphql`), 'utf8');
  const res = await api.gql(query, variables, { stats: true });
  return { data: dataOf(res), stats: res.body.extensions.stats };
}

const names = (list: { name: string }[]) => list.map((x) => x.name);

describe('example operations on the seeded graph', () => {
  it('covers every analyst question with one operation file each', () => {
    expect(fs.readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith('.graphql')).sort()).toEqual([
      'agricultural-export-support.graphql',
      'fastest-growing-figures.graphql',
      'firms-products-markets.graphql',
      'imported-consumer-goods.graphql',
      'motorcycle-exporters-asean.graphql',
      'single-exporter-dependence.graphql',
      'single-source-facts.graphql',
      'specialty-to-foreign-market.graphql',
    ]);
  });

  it('motorcycle exporters to ASEAN: figures and the companies present there', async () => {
    const { data } = await run('motorcycle-exporters-asean');
    // The founding document states no flow; the answer is what it does state.
    expect(data.flows.totalCount).toBe(data.flows.nodes.length);
    expect(data.market.name).toBe('ASEAN');
    const factories = data.market.figures.nodes.find((f: any) => f.about.some((a: any) => a.name === 'Zongshen Group'));
    expect(names(factories.about.filter((a: any) => a.__typename === 'Company')).sort()).toEqual(["Chang'an Automobile", 'Zongshen Group']);
    const moto = data.motorcycles.nodes.find((p: any) => p.name === 'Motorcycles');
    expect(moto.figures.nodes.map((f: any) => [f.value, f.unit, f.periodStart, f.baselineEnd])).toContainEqual([55.2, 'percent', 2024, 2020]);
  });

  it('firms, products and markets: sourced export flows, qualitative ones counted and never summed', async () => {
    const { data } = await run('firms-products-markets');
    const rows = data.flows.nodes.filter((f: any) => f.trader).map((f: any) => [f.trader.key, f.product?.key ?? null, f.to.key]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['company:changan-ford', 'product:automobiles', 'iso:PHL'],
        ['company:zongshen-group', 'product:general-purpose-engines', 'iso:USA'],
        ['company:zongshen-group', null, 'iso:USA'],
      ]),
    );
    for (const f of data.flows.nodes) expect(f.excerpts[0].source.title).toBeTruthy();
    const ford = data.flows.nodes.find((f: any) => f.trader?.key === 'company:changan-ford');
    expect(ford).toMatchObject({ quantity: 752, quantityUnit: 'units', value: null, periodStart: 2018 });
    expect(ford.excerpts[0].text).toContain('752 units');
    // Zongshen: one flow with a value (3 billion yuan to the U.S.), one qualitative (general purpose engines).
    const zongshen = data.byFirm.filter((t: any) => t.key === 'company:zongshen-group');
    expect(zongshen).toEqual(
      expect.arrayContaining([
        { key: 'company:zongshen-group', label: 'Zongshen Group', currency: 'CNY', value: 3000000000, flows: 1, qualitativeFlows: 0 },
        { key: 'company:zongshen-group', label: 'Zongshen Group', currency: null, value: null, flows: 0, qualitativeFlows: 1 },
      ]),
    );
    expect(data.byFirm.find((t: any) => t.key === 'company:changan-ford')).toMatchObject({ value: null, flows: 0, qualitativeFlows: 1 });
  });

  it('agricultural export support in Wulong, Shizhu and Kaizhou', async () => {
    const { data } = await run('agricultural-export-support');
    expect(names(data.wulong.products)).toEqual(['Wulong bamboo shoots']);
    expect(names(data.shizhu.products)).toEqual(['Shizhu water shield']);
    expect(names(data.kaizhou.products)).toEqual(['Kaizhou mulberry leaf eggs']);
    expect(data.wulong.products[0].classifiedAs[0].hsEntry.hsCode).toBe('200591');
    for (const d of [data.wulong, data.shizhu, data.kaizhou]) {
      // Policies in force in Chongqing are in force in its districts.
      expect(names(d.policies)).toEqual(expect.arrayContaining(['Cross-border e-commerce', 'Chongqing Trade Global']));
      expect(d.figures.nodes.some((f: any) => /first time|independent/i.test(f.statement))).toBe(true);
    }
  });

  it('specialty to foreign market: origin, classification, channels in force', async () => {
    const { data } = await run('specialty-to-foreign-market');
    expect(data.product.name).toBe('Wulong bamboo shoots');
    expect(data.product.origins[0].region.name).toBe('Wulong District');
    expect(names(data.product.origins[0].region.ancestors).slice(0, 2)).toEqual(['Chongqing', 'China']);
    expect(data.product.classifiedAs[0].hsEntry.hsCode).toBe('200591');
    expect(names(data.channels.nodes)).toContain('Cross-border e-commerce');
  });

  it('single-exporter dependence answers (empty while the seed holds no flows)', async () => {
    const { data } = await run('single-exporter-dependence');
    for (const list of Object.values(data) as any[][]) {
      for (const c of list) expect(c.topExporter.share).toBeGreaterThan(0);
    }
  });

  it('imported consumer goods: classifications and the import growth figure', async () => {
    const { data } = await run('imported-consumer-goods');
    expect(data.consumerGoods.figures.nodes.map((f: any) => f.value)).toContain(21.1);
    expect(data.cosmetics.classifiedAs.map((c: any) => c.hsEntry.hsCode)).toEqual(['3304']);
    expect(data.milkPowder.classifiedAs.map((c: any) => c.hsEntry.hsCode).sort()).toEqual(['0402', '190110']);
    expect(data.beef.classifiedAs.map((c: any) => c.hsEntry.hsCode).sort()).toEqual(['0201', '0202']);
    expect(names(data.channels.nodes)).toContain('Cross-border e-commerce');
  });

  it('fastest-growing figures between the 13th and 14th FYP', async () => {
    const { data } = await run('fastest-growing-figures');
    const values = data.figures.nodes.map((f: any) => f.value);
    expect(values.slice(0, 3)).toEqual([278.1, 103.7, 55.2]);
    expect(values).toEqual([...values].sort((a: number, b: number) => b - a));
    for (const f of data.figures.nodes) {
      expect(f.baselineEnd).toBeLessThanOrEqual(2020);
      expect(f.periodStart).toBeGreaterThanOrEqual(2021);
      expect(f.sources.length).toBeGreaterThan(0);
    }
  });

  it('facts resting on a single source', async () => {
    const { data } = await run('single-source-facts');
    expect(data.facts.totalCount).toBeGreaterThan(0);
    for (const f of data.facts.nodes) {
      expect(f.sources).toHaveLength(1);
      expect(f.excerpts.length).toBeGreaterThan(0);
    }
  });
});

describe('example operations as persisted operations (schema/persisted-operations.json)', () => {
  const manifest = persistedOperationManifest();
  const post = (body: unknown) =>
    fetch(`${api.base()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });

  it('lists every example operation once, by the sha256 of its printed body', () => {
    expect(manifest.operations.map((o) => o.name)).toEqual(exampleOperations().map((o) => o.operationName));
    expect(new Set(manifest.operations.map((o) => o.id)).size).toBe(manifest.operations.length);
  });

  it('answers each operation sent by hash alone exactly as when sent as text', async () => {
    for (const [op, example] of manifest.operations.map((o, i) => [o, exampleOperations()[i]!] as const)) {
      const variables = example.variables ? JSON.parse(example.variables) : {};
      const byText = (await (await post({ query: example.query, variables })).json()) as any;
      const res = await post({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: op.id } } });
      expect(res.status).toBe(200);
      const byHash = (await res.json()) as any;
      expect(byHash.errors).toBeUndefined();
      expect(byHash.data).toEqual(byText.data);
    }
  });

  it('serves a persisted operation over GET, and names an unknown hash PERSISTED_QUERY_NOT_FOUND', async () => {
    const op = manifest.operations.find((o) => o.name === 'SingleSourceFacts')!;
    const params = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: op.id } }) });
    const res = await fetch(`${api.base()}/graphql?${params}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data).toBeDefined();
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    const body = (await unknown.json()) as any;
    expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('example operations once flows are added to the seeded graph', () => {
  // Flows as a customs import or a later curated file would add them (docs/model.md), written here
  // with plain parameterized Cypher on top of the seed, each stated by a test excerpt.
  const FLOWS = [
    { id: 'flow:test:zongshen-tha-2024', direction: 'EXPORT', year: 2024, value: 120.0, trader: 'company:zongshen-group', product: 'hs2022:8711', from: 'gb:500000', to: 'iso:THA', via: null },
    { id: 'flow:test:zongshen-vnm-2023', direction: 'EXPORT', year: 2023, value: 80.0, trader: 'company:zongshen-group', product: 'product:motorcycles', from: 'gb:500000', to: 'iso:VNM', via: null },
    { id: 'flow:test:bamboo-sgp-2024', direction: 'EXPORT', year: 2024, value: 5.0, trader: 'company:changan-automobile', product: 'product:wulong-bamboo-shoots', from: 'gb:500156', to: 'iso:SGP', via: 'policy:cross-border-e-commerce' },
    { id: 'flow:test:cosmetics-kor-2024', direction: 'IMPORT', year: 2024, value: 30.0, trader: null, product: 'product:cosmetics', from: 'iso:KOR', to: 'gb:500000', via: 'policy:cross-border-e-commerce' },
    { id: 'flow:test:beef-aus-2024', direction: 'IMPORT', year: 2024, value: 40.0, trader: null, product: 'hs2022:0202', from: 'iso:AUS', to: 'gb:500000', via: null },
  ];

  beforeAll(async () => {
    await db().write(
      `CREATE (s:Source {id: 'source:test-customs', title: 'Test customs extract', kind: 'customs-data'})
       CREATE (e:Excerpt {id: 'excerpt:test-customs', text: 'test rows'})-[:EXCERPT_OF]->(s)
       WITH e
       UNWIND $flows AS row
       CREATE (f:Fact:TradeFlow {id: row.id, direction: row.direction, periodStart: row.year, periodEnd: row.year, value: row.value, currency: 'USD'})
       CREATE (f)-[:STATED_IN]->(e)
       WITH f, row
       MATCH (p:Product {id: row.product}), (a:Region {id: row.from}), (b:Region {id: row.to})
       CREATE (f)-[:OF_PRODUCT]->(p), (f)-[:FROM]->(a), (f)-[:TO]->(b)
       WITH f, row
       OPTIONAL MATCH (c:Company {id: row.trader})
       OPTIONAL MATCH (v:Policy {id: row.via})
       FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (f)-[:TRADER]->(c))
       FOREACH (_ IN CASE WHEN v IS NULL THEN [] ELSE [1] END | CREATE (f)-[:VIA]->(v))`,
      { flows: FLOWS },
    );
    // What an import does after it writes: the stored aggregates (sort keys, source counts,
    // concentration summaries) follow the new flows.
    await refreshAggregates(db());
  });

  it('names the motorcycle exporters to ASEAN with years and values', async () => {
    const { data } = await run('motorcycle-exporters-asean');
    expect(data.flows.totalCount).toBe(2);
    expect(data.flows.nodes.map((f: any) => [f.trader.name, f.periodStart, f.value, f.to.name])).toEqual([
      ['Zongshen Group', 2023, 80, 'Viet Nam'],
      ['Zongshen Group', 2024, 120, 'Thailand'],
    ]);
    expect(data.market.suppliers).toEqual([{ company: { name: 'Zongshen Group' }, years: [2023, 2024], flowCount: 2, totalValue: 200, currency: 'USD' }]);
  });

  it('links the specialty to a foreign market through company, channel and market', async () => {
    const { data } = await run('specialty-to-foreign-market');
    const [flow] = data.product.tradeFlows.nodes;
    expect(flow.trader.name).toBe("Chang'an Automobile");
    expect(flow.via).toEqual([{ name: 'Cross-border e-commerce', kind: 'trade-form' }]);
    expect(flow.to.name).toBe('Singapore');
    expect(names(flow.to.markets.map((m: any) => m.market)).sort()).toEqual(['ASEAN', 'RCEP']);
  });

  it('finds products and markets depending on a single exporter', async () => {
    const { data } = await run('single-exporter-dependence');
    const products = data.singleExporterProducts.map((c: any) => c.label);
    expect(products).toEqual(expect.arrayContaining(['Motorcycles', 'Wulong bamboo shoots']));
    expect(data.singleExporterProducts.every((c: any) => c.topExporter.share === 1)).toBe(true);
    expect(data.markets.find((m: any) => m.label === 'ASEAN')).toMatchObject({ currency: 'USD', exporterCount: 2 });
  });

  it('shows imported consumer goods by origin country and channel', async () => {
    const { data } = await run('imported-consumer-goods');
    expect(data.flows.nodes.map((f: any) => [f.product.name, f.from.iso3, f.via.map((v: any) => v.name)]).sort()).toEqual([
      ['Cosmetics', 'KOR', ['Cross-border e-commerce']],
      ['Meat of bovine animals, frozen.', 'AUS', []],
    ].sort());
    expect(data.cosmetics.tradeFlows.nodes).toEqual([{ periodStart: 2024, from: { name: 'Republic of Korea', iso3: 'KOR' }, via: [{ name: 'Cross-border e-commerce' }] }]);
    expect(data.beef.tradeFlows.nodes.map((f: any) => f.from.iso3)).toEqual(['AUS']);
    const cbec = data.channels.nodes.find((c: any) => c.name === 'Cross-border e-commerce');
    expect(cbec.flows.totalCount).toBe(1);
  });
});
