/**
 * Linkage over the real Neo4j: neighbourhood, shortest and all paths, howConnected, limits.
 */
import { useTestGraph } from '../support/neo4j';
import { createLinkageFixture } from './linkage-fixture';
import { failure, gqlOver, ok } from '../support/execute';

const db = useTestGraph();
const gql = gqlOver(db);

beforeAll(async () => {
  await createLinkageFixture(db());
});

const PATH = `nodes { key kind label detail } edges { key source target type note excerpts { key text } sources { key title } }`;

describe('neighbourhood', () => {
  it('returns the 1-hop subgraph with drawable edges, provenance excluded by default', async () => {
    const data = ok(await gql(`{ neighbourhood(id: "company:zongshen-group") { truncated nodes { key kind label detail node { id key } } edges { key source target type excerpts { key } sources { key } } } }`));
    const n = data.neighbourhood;
    expect(n.truncated).toBe(false);
    // Entities before facts, then by id; the excerpt it is STATED_IN is not followed by default.
    expect(n.nodes.map((x: any) => x.key)).toEqual([
      'company:zongshen-group',
      'facility:overseas-factories',
      'gb:500000',
      'flow:t:zs-tha-2023',
      'flow:t:zs-tha-2024',
      'flow:t:zs-vnm-2023',
    ]);
    expect(n.nodes[0]).toMatchObject({ kind: 'COMPANY', label: 'Zongshen Group', detail: 'group · 宗申集团', node: { key: 'company:zongshen-group' } });
    expect(n.nodes[3]).toMatchObject({ kind: 'TRADE_FLOW', label: 'EXPORT · 2023 · 100 USD' });
    const keys = n.edges.map((e: any) => e.key).sort();
    expect(keys).toEqual([
      'company:zongshen-group|HEADQUARTERED_IN|gb:500000',
      'company:zongshen-group|OPERATES|facility:overseas-factories',
      // Induced: the flows leave from Chongqing, which is also drawn.
      'flow:t:zs-tha-2023|FROM|gb:500000',
      'flow:t:zs-tha-2023|TRADER|company:zongshen-group',
      'flow:t:zs-tha-2024|FROM|gb:500000',
      'flow:t:zs-tha-2024|TRADER|company:zongshen-group',
      'flow:t:zs-vnm-2023|FROM|gb:500000',
      'flow:t:zs-vnm-2023|TRADER|company:zongshen-group',
    ]);
    const hq = n.edges.find((e: any) => e.type === 'HEADQUARTERED_IN');
    expect(hq).toMatchObject({ source: 'company:zongshen-group', target: 'gb:500000', excerpts: [{ key: 'excerpt:fyp-2' }], sources: [{ key: 'source:fyp' }] });
    // Every edge joins two drawn nodes.
    const drawn = new Set(n.nodes.map((x: any) => x.key));
    for (const e of n.edges) expect(drawn.has(e.source) && drawn.has(e.target)).toBe(true);
  });

  it('filters by relationship type and kind, expands 2 hops, and draws edges among the kept nodes', async () => {
    const data = ok(await gql(`{ neighbourhood(id: "iso:THA", hops: 2, relationshipTypes: ["MEMBER_OF", "PART_OF"], labels: [REGION, MARKET]) { truncated nodes { key } edges { key } } }`));
    expect(data.neighbourhood.nodes.map((x: any) => x.key)).toEqual(['iso:THA', 'm49:035', 'market:asean', 'iso:VNM']);
    expect(data.neighbourhood.edges.map((e: any) => e.key).sort()).toEqual([
      'iso:THA|MEMBER_OF|market:asean',
      'iso:THA|PART_OF|m49:035',
      'iso:VNM|MEMBER_OF|market:asean',
      'iso:VNM|PART_OF|m49:035',
    ]);
  });

  it('follows provenance from an excerpt, and marks a cut neighbourhood truncated', async () => {
    const data = ok(await gql(`{ neighbourhood(id: "excerpt:fyp-1", limit: 3) { truncated nodes { key } edges { key excerpts { key } } } }`));
    expect(data.neighbourhood.truncated).toBe(true);
    expect(data.neighbourhood.nodes.map((x: any) => x.key)).toEqual(['excerpt:fyp-1', 'source:fyp', 'figure:agri-growth', 'figure:auto-growth']);
    const of = data.neighbourhood.edges.find((e: any) => e.key === 'excerpt:fyp-1|EXCERPT_OF|source:fyp');
    expect(of.excerpts).toEqual([{ key: 'excerpt:fyp-1' }]);
  });

  it('takes the contract defaults when optional arguments are null (hops: Int = 1, limit: Int = 100)', async () => {
    const data = ok(await gql(`query($hops: Int, $limit: Int) { neighbourhood(id: "market:eu", hops: $hops, limit: $limit) { nodes { key } } }`, { hops: null, limit: null }));
    expect(data.neighbourhood.nodes.map((x: any) => x.key)).toEqual(['market:eu', 'iso:DEU']);
  });

  it('accepts a global id', async () => {
    const id = Buffer.from('Market:market:eu').toString('base64');
    const data = ok(await gql(`query($id: ID!) { neighbourhood(id: $id) { nodes { key } } }`, { id }));
    expect(data.neighbourhood.nodes.map((x: any) => x.key)).toEqual(['market:eu', 'iso:DEU']);
  });

  it('rejects out-of-bound hops and limits, unknown types and unknown ids with BAD_USER_INPUT', async () => {
    expect(failure(await gql(`{ neighbourhood(id: "iso:THA", hops: 4) { truncated } }`))).toEqual({ code: 'BAD_USER_INPUT', message: '`hops` must be an integer from 1 to 3; got 4' });
    expect(failure(await gql(`{ neighbourhood(id: "iso:THA", limit: 501) { truncated } }`))).toEqual({ code: 'BAD_USER_INPUT', message: '`limit` must be an integer from 1 to 500; got 501' });
    const unknownType = failure(await gql(`{ neighbourhood(id: "iso:THA", relationshipTypes: ["KNOWS]->() DETACH DELETE n //"]) { truncated } }`));
    expect(unknownType.code).toBe('BAD_USER_INPUT');
    expect(unknownType.message).toMatch(/^Unknown relationship type .*; allowed: EXCERPT_OF, STATED_IN, PART_OF/);
    expect(failure(await gql(`{ neighbourhood(id: "iso:XXX") { truncated } }`))).toEqual({ code: 'BAD_USER_INPUT', message: 'There is no entity with key "iso:XXX"' });
  });
});

describe('paths', () => {
  it('finds the shortest path with each hop in its own direction', async () => {
    const data = ok(await gql(`{ shortestPath(from: "company:zongshen-group", to: "market:asean") { length ${PATH} } }`));
    const p = data.shortestPath;
    expect(p.length).toBe(3);
    expect(p.nodes.map((n: any) => n.key)).toEqual(['company:zongshen-group', 'facility:overseas-factories', 'iso:THA', 'market:asean']);
    expect(p.edges.map((e: any) => e.key)).toEqual([
      'company:zongshen-group|OPERATES|facility:overseas-factories',
      'facility:overseas-factories|LOCATED_IN|iso:THA',
      'iso:THA|MEMBER_OF|market:asean',
    ]);
  });

  it('returns null when nothing connects within maxHops, and a 0-length path from a node to itself', async () => {
    const none = ok(await gql(`{ shortestPath(from: "company:loncin", to: "market:eu", maxHops: 2) { length } }`));
    expect(none.shortestPath).toBeNull();
    const self = ok(await gql(`{ shortestPath(from: "iso:THA", to: "iso:THA") { length nodes { key } edges { key } } }`));
    expect(self.shortestPath).toEqual({ length: 0, nodes: [{ key: 'iso:THA' }], edges: [] });
  });

  it('respects relationship-type and label filters', async () => {
    const data = ok(await gql(`{ shortestPath(from: "company:zongshen-group", to: "iso:THA", relationshipTypes: ["TRADER", "TO"]) { nodes { key } } }`));
    expect(data.shortestPath.nodes.map((n: any) => n.key)).toEqual(['company:zongshen-group', 'flow:t:zs-tha-2023', 'iso:THA']);
    const noFlows = ok(await gql(`{ shortestPath(from: "company:zongshen-group", to: "iso:THA", labels: [FACILITY]) { nodes { key } } }`));
    expect(noFlows.shortestPath.nodes.map((n: any) => n.key)).toEqual(['company:zongshen-group', 'facility:overseas-factories', 'iso:THA']);
    const neither = ok(await gql(`{ shortestPath(from: "company:zongshen-group", to: "iso:THA", labels: [COMPANY, REGION, MARKET]) { nodes { key } } }`));
    expect(neither.shortestPath).toBeNull();
  });

  it('lists simple paths shortest first, up to `first`', async () => {
    const data = ok(await gql(`{ allPaths(from: "company:loncin", to: "company:zongshen-group", maxHops: 4, first: 5) { length nodes { key } } }`));
    const lengths = data.allPaths.map((p: any) => p.length);
    expect(lengths[0]).toBe(2);
    expect(data.allPaths[0].nodes.map((n: any) => n.key)).toEqual(['company:loncin', 'gb:500000', 'company:zongshen-group']);
    expect([...lengths].sort((a: number, b: number) => a - b)).toEqual(lengths);
    expect(data.allPaths).toHaveLength(5);
    for (const p of data.allPaths) expect(new Set(p.nodes.map((n: any) => n.key)).size).toBe(p.nodes.length);
  });

  it('rejects maxHops beyond 8 and first beyond the page size', async () => {
    expect(failure(await gql(`{ allPaths(from: "iso:THA", to: "iso:VNM", maxHops: 9) { length } }`))).toEqual({ code: 'BAD_USER_INPUT', message: '`maxHops` must be an integer from 1 to 8; got 9' });
    expect(failure(await gql(`{ allPaths(from: "iso:THA", to: "iso:VNM", first: 1000) { length } }`)).code).toBe('BAD_USER_INPUT');
  });

  it('howConnected: the best-attested shortest path, each hop with its excerpts and sources', async () => {
    const data = ok(await gql(`{ howConnected(from: "product:wulong-bamboo-shoots", to: "market:asean") { length ${PATH} } }`));
    const p = data.howConnected;
    expect(p.length).toBe(2);
    expect(p.nodes.map((n: any) => n.key)).toEqual(['product:wulong-bamboo-shoots', 'flow:t:bamboo-asean-2024', 'market:asean']);
    expect(p.edges.map((e: any) => [e.key, e.excerpts.map((x: any) => x.key), e.sources.map((s: any) => s.key)])).toEqual([
      ['flow:t:bamboo-asean-2024|OF_PRODUCT|product:wulong-bamboo-shoots', ['excerpt:fyp-3'], ['source:fyp']],
      ['flow:t:bamboo-asean-2024|TO|market:asean', ['excerpt:fyp-3'], ['source:fyp']],
    ]);
  });
});
