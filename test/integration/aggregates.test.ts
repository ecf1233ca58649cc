/**
 * What imports maintain (src/neo4j/aggregates.ts) equals the direct computation: each fact's
 * `sourceCount` against counting its distinct sources, on the API fixture and on a synthetic graph
 * (seeded, with facts of 0-4 excerpts over 0-3 sources, shared excerpts, excerpts without a source),
 * before and after the graph changes; and `facts(filter: {maxSources})` answers what the direct
 * count answers.
 */
import { refreshAggregates } from '../../src/neo4j/aggregates';
import { dataOf, useApi } from '../support/api';
import { resetGraph, useTestGraph } from '../support/neo4j';
import { createFixtureGraph } from './api-fixture';

const db = useTestGraph();
const api = useApi(db);

const DIRECT = `MATCH (n:Fact)
  RETURN n.id AS id, n.sourceCount AS stored,
    COUNT { MATCH (n)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source) RETURN DISTINCT s } AS direct
  ORDER BY id`;

async function compare(): Promise<{ id: string; stored: number; direct: number }[]> {
  const rows = await db().read<{ id: string; stored: number; direct: number }>(DIRECT);
  for (const r of rows) expect({ id: r.id, sourceCount: r.stored }).toEqual({ id: r.id, sourceCount: r.direct });
  return rows;
}

async function factsWithAtMost(max: number): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = dataOf(
      await api.gql('query($max: Int, $after: String) { facts(filter: {maxSources: $max}, first: 7, after: $after) { totalCount nodes { key } pageInfo { hasNextPage endCursor } } }', { max, after }),
    ).facts;
    out.push(...page.nodes.map((n: { key: string }) => n.key));
    if (!page.pageInfo.hasNextPage) {
      expect(page.totalCount).toBe(out.length);
      return out;
    }
    after = page.pageInfo.endCursor;
  }
}

/** A small PRNG (mulberry32), so the synthetic graph is the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('aggregates maintained after imports', () => {
  it('on the API fixture: sourceCount equals the direct count, and maxSources answers as counting does', async () => {
    await createFixtureGraph(db()); // runs refreshAggregates, as the import does
    const rows = await compare();
    expect(rows.length).toBeGreaterThan(5);
    for (const max of [0, 1, 2]) {
      const want = rows.filter((r) => r.direct <= max).map((r) => r.id);
      expect((await factsWithAtMost(max)).sort()).toEqual(want.sort());
    }
  });

  it('on a synthetic graph, before and after it changes', async () => {
    await resetGraph(db());
    const rand = prng(11);
    const sources = Array.from({ length: 6 }, (_, i) => ({ id: `source:s${i}`, title: `S${i}` }));
    const excerpts = Array.from({ length: 40 }, (_, i) => ({ id: `excerpt:e${i}`, source: rand() < 0.9 ? sources[Math.floor(rand() * sources.length)]!.id : null }));
    const facts = Array.from({ length: 300 }, (_, i) => ({
      id: `flow:f${String(i).padStart(3, '0')}`,
      excerpts: [...new Set(Array.from({ length: Math.floor(rand() * 5) }, () => excerpts[Math.floor(rand() * excerpts.length)]!.id))],
    }));
    await db().write('UNWIND $rows AS row CREATE (:Source {id: row.id, title: row.title})', { rows: sources });
    await db().write('UNWIND $rows AS row CREATE (e:Excerpt {id: row.id, text: row.id}) WITH e, row WHERE row.source IS NOT NULL MATCH (s:Source {id: row.source}) CREATE (e)-[:EXCERPT_OF]->(s)', { rows: excerpts });
    await db().write(
      `UNWIND $rows AS row CREATE (f:Fact:TradeFlow {id: row.id, direction: 'EXPORT', periodStart: 2023})
       WITH f, row UNWIND row.excerpts AS eid MATCH (e:Excerpt {id: eid}) CREATE (f)-[:STATED_IN]->(e)`,
      { rows: facts },
    );
    await refreshAggregates(db());
    const before = await compare();
    expect(new Set(before.map((r) => r.direct)).size).toBeGreaterThanOrEqual(3);
    expect((await factsWithAtMost(1)).sort()).toEqual(before.filter((r) => r.direct <= 1).map((r) => r.id).sort());

    // A later import adds a source to some facts and removes excerpts from others.
    await db().write("CREATE (:Source {id: 'source:new', title: 'New'})<-[:EXCERPT_OF]-(:Excerpt {id: 'excerpt:new', text: 'new'})");
    await db().write("MATCH (f:Fact) WHERE f.id < 'flow:f050' MATCH (e:Excerpt {id: 'excerpt:new'}) CREATE (f)-[:STATED_IN]->(e)");
    await db().write("MATCH (f:Fact)-[r:STATED_IN]->() WHERE f.id >= 'flow:f250' DELETE r");
    await refreshAggregates(db());
    const after = await compare();
    expect(after.filter((r, i) => r.direct !== before[i]!.direct).length).toBeGreaterThan(20);
    expect((await factsWithAtMost(1)).sort()).toEqual(after.filter((r) => r.direct <= 1).map((r) => r.id).sort());
  });
});
