/**
 * Look-ahead (src/domain/shared/look-ahead.ts): the query that loads trade flows also fetches the
 * neighbours and provenance the selection asks for, and primes the fields' loaders. The answers
 * must be exactly those of the fields' own queries (reached here through `node(id:)`, which loads
 * the flow alone and resolves every field through its own loader), in fewer round trips.
 */
import { globalId } from '../../src/graphql/relay/global-id';
import { dataOf, useApi } from '../support/api';
import { useTestGraph } from '../support/neo4j';
import { createFixtureGraph } from './api-fixture';

const db = useTestGraph();
const api = useApi(db);

const FLOW_FIELDS = `key value
  trader { key name } product { key name } from { __typename ... on Region { key } ... on Market { key } }
  to { __typename ... on Region { key } ... on Market { key } } reportedBy { key } via { key }
  excerpts { key text } sources { key title }`;

beforeAll(async () => {
  await createFixtureGraph(db());
});

async function flowKeys(): Promise<{ key: string; id: string }[]> {
  return dataOf(await api.gql('{ tradeFlows(first: 100) { nodes { key id } } }')).tradeFlows.nodes;
}

describe('look-ahead for trade flows', () => {
  it('answers tradeFlow(id) with its neighbours and provenance in one query, as the fields\' own queries do', async () => {
    const flows = await flowKeys();
    expect(flows.length).toBeGreaterThan(3);
    let withProvenance = 0;
    for (const { key, id } of flows) {
      const ahead = await api.gql(`query($id: String!) { tradeFlow(id: $id) { ${FLOW_FIELDS} } }`, { id: key }, { stats: true });
      const alone = await api.gql(`query($id: ID!) { node(id: $id) { ... on TradeFlow { ${FLOW_FIELDS} } } }`, { id }, { stats: true });
      expect(dataOf(ahead).tradeFlow).toEqual(dataOf(alone).node);
      expect(ahead.body.extensions.stats.cypherQueries).toBe(1);
      expect(alone.body.extensions.stats.cypherQueries).toBeGreaterThan(1);
      if (dataOf(ahead).tradeFlow.excerpts.length > 0) withProvenance += 1;
    }
    expect(withProvenance).toBeGreaterThan(0);
  });

  it('fetches the neighbours of a page of flows with the page, through fragments and edges too', async () => {
    const res = await api.gql(
      `fragment F on TradeFlow { trader { key } product { key } }
       { tradeFlows(first: 100) { edges { node { key ...F sources { key } } } } }`,
      {},
      { stats: true },
    );
    const page = dataOf(res).tradeFlows.edges.map((e: any) => e.node);
    expect(res.body.extensions.stats.cypherQueries).toBe(1);
    for (const f of page) {
      const alone = dataOf(await api.gql(`query($id: ID!) { node(id: $id) { ... on TradeFlow { key trader { key } product { key } sources { key } } } }`, { id: globalId('TradeFlow', f.key) }));
      expect(f).toEqual(alone.node);
    }
  });

  it('keeps a nested level at one query whatever the number of parents (bounded by depth)', async () => {
    const res = await api.gql(
      `{ companies(first: 50) { nodes { key tradeFlows(first: 5) { nodes { key trader { key } to { ... on Region { key } } excerpts { key } } } } } }`,
      {},
      { stats: true },
    );
    dataOf(res);
    // the companies page and one batched flows page (trader, to, excerpts with it).
    expect(res.body.extensions.stats.cypherQueries).toBe(2);
  });
});

describe('a lookup with its first nested page (src/domain/shared/with-parent.ts)', () => {
  const PAGE = `tradeFlows(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { key value trader { key name tradeFlows(first: 2) { nodes { key } } } } }`;

  async function keysOf(list: string): Promise<string[]> {
    const page = dataOf(await api.gql(`{ ${list}(first: 100) { nodes { key tradeFlows(first: 1) { totalCount } } } }`))[list];
    return page.nodes.filter((n: any) => n.tradeFlows.totalCount > 0).map((n: any) => n.key);
  }

  it.each([
    ['product', 'Product', 'products'],
    ['company', 'Company', 'companies'],
  ])('answers %s(id) { tradeFlows } as node(id:) does, in one query less', async (field, type, list) => {
    const keys = await keysOf(list);
    expect(keys.length).toBeGreaterThan(1);
    for (const key of keys) {
      const folded = await api.gql(`query($id: String!) { ${field}(id: $id) { key ${PAGE} } }`, { id: key }, { stats: true });
      const alone = await api.gql(`query($id: ID!) { node(id: $id) { ... on ${type} { key ${PAGE} } } }`, { id: globalId(type, key) }, { stats: true });
      expect(dataOf(folded)[field]).toEqual(dataOf(alone).node);
      expect(dataOf(folded)[field].tradeFlows.nodes.length).toBeGreaterThan(0);
      // the lookup with its page (traders looked ahead), the traders' pages; node(id:) looks up first.
      expect(folded.body.extensions.stats.cypherQueries).toBe(2);
      expect(alone.body.extensions.stats.cypherQueries).toBe(3);
    }
  });

  it('answers null for an id that is not there or of another type, and batches several lookups', async () => {
    const company = (await keysOf('companies'))[0]!;
    const product = (await keysOf('products'))[0]!;
    const res = await api.gql(
      `query($c: String!, $p: String!) {
        none: product(id: "product:no-such-product") { key tradeFlows(first: 2) { nodes { key } } }
        wrongType: product(id: $c) { key tradeFlows(first: 2) { nodes { key } } }
        a: product(id: $p) { key tradeFlows(first: 2) { nodes { key } } }
        b: product(id: $p) { key tradeFlows(first: 2) { nodes { key } } }
      }`,
      { c: company, p: product },
      { stats: true },
    );
    const d = dataOf(res);
    expect(d.none).toBeNull();
    expect(d.wrongType).toBeNull();
    expect(d.a.tradeFlows.nodes.length).toBeGreaterThan(0);
    expect(d.b).toEqual(d.a);
    expect(res.body.extensions.stats.cypherQueries).toBe(1);
  });

  it('leaves pages under directives, aliases with other arguments and bad arguments to their own resolvers', async () => {
    const product = (await keysOf('products'))[0]!;
    const alone = dataOf(await api.gql(`query($id: ID!) { node(id: $id) { ... on Product { one: tradeFlows(first: 1) { nodes { key } } two: tradeFlows(first: 2, sort: VALUE) { nodes { key } } } } }`, { id: globalId('Product', product) })).node;
    const res = await api.gql(
      `query($id: String!, $yes: Boolean!) { product(id: $id) { one: tradeFlows(first: 1) @include(if: $yes) { nodes { key } } two: tradeFlows(first: 2, sort: VALUE) { nodes { key } } } }`,
      { id: product, yes: true },
      { stats: true },
    );
    expect(dataOf(res).product).toEqual(alone);
    // `one` is directed: `two` is loaded with the product, `one` by its own query.
    expect(res.body.extensions.stats.cypherQueries).toBe(2);
    const bad = await api.gql(`query($id: String!) { product(id: $id) { key tradeFlows(first: 1, last: 1) { nodes { key } } } }`, { id: product });
    // The field's error, at the field (tradeFlows is non-null: the product is null with it), not the lookup's.
    expect(bad.body.errors?.[0]?.path).toEqual(['product', 'tradeFlows']);
    expect(bad.body.errors?.[0]?.message).toMatch(/first.*last/);
  });
});
