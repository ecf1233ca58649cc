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
