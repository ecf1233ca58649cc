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

  it('howConnected: Chang\'an to ASEAN through what a source says of Chang\'an alone, every hop stated by an excerpt', async () => {
    const data = await gql(`{ howConnected(from: "company:changan-automobile", to: "market:asean") {
      length nodes { key kind } edges { key source target type excerpts { key text } sources { key } } } }`);
    const p = data.howConnected;
    // The founding document says only of "companies including Chang'an Automobile and Zongshen Group"
    // together that they integrate with "regional markets like ASEAN": no company-to-ASEAN edge. Two
    // paths of two hops remain, equally attested: through the collective figure that states the
    // sentence as it is, and through Chang'an's own Rayong plant report and Thailand's membership.
    expect(p.length).toBe(2);
    expect(['figure:cq-overseas-factories-asean-integration', 'iso:THA']).toContain(p.nodes[1].key);
    const all = await gql(`{ allPaths(from: "company:changan-automobile", to: "market:asean", maxHops: 2) {
      nodes { key } edges { type excerpts { key text } } } }`);
    const viaThailand = all.allPaths.find((x: any) => x.nodes[1].key === 'iso:THA');
    expect(viaThailand.edges.map((e: any) => e.type)).toEqual(['ACTIVE_IN', 'MEMBER_OF']);
    expect(viaThailand.edges[0].excerpts.map((e: any) => e.key)).toEqual(['excerpt:people-cn-changan-thailand-2']);
    expect(viaThailand.edges[0].excerpts[0].text).toContain('first overseas vehicle factory of Changan Automobile');
    expect(all.allPaths.every((x: any) => x.nodes.length === 3)).toBe(true);
    for (const e of p.edges) {
      expect(e.excerpts.length).toBeGreaterThan(0);
      expect(e.sources.length).toBeGreaterThan(0);
    }
  });

  it('a collective sentence stays collective: no company is linked on its own to Vietnam, or to anything by that sentence', async () => {
    const vn = await gql(`{ howConnected(from: "company:zongshen-group", to: "iso:VNM") { length nodes { key kind } edges { type excerpts { key } } } }`);
    // Zongshen reaches Vietnam only through the facility group (operated by both companies, located in
    // Thailand and Vietnam "and other locations") or the collective figure, never by a direct edge.
    expect(vn.howConnected.length).toBe(2);
    expect(['FACILITY', 'FIGURE']).toContain(vn.howConnected.nodes[1].kind);
    const links = await gql(`{ neighbourhood(id: "excerpt:cq-fyp-p3-s4", relationshipTypes: ["STATED_IN"]) { nodes { key } } }`);
    const stated = links.neighbourhood.nodes.map((n: any) => n.key);
    expect(stated).toEqual(expect.arrayContaining(['facility:changan-zongshen-overseas-factories', 'figure:cq-overseas-factories-asean-integration']));
    const active = await gql(`{ a: company(id: "company:changan-automobile") { activeIn { place { ... on Region { key } ... on Market { key } } excerptIds } }
      b: company(id: "company:zongshen-group") { activeIn { excerptIds } } }`);
    expect(active.b.activeIn).toEqual([]);
    expect(active.a.activeIn.flatMap((x: any) => x.excerptIds)).not.toContain('excerpt:cq-fyp-p3-s4');
  });

  it('search finds what sources say: "find orders" the programs of that paragraph, "reform and innovation" its excerpt', async () => {
    const orders = await gql(`{ search(text: "find orders") { key kind matchedIn excerpts { key locator source { key title } states { id } } } }`);
    const keys = orders.search.map((h: any) => h.key);
    expect(keys[0]).toBe('excerpt:cq-fyp-p5-s1');
    expect(orders.search[0].excerpts[0]).toMatchObject({ locator: 'paragraph 5, sentence 1', source: { key: 'source:cq-foreign-trade-14th-fyp' } });
    expect(keys).toEqual(expect.arrayContaining(['policy:hundred-groups-thousand-enterprises', 'policy:chongqing-trade-global', 'policy:comprehensive-foreign-trade-service-platforms']));
    const programme = orders.search.find((h: any) => h.key === 'policy:chongqing-trade-global');
    expect(programme).toMatchObject({ kind: 'POLICY', matchedIn: ['stated'], excerpts: [{ key: 'excerpt:cq-fyp-p5-s1' }] });

    const reform = await gql(`{ search(text: "reform and innovation", first: 5) { key kind matchedIn node { ... on Excerpt { text states { ... on Policy { key } } } } } }`);
    // The two projects' notes quote the phrase too (a short field ranks high), then the excerpt itself.
    const excerpt = reform.search.find((h: any) => h.key === 'excerpt:cq-fyp-p4-s6');
    expect(excerpt).toMatchObject({ kind: 'EXCERPT', matchedIn: ['text'] });
    expect(reform.search.slice(0, 3)).toContainEqual(excerpt);
    expect(excerpt.node.text).toContain('reform and innovation projects');
    expect(excerpt.node.states.map((p: any) => p.key)).toEqual(expect.arrayContaining(['policy:market-procurement-trade', 'policy:integrated-domestic-and-foreign-trade']));

    // Chinese passages: a two-character word of a Chinese excerpt finds it, with its source.
    const zh = await gql(`{ search(text: "摩托车出口额", kinds: [EXCERPT], first: 3) { key excerpts { text source { language } } } }`);
    expect(zh.search[0].key).toBe('excerpt:netease-2026-cq-2025-p4-s2');
    expect(zh.search[0].excerpts[0].source.language).toBe('zh');

    // Name search keeps working and ranks first.
    expect(await top('Zongshen')).toEqual({ key: 'company:zongshen-group', kind: 'COMPANY' });
    // Notes are searched too: the reading of 'the end of the 13th Five-Year Plan period'.
    const notes = await gql(`{ search(text: "read as the year 2020", kinds: [FIGURE], first: 20) { key matchedIn } }`);
    expect(notes.search.map((h: any) => h.key)).toEqual(
      expect.arrayContaining(['figure:cq-2024-automobile-export-growth', 'figure:cq-2024-agricultural-export-growth', 'figure:cq-2024-consumer-goods-import-growth', 'figure:cq-2024-trading-enterprises-growth']),
    );
    expect(notes.search.some((h: any) => h.matchedIn.includes('note'))).toBe(true);
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
