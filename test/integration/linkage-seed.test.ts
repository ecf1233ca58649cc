/**
 * The linkage and analytics fields through the real HTTP app (the production schema) over the
 * seeded graph (seed/*.jsonl): what the explorer and an analyst see on day one.
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { buildAppSchema } from '../../src/graphql/schema';
import { createHttpApp, HttpApp } from '../../src/http/app';
import { seedGraph } from '../../src/ingest/seed';
import { createLogger } from '../../src/logger';
import { QueryCatalog } from '../../src/neo4j/queries';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();
let app: HttpApp;
let base: string;

beforeAll(async () => {
  const report = await seedGraph(db());
  expect(report.ok).toBe(true);
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1' });
  app = await createHttpApp(await buildAppSchema(), { config, db: db(), queries: new QueryCatalog() }, createLogger('silent'));
  await app.listen();
  base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app.close();
});

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: any[] };
  expect(body.errors ?? []).toEqual([]);
  return body.data;
}

const top = async (text: string) => (await gql(`query($t: String!) { search(text: $t, first: 3) { key kind } }`, { t: text })).search[0];

describe('on the seeded graph', () => {
  it('search: English, typo, Chinese, Chinese alias and pinyin alias', async () => {
    expect(await top("Chang'an Automobile")).toEqual({ key: 'company:changan-automobile', kind: 'COMPANY' });
    expect(await top('Zongsen')).toEqual({ key: 'company:zongshen-group', kind: 'COMPANY' });
    expect(await top('长安')).toEqual({ key: 'company:changan-automobile', kind: 'COMPANY' });
    expect(await top('东盟')).toEqual({ key: 'market:asean', kind: 'MARKET' });
    expect(await top('Yuxinou')).toEqual({ key: 'policy:china-europe-railway-express-chongqing', kind: 'POLICY' });
    expect(await top('water shield')).toEqual({ key: 'product:shizhu-water-shield', kind: 'PRODUCT' });
  });

  it('howConnected: Chang\'an to ASEAN, every hop stated by an excerpt of a source', async () => {
    const data = await gql(`{ howConnected(from: "company:changan-automobile", to: "market:asean") {
      length nodes { key kind } edges { key source target type excerpts { key text } sources { key } } } }`);
    const p = data.howConnected;
    expect(p.nodes[0].key).toBe('company:changan-automobile');
    expect(p.nodes[p.nodes.length - 1].key).toBe('market:asean');
    // The seed states it directly: the companies are "deeply integrating with regional markets like ASEAN".
    expect(p.length).toBe(1);
    expect(p.edges.map((e: any) => e.type)).toEqual(['ACTIVE_IN']);
    for (const e of p.edges) {
      expect(e.excerpts.length).toBeGreaterThan(0);
      expect(e.sources.length).toBeGreaterThan(0);
    }
  });

  it('neighbourhood of Wulong: its specialty and the municipality', async () => {
    const data = await gql(`{ neighbourhood(id: "gb:500156") { truncated nodes { key kind } edges { key } } }`);
    const keys = data.neighbourhood.nodes.map((n: any) => n.key);
    expect(keys[0]).toBe('gb:500156');
    expect(keys).toEqual(expect.arrayContaining(['gb:500000', 'product:wulong-bamboo-shoots']));
    expect(data.neighbourhood.edges.map((e: any) => e.key)).toEqual(
      expect.arrayContaining(['gb:500156|PART_OF|gb:500000', 'product:wulong-bamboo-shoots|ORIGINATES_IN|gb:500156']),
    );
  });

  it('figureGrowth between the 13th and 14th FYP, fastest first', async () => {
    const data = await gql(`{ figureGrowth(baselinePlan: "policy:13th-five-year-plan", plan: "policy:14th-five-year-plan", metric: "export-value-growth") { key growthPercent about { key } } }`);
    expect(data.figureGrowth.map((g: any) => [g.key, g.growthPercent])).toEqual([
      ['figure:cq-2024-automobile-export-growth', 278.1],
      ['figure:cq-2024-agricultural-export-growth', 103.7],
      ['figure:cq-2024-motorcycle-and-parts-export-growth', 55.2],
    ]);
  });
});
