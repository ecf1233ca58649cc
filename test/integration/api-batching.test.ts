/**
 * Batching: relationship fields load through one DataLoader per (named query, arguments), so the
 * number of Cypher queries of a request grows with its depth, not with the number of parents.
 */
import { refreshAggregates } from '../../src/neo4j/aggregates';
import { QueryCatalog } from '../../src/neo4j/queries';
import { useTestGraph } from '../support/neo4j';
import { planOperators } from '../support/plans';
import { dataOf, useApi } from '../support/api';

const db = useTestGraph();
// Large pages of nested lists are the point here, so the complexity limit is raised for this suite.
const api = useApi(db, { GRAPHQL_MAX_COMPLEXITY: '10000000' });

beforeAll(async () => {
  await db().write(`
    CREATE (s:Source {id: 'source:batch', title: 'Batch source', kind: 'news'})
    CREATE (e:Excerpt {id: 'excerpt:batch', text: 'Many companies export motorcycles.'})-[:EXCERPT_OF]->(s)
    CREATE (ch:Product {id: 'hs2022:87', name: 'Vehicles', hsCode: '87', hsLevel: 2})
    CREATE (h:Product {id: 'hs2022:8711', name: 'Motorcycles', hsCode: '8711', hsLevel: 4})-[:PART_OF]->(ch)
    CREATE (r:Region {id: 'iso:THA', name: 'Thailand', kind: 'country', iso3: 'THA'})
    WITH e, h, r
    UNWIND range(0, 599) AS i
    CREATE (c:Company {id: 'company:c' + right('000' + toString(i), 3), name: 'Company ' + right('000' + toString(i), 3), kind: 'enterprise'})
    CREATE (c)-[:STATED_IN]->(e)
    WITH c, e, h, r, i
    UNWIND range(0, 2) AS j
    CREATE (f:Fact:TradeFlow {id: c.id + ':flow' + toString(j), direction: 'EXPORT', periodStart: 2020 + j, periodEnd: 2020 + j, value: toFloat(i * 10 + j)})
    CREATE (f)-[:TRADER]->(c), (f)-[:OF_PRODUCT]->(h), (f)-[:TO]->(r), (f)-[:STATED_IN]->(e)
  `);
  // Written around the import pipeline: what it maintains after a write (sort keys) is run here.
  await refreshAggregates(db());
});

const NESTED = `query($n: Int!) {
  companies(first: $n) {
    totalCount
    nodes {
      key
      excerpts { key }
      tradeFlows(first: 2, sort: VALUE, direction: DESC) {
        totalCount
        nodes { key value product { key hsParent { key } } to { ... on Region { key } } sources { key } }
      }
    }
  }
}`;

async function run(n: number) {
  const res = await api.gql(NESTED, { n }, { stats: true });
  return { data: dataOf(res), queries: res.body.extensions.stats.cypherQueries as number };
}

describe('batched relationship loading', () => {
  it('runs the same number of Cypher queries for 5 and 500 parents', async () => {
    const small = await run(5);
    const large = await run(500);
    expect(small.data.companies.nodes).toHaveLength(5);
    expect(large.data.companies.nodes).toHaveLength(500);
    expect(large.data.companies.totalCount).toBe(600);
    // companies page, excerpts, tradeFlows pages (product, to and sources fetched with the flows:
    // look-ahead), hsParent: one query each.
    expect(small.queries).toBe(4);
    expect(large.queries).toBe(small.queries);
  });

  it('gives each parent its own page of the nested connection', async () => {
    const { data } = await run(500);
    const last = data.companies.nodes[499];
    expect(last.key).toBe('company:c499');
    expect(last.tradeFlows.totalCount).toBe(3);
    expect(last.tradeFlows.nodes.map((f: any) => f.value)).toEqual([4992, 4991]);
    expect(last.tradeFlows.nodes[0]).toMatchObject({ product: { key: 'hs2022:8711', hsParent: { key: 'hs2022:87' } }, to: { key: 'iso:THA' }, sources: [{ key: 'source:batch' }] });
  });

  it('runs aliased lookups by natural key as one query, and batches their nested fields together', async () => {
    await db().write(`MERGE (r:Region {id: 'iso:VNM'}) SET r.name = 'Viet Nam', r.kind = 'country', r.iso3 = 'VNM', r.iso2 = 'VN'`);
    const fields = {
      a: 'a: region(iso3: "THA") { key tradeFlows(first: 1) { totalCount } }',
      b: 'b: region(iso2: "vn") { key tradeFlows(first: 1) { totalCount } }',
      c: 'c: region(m49: "999") { key }',
      p: 'p: product(hsCode: "87.11") { key hsParent { key } }',
      q: 'q: product(hsCode: "8711", edition: "HS1992") { key }',
    };
    const one = await api.gql(`{ ${fields.a} ${fields.p} }`, {}, { stats: true });
    const all = await api.gql(`{ ${Object.values(fields).join(' ')} }`, {}, { stats: true });
    expect(dataOf(all)).toEqual({
      a: { key: 'iso:THA', tradeFlows: { totalCount: 1800 } },
      b: { key: 'iso:VNM', tradeFlows: { totalCount: 0 } },
      c: null,
      p: { key: 'hs2022:8711', hsParent: { key: 'hs2022:87' } },
      q: null,
    });
    // region/by-code, product/by-hs-code, the regions' flow pages, hsParent: five lookups cost
    // what two do (before, each alias ran its own lookup and its own nested queries).
    expect(all.body.extensions.stats.cypherQueries).toBe(one.body.extensions.stats.cypherQueries);
    expect(one.body.extensions.stats.cypherQueries).toBe(4);
  });

  it('finds each natural key through its index (no label scan)', async () => {
    const catalog = new QueryCatalog();
    const lookups: [string, Record<string, unknown>][] = [
      ['region/by-code', { keys: [{ parentId: 'a', iso2: null, iso3: 'THA', m49: null, gbCode: null }, { parentId: 'b', iso2: 'VN', iso3: null, m49: '704', gbCode: null }] }],
      ['product/by-hs-code', { keys: [{ parentId: 'a', hsCode: '8711', edition: null }, { parentId: 'b', hsCode: '87', edition: 'HS2022' }] }],
    ];
    for (const [name, params] of lookups) {
      const types = (await planOperators(db(), catalog.variant(name, params), params, 'EXPLAIN')).map((o) => o.type);
      expect({ name, seeks: types.some((t) => t.startsWith('NodeIndexSeek')), scans: types.filter((t) => /Scan/.test(t)) }).toEqual({ name, seeks: true, scans: [] });
    }
  });

  it('pages deep into a root list with keyset cursors', async () => {
    const q = `query($after: String) { companies(first: 250, after: $after) { nodes { key } pageInfo { endCursor hasNextPage } } }`;
    let after: string | null = null;
    const seen: string[] = [];
    for (;;) {
      const page: any = dataOf(await api.gql(q, { after })).companies;
      seen.push(...page.nodes.map((n: any) => n.key));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(600);
    expect(new Set(seen).size).toBe(600);
    expect(seen[0]).toBe('company:c000');
    expect(seen[599]).toBe('company:c599');
  });
});
