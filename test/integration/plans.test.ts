/**
 * Start-up planning (src/neo4j/plans.ts): every named read query plans with the sample parameters
 * (EXPLAIN on the real Neo4j), so none is left for a first user request to plan.
 */
import { parameterNames, planNamedQueries, plannedQueries } from '../../src/neo4j/plans';
import { QueryCatalog } from '../../src/neo4j/queries';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();

describe('planning the named queries at start-up', () => {
  const catalog = new QueryCatalog();

  it('covers the read queries, not the writes or the parts', () => {
    const names = plannedQueries(catalog);
    expect(names).toEqual(expect.arrayContaining(['company/page', 'trade-flow/page', 'trade-flow/by-ids', 'analytics/exporter-shares', 'provenance/statements']));
    expect(names.some((n) => /^(ingest|aggregates|parts)\//.test(n))).toBe(false);
    expect(parameterNames('// $notThis\nMATCH (n {id: $id}) WHERE n.x = $limit OR $id IS NULL')).toEqual(['id', 'limit']);
  });

  it('plans every one of them without an error', async () => {
    const result = await planNamedQueries(db(), catalog);
    expect(result.failed).toEqual([]);
    expect(result.planned).toBe(plannedQueries(catalog).length);
  });
});
