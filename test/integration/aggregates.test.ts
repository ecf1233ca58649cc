/**
 * What imports maintain (src/neo4j/aggregates.ts) equals the direct computation: each fact's
 * `sourceCount` against counting its distinct sources, on the API fixture and on a synthetic graph
 * (seeded, with facts of 0-4 excerpts over 0-3 sources, shared excerpts, excerpts without a source),
 * before and after the graph changes; and `facts(filter: {maxSources})` answers what the direct
 * count answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { refreshAggregates } from '../../src/neo4j/aggregates';
import { dataOf, useApi } from '../support/api';
import { resetGraph, useTestGraph } from '../support/neo4j';
import { createFixtureGraph } from './api-fixture';
import { prng } from '../support/prng';

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

    // totalCount from the stored counts (aggregates/fact-counts) equals counting, for every kind and
    // source range; and still after a fact leaves the Fact label (a retraction) without a refresh.
    const RANGES: [number | null, number | null][] = [[null, null], [null, 0], [null, 1], [1, 2], [2, null]];
    const totals = async () => {
      const out: Record<string, number> = {};
      for (const type of [null, 'TRADE_FLOW', 'FIGURE'])
        for (const [min, max] of RANGES) {
          const d: any = dataOf(await api.gql('query($t: FactType, $min: Int, $max: Int) { facts(filter: {type: $t, minSources: $min, maxSources: $max}) { totalCount } }', { t: type, min, max }));
          out[`${type}|${min}|${max}`] = d.facts.totalCount;
        }
      return out;
    };
    const countDirect = (min: number | null, max: number | null, rows: { direct: number }[]) => rows.filter((r) => r.direct >= (min ?? 0) && r.direct <= (max ?? 1e9)).length;
    const want = (rows: { direct: number }[]) => {
      const out: Record<string, number> = {};
      for (const type of [null, 'TRADE_FLOW', 'FIGURE'])
        for (const [min, max] of RANGES) out[`${type}|${min}|${max}`] = type === 'FIGURE' ? 0 : countDirect(min, max, rows);
      return out;
    };
    expect(Number((await db().read<{ n: number }>('MATCH (c:FactSourceCount) RETURN count(c) AS n'))[0]!.n)).toBeGreaterThanOrEqual(3);
    expect(await totals()).toEqual(want(after));
    // Those totals are the stored counts (a changed count shows), not a count of the facts.
    await db().write('MATCH (c:FactSourceCount) SET c.facts = c.facts + 1000');
    expect((await totals())['null|null|null']).toBe(after.length + 1000 * Number((await db().read<{ n: number }>('MATCH (c:FactSourceCount) RETURN count(c) AS n'))[0]!.n));
    await refreshAggregates(db());
    await db().write("MATCH (f:Fact) WHERE f.id >= 'flow:f290' REMOVE f:Fact:TradeFlow SET f:RetractedFact");
    const live = after.filter((r) => r.id < 'flow:f290');
    expect(await totals()).toEqual(want(live));
    await refreshAggregates(db());
    expect(await totals()).toEqual(want(live));
  });

  it('serves concentration from the stored summaries exactly as the direct computation, and the summaries follow imports', async () => {
    await resetGraph(db());
    const rand = prng(5);
    const companies = Array.from({ length: 12 }, (_, i) => ({ id: `company:c${i}`, name: `C${i}` }));
    await db().write("CREATE (:Product {id: 'hs2022:87', name: 'Vehicles', hsCode: '87', hsLevel: 2})");
    await db().write(
      `UNWIND range(0, 7) AS i MATCH (ch:Product {id: 'hs2022:87'})
       CREATE (:Product {id: 'hs2022:87' + toString(10 + i), name: 'P' + toString(i), hsCode: '87' + toString(10 + i), hsLevel: 4})-[:PART_OF]->(ch)`,
    );
    await db().write(
      `CREATE (m:Market {id: 'market:asean', name: 'ASEAN'}), (n:Market {id: 'market:eu', name: 'EU'})
       WITH m, n UNWIND range(0, 5) AS i
       CREATE (r:Region {id: 'iso:R' + toString(i), name: 'R' + toString(i), kind: 'country'})
       WITH r, i, CASE WHEN i < 4 THEN m ELSE n END AS market
       CREATE (r)-[ms:MEMBER_OF]->(market) SET ms.fromYear = CASE WHEN i = 2 THEN 2024 END`,
    );
    await db().write('UNWIND $rows AS row CREATE (:Company {id: row.id, name: row.name})', { rows: companies });
    const flows = Array.from({ length: 400 }, (_, i) => ({
      id: `flow:x${i}`,
      trader: rand() < 0.95 ? companies[Math.floor(rand() * (rand() < 0.5 ? 3 : companies.length))]!.id : null,
      product: `hs2022:87${10 + Math.floor(rand() * 8)}`,
      to: `iso:R${Math.floor(rand() * 6)}`,
      value: rand() < 0.9 ? Math.round(rand() * 1e6) / 100 : null,
      currency: rand() < 0.8 ? 'USD' : 'EUR',
      direction: rand() < 0.8 ? 'EXPORT' : 'IMPORT',
      year: 2022 + Math.floor(rand() * 3),
    }));
    await db().write(
      `UNWIND $rows AS row
       CREATE (f:Fact:TradeFlow {id: row.id, direction: row.direction, periodStart: row.year, periodEnd: row.year, value: row.value, currency: row.currency})
       WITH f, row MATCH (p:Product {id: row.product}) MATCH (r:Region {id: row.to}) CREATE (f)-[:OF_PRODUCT]->(p), (f)-[:TO]->(r)
       WITH f, row MATCH (c:Company {id: row.trader}) CREATE (f)-[:TRADER]->(c)`,
      { rows: flows },
    );
    // A single-exporter product.
    await db().write(
      `MATCH (ch:Product {id: 'hs2022:87'}), (c:Company {id: 'company:c7'}), (r:Region {id: 'iso:R1'})
       CREATE (p:Product {id: 'hs2022:8799', name: 'Solo', hsCode: '8799', hsLevel: 4})-[:PART_OF]->(ch)
       CREATE (f:Fact:TradeFlow {id: 'flow:solo', direction: 'EXPORT', periodStart: 2023, periodEnd: 2023, value: 5.0, currency: 'USD'})
       CREATE (f)-[:OF_PRODUCT]->(p), (f)-[:TRADER]->(c), (f)-[:TO]->(r)`,
    );
    await refreshAggregates(db());

    const Q = `query($by: ConcentrationBy!, $single: Boolean!, $first: Int!, $dir: [FlowDirection!]) {
      concentration(by: $by, singleExporterOnly: $single, first: $first, filter: {direction: $dir}) {
        key label currency direction total flows exporterCount hhi topShare singleExporter
        node { __typename ... on Product { key } ... on Market { key } ... on Region { key } }
        topExporter { key label value share flows }
        exporters { key label value share flows node { key } }
      }
    }`;
    const cases = ['PRODUCT', 'HS_CHAPTER', 'MARKET', 'DESTINATION'].flatMap((by) =>
      [false, true].flatMap((single) => [3, 100].flatMap((first) => [null, ['IMPORT']].map((dir) => ({ by, single, first, dir })))),
    );
    // The operation's selection (operations/single-exporter-dependence.graphql) reads no exporter
    // list or node from the summaries: it must still answer what the direct computation answers.
    const LEAN = `query($by: ConcentrationBy!, $single: Boolean!, $first: Int!, $dir: [FlowDirection!]) {
      concentration(by: $by, singleExporterOnly: $single, first: $first, filter: {direction: $dir}) {
        key label currency total exporterCount hhi topExporter { label share }
      }
    }`;
    const answer = async (query: string) => Promise.all(cases.map(async (v) => dataOf(await api.gql(query, v)).concentration));
    const both = async () => ({ full: await answer(Q), lean: await answer(LEAN) });
    const stored = await both();
    expect(Number((await db().read<{ n: number }>('MATCH (s:ConcentrationSummary) RETURN count(s) AS n'))[0]!.n)).toBeGreaterThan(20);
    expect(stored.full.some((list: any[]) => list.some((c) => c.singleExporter))).toBe(true);
    expect(stored.full.filter((list: any[]) => list.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(stored.full.some((list: any[]) => list.some((c) => c.exporterCount > 3))).toBe(true);

    // The answers above come from the summaries (a changed summary shows), not from the flows.
    await db().write("MATCH (s:ConcentrationSummary) SET s.label = 'stored ' + s.label");
    expect((await answer(LEAN)).flat().every((c: any) => c.label.startsWith('stored '))).toBe(true);
    await refreshAggregates(db());

    // The direct computation: with no summary stored, the same fields read every flow.
    const direct = async () => {
      await db().write('MATCH (s:ConcentrationSummary) DELETE s');
      const answers = await both();
      await refreshAggregates(db());
      return answers;
    };
    expect(stored).toEqual(await direct());

    // A later import changes values, adds exporters and a currency: the refreshed summaries still
    // answer what the direct computation answers.
    await db().write("MATCH (f:TradeFlow) WHERE f.id STARTS WITH 'flow:x1' SET f.value = f.value * 3, f.currency = CASE WHEN f.id ENDS WITH '7' THEN 'CNY' ELSE f.currency END");
    await db().write(
      `MATCH (c:Company {id: 'company:c11'}), (p:Product {id: 'hs2022:8712'}), (r:Region {id: 'iso:R5'})
       CREATE (f:Fact:TradeFlow {id: 'flow:late', direction: 'EXPORT', periodStart: 2024, periodEnd: 2024, value: 90000.5, currency: 'USD'})
       CREATE (f)-[:OF_PRODUCT]->(p), (f)-[:TRADER]->(c), (f)-[:TO]->(r)`,
    );
    await refreshAggregates(db());
    const changed = await both();
    expect(changed).not.toEqual(stored);
    expect(changed).toEqual(await direct());

    // Written around the pipeline (or retracted by curation), a flow changes the graph's count of
    // flows: the summaries are not served until the next refresh, the direct computation answers.
    await db().write(
      `MATCH (c:Company {id: 'company:c9'}), (p:Product {id: 'hs2022:8799'})
       CREATE (f:Fact:TradeFlow {id: 'flow:solo2', direction: 'EXPORT', periodStart: 2023, value: 7.0, currency: 'USD'})
       CREATE (f)-[:OF_PRODUCT]->(p), (f)-[:TRADER]->(c)`,
    );
    const solo = async () => (dataOf(await api.gql(Q, { by: 'PRODUCT', single: false, first: 100, dir: null })).concentration as any[]).find((c) => c.key === 'hs2022:8799');
    expect((await solo()).exporterCount).toBe(2);
    await db().write("MATCH (f:TradeFlow {id: 'flow:solo2'}) DETACH DELETE f");
    expect((await solo()).exporterCount).toBe(1);
    await refreshAggregates(db());
    expect((await solo()).exporterCount).toBe(1);
  });

  describe('trade totals per company and flow counts per direction', () => {
    const TOTALS = `query($dir: [FlowDirection!], $first: Int!) {
      tradeTotals(groupBy: COMPANY, filter: {direction: $dir}, first: $first) {
        key label currency direction value flows qualitativeFlows node { __typename ... on Company { key name } }
      }
      tradeFlows(filter: {direction: $dir}, first: 3) { totalCount nodes { key } }
      all: tradeFlows(first: 2) { totalCount }
    }`;
    const OPERATION = fs.readFileSync(path.join(__dirname, '..', '..', 'operations', 'firms-products-markets.graphql'), 'utf8');
    const cases = [null, ['EXPORT'], ['EXPORT', 'RE_EXPORT'], ['IMPORT'], ['RE_IMPORT']].flatMap((dir) => [2, 100].map((first) => ({ dir, first })));
    const answers = async () => ({
      totals: await Promise.all(cases.map(async (v) => dataOf(await api.gql(TOTALS, v)))),
      operation: dataOf(await api.gql(OPERATION, { first: 20 })),
      // A filter the stored totals are not exact for: always the direct computation (same answer either way).
      yearly: dataOf(await api.gql('{ tradeTotals(groupBy: COMPANY, filter: {yearFrom: 2023}) { key currency direction value flows } }')),
    });
    /** The same requests with the stored totals not current (their flag off): the direct computation. */
    const direct = async () => {
      await db().write("MATCH (a:AggregateState {id: 'aggregates'}) REMOVE a.tradeTotals");
      const out = await answers();
      await db().write("MATCH (a:AggregateState {id: 'aggregates'}) SET a.tradeTotals = 1");
      return out;
    };
    const expectServedFromStore = async () => {
      // A changed summary and a changed count show: the answers above came from the store.
      await db().write("MATCH (s:TradeTotalSummary) SET s.label = 'stored ' + s.label");
      await db().write("MATCH (a:AggregateState {id: 'aggregates'}) SET a.flowDirectionCounts = [n IN a.flowDirectionCounts | n + 1000]");
      const d: any = dataOf(await api.gql(TOTALS, { dir: ['EXPORT'], first: 100 }));
      expect(d.tradeTotals.length).toBeGreaterThan(0);
      expect(d.tradeTotals.every((t: any) => t.label.startsWith('stored '))).toBe(true);
      expect(d.tradeFlows.totalCount).toBeGreaterThanOrEqual(1000);
      await refreshAggregates(db());
    };

    it('on the API fixture: stored answers equal the direct computation, the operation included', async () => {
      await resetGraph(db());
      await createFixtureGraph(db());
      const stored = await answers();
      expect(stored.operation.byFirm.length).toBeGreaterThan(0);
      expect(stored.operation.flows.totalCount).toBeGreaterThan(0);
      expect(stored).toEqual(await direct());
      await expectServedFromStore();
    });

    it('on a synthetic graph: equal to the direct computation, after a change and a refresh, and while stale', async () => {
      await resetGraph(db());
      const rand = prng(23);
      const companies = Array.from({ length: 30 }, (_, i) => ({ id: `company:t${i}`, name: i % 7 === 0 ? null : `T${i % 11}` }));
      await db().write('UNWIND $rows AS row CREATE (c:Company {id: row.id}) SET c.name = row.name', { rows: companies });
      const DIRS = ['EXPORT', 'RE_EXPORT', 'IMPORT', 'RE_IMPORT', null];
      const flows = Array.from({ length: 600 }, (_, i) => ({
        id: `flow:t${i}`,
        trader: rand() < 0.9 ? companies[Math.floor(rand() * (rand() < 0.5 ? 4 : companies.length))]!.id : null,
        value: rand() < 0.8 ? Math.round(rand() * 1e7) / 100 : null,
        currency: rand() < 0.7 ? 'USD' : rand() < 0.7 ? 'EUR' : null,
        direction: DIRS[Math.floor(rand() * DIRS.length)],
        year: 2021 + Math.floor(rand() * 4),
      }));
      await db().write(
        `UNWIND $rows AS row
         CREATE (f:Fact:TradeFlow {id: row.id, periodStart: row.year, periodEnd: row.year})
         SET f.direction = row.direction, f.value = row.value, f.currency = row.currency
         WITH f, row MATCH (c:Company {id: row.trader}) CREATE (f)-[:TRADER]->(c)`,
        { rows: flows },
      );
      await refreshAggregates(db());
      const stored = await answers();
      expect(Number((await db().read<{ n: number }>('MATCH (s:TradeTotalSummary) RETURN count(s) AS n'))[0]!.n)).toBeGreaterThan(60);
      expect(stored.totals.some((d: any) => d.tradeTotals.some((t: any) => t.value === null && t.qualitativeFlows > 0))).toBe(true);
      expect(stored).toEqual(await direct());
      await expectServedFromStore();

      // Changed values, directions and traders, then a refresh: still the direct computation's answers.
      await db().write("MATCH (f:TradeFlow) WHERE f.id STARTS WITH 'flow:t1' SET f.value = f.value * 3, f.direction = CASE WHEN f.id ENDS WITH '3' THEN 'RE_EXPORT' ELSE f.direction END");
      await db().write("MATCH (f:TradeFlow)-[r:TRADER]->() WHERE f.id STARTS WITH 'flow:t2' DELETE r");
      await db().write("MATCH (f:TradeFlow), (c:Company {id: 'company:t29'}) WHERE f.id STARTS WITH 'flow:t3' MERGE (f)-[:TRADER]->(c)");
      await refreshAggregates(db());
      const changed = await answers();
      expect(changed).not.toEqual(stored);
      expect(changed).toEqual(await direct());

      // Retracted (curation's retraction relabels the fact) or written around the pipeline: the
      // count of flows changes, the stored totals are not served, the direct computation answers.
      const exportTotal = async () => (dataOf(await api.gql(TOTALS, { dir: ['EXPORT'], first: 100 })) as any).tradeFlows.totalCount;
      const before = await exportTotal();
      await db().write("MATCH (f:TradeFlow {direction: 'EXPORT'}) WITH f ORDER BY f.id LIMIT 3 REMOVE f:Fact:TradeFlow SET f:RetractedFact");
      expect(await exportTotal()).toBe(before - 3);
      const stale = await answers();
      await db().write("MATCH (a:AggregateState {id: 'aggregates'}) SET a.tradeTotals = 1");
      expect(stale).toEqual(await direct());
      await refreshAggregates(db());
      expect(await answers()).toEqual(stale);
    });
  });
});
