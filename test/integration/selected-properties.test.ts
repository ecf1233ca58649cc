/**
 * Flows, their neighbours and their provenance come projected to the properties the request
 * selects (src/domain/shared/selected-properties.ts). Selecting every plain field of every type a
 * flow reaches, the answers must equal those of `node(id:)`, which loads the flow whole and resolves
 * each field through its own query (whole nodes too); and the query really returns projections.
 */
import 'reflect-metadata';
import { GraphQLObjectType } from 'graphql';
import { plainFields } from '../../src/graphql/plain-fields';
import { buildAppSchema } from '../../src/graphql/schema';
import { QueryCatalog } from '../../src/neo4j/queries';
import { dataOf, useApi } from '../support/api';
import { useTestGraph } from '../support/neo4j';
import { createFixtureGraph } from './api-fixture';

const db = useTestGraph();
const api = useApi(db);
let flowFields = '';

beforeAll(async () => {
  await createFixtureGraph(db());
  const schema = await buildAppSchema();
  const plain = plainFields(schema)!;
  // Every plain field of a type, and `__typename` (so that an empty selection is still valid).
  const all = (type: string) => ['__typename', ...[...plain.get(type)!].filter((f) => (schema.getType(type) as GraphQLObjectType).getFields()[f]!.args.length === 0)].join(' ');
  const place = `{ ... on Region { ${all('Region')} } ... on Market { ${all('Market')} } }`;
  flowFields = `${all('TradeFlow')} trader { ${all('Company')} } product { ${all('Product')} } from ${place} to ${place}
    reportedBy { ${all('Region')} } via { ${all('Policy')} } excerpts { ${all('Excerpt')} } sources { ${all('Source')} }`;
});

describe('selected properties of flows', () => {
  it('answers every plain field of a flow and what it reaches as the whole nodes do, in a page and in a lookup', async () => {
    const page = dataOf(await api.gql(`{ tradeFlows(first: 100) { nodes { id ${flowFields} } } }`)).tradeFlows.nodes;
    expect(page.length).toBeGreaterThan(3);
    let withProvenance = 0;
    for (const f of page) {
      const alone = dataOf(await api.gql(`query($id: ID!) { node(id: $id) { ... on TradeFlow { id ${flowFields} } } }`, { id: f.id })).node;
      const lookup = dataOf(await api.gql(`query($id: String!) { tradeFlow(id: $id) { id ${flowFields} } }`, { id: f.key })).tradeFlow;
      expect(f).toEqual(alone);
      expect(lookup).toEqual(alone);
      if (alone.excerpts.length > 0) withProvenance += 1;
    }
    expect(withProvenance).toBeGreaterThan(0);
  });

  it('returns [type, values...] from the query where $fields lists the type, and whole nodes where it does not', async () => {
    const catalog = new QueryCatalog();
    const [any] = await db().read<{ id: string }>('MATCH (f:TradeFlow)-[:TRADER]->(:Company) RETURN f.id AS id ORDER BY id LIMIT 1');
    const look = { trader: true, product: false, from: false, to: false, reportedBy: false, via: false, provenance: false };
    const params = { ids: [any!.id], look, fields: { TradeFlow: ['id', 'value'], Company: null } };
    const [row] = await db().read<{ node: unknown; near: { trader: unknown[] } }>(catalog.variant('trade-flow/by-ids', params), params);
    expect(Array.isArray(row!.node)).toBe(true);
    expect((row!.node as unknown[]).slice(0, 2)).toEqual(['TradeFlow', any!.id]);
    expect((row!.node as unknown[]).length).toBe(3);
    // Company: null -> the trader comes whole.
    expect(Array.isArray(row!.near.trader[0])).toBe(false);
    expect((row!.near.trader[0] as { labels: string[] }).labels).toContain('Company');
  });
});
