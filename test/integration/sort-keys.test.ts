/**
 * Stored sort keys (migration 008, cypher/aggregates/sort-keys.cypher): NAME pages read the
 * `company_sort_key` index in order with LIMIT, and answer exactly what sorting by
 * [toLower(name), id] answers, in both directions and across pages (cursors). The same for the
 * root tradeFlows page in PERIOD order over the flows' keys (migration 012,
 * cypher/aggregates/flow-sort-keys.cypher) and the order of [first year, id].
 */
import neo4j from 'neo4j-driver';
import { refreshAggregates } from '../../src/neo4j/aggregates';
import { QueryCatalog } from '../../src/neo4j/queries';
import { dataOf, useApi } from '../support/api';
import { useTestGraph } from '../support/neo4j';
import { planOperators } from '../support/plans';

const db = useTestGraph();
const api = useApi(db);

// Names that differ by case only, prefixes of each other, empty or missing, non-ASCII, equal names.
const NAMES = ['abc', 'ABC d', 'abcd', 'Abc', '', null, 'Zeta', 'zeta', '重庆长安', 'Ämter', 'a b', 'a', 'A', 'a\tb', 'b', 'ab'];

beforeAll(async () => {
  const rows = NAMES.flatMap((name, i) => [0, 1].map((j) => ({ id: `company:s${String(i).padStart(2, '0')}${j}`, name, kind: 'enterprise' })));
  await db().write('UNWIND $rows AS row CREATE (n:Company {id: row.id, kind: row.kind}) SET n.name = row.name', { rows });
  await refreshAggregates(db());
});

async function expected(desc: boolean): Promise<string[]> {
  const rows = await db().read<{ id: string }>(
    `MATCH (n:Company) RETURN n.id AS id ORDER BY toLower(coalesce(n.name, '')) ${desc ? 'DESC' : 'ASC'}, n.id ${desc ? 'DESC' : 'ASC'}`,
  );
  return rows.map((r) => r.id);
}

/** Profiles one composed query and lists its operators with their rows. */
const operators = (text: string, params: Record<string, unknown>) => planOperators(db(), text, params);

async function paged(desc: boolean, size: number): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page: any = dataOf(
      await api.gql(
        `query($first: Int, $after: String, $dir: SortDirection) { companies(first: $first, after: $after, sort: NAME, direction: $dir) { nodes { key } pageInfo { hasNextPage endCursor } } }`,
        { first: size, after, dir: desc ? 'DESC' : 'ASC' },
      ),
    ).companies;
    out.push(...page.nodes.map((n: { key: string }) => n.key));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
  throw new Error('no last page');
}

describe('NAME pages over the stored sort key', () => {
  it('answers the order of [toLower(name), id], both ways, page by page', async () => {
    for (const desc of [false, true]) {
      const want = await expected(desc);
      expect(want).toHaveLength(NAMES.length * 2);
      expect(await paged(desc, 3)).toEqual(want);
      expect(await paged(desc, 100)).toEqual(want);
    }
  });

  it('keeps the key current when a name changes (after the next import\'s refresh)', async () => {
    await db().write("MATCH (n:Company {id: 'company:s000'}) SET n.name = 'zzz last'");
    await refreshAggregates(db());
    const all = await paged(false, 100);
    // 'zzz last' sorts after 'zeta' (company:s071) now, where 'abc' sorted before it.
    expect(all.indexOf('company:s000')).toBeGreaterThan(all.indexOf('company:s071'));
    expect(all).toEqual(await expected(false));
  });

  it('reads the index in order: no sort, and a page reads about what it returns', async () => {
    const text = new QueryCatalog().get('company/page');
    const params = { name: null, kind: null, region: null, sort: 'NAME', gt: null, lt: null, desc: false, limit: neo4j.int(4), withCount: false };
    const ops = await operators(text, params);
    const seek = ops.find((o) => /NodeIndexSeekByRange/.test(o.type));
    expect(seek).toBeDefined();
    // The range seek stops after the LIMIT's rows (page size + 1), of 32 companies.
    expect(seek!.rows).toBeLessThanOrEqual(4);
    expect(seek!.rows).toBeGreaterThan(0);
    expect(ops.some((o) => /^(Sort|Top|PartialSort|PartialTop)/.test(o.type) && o.rows > 0)).toBe(false);
  });
});

describe('the root tradeFlows PERIOD page over the flows\' stored sort key', () => {
  const DIRS = ['EXPORT', 'RE_EXPORT', 'IMPORT', null];
  // Years with ties, no year (key 0), a year before 1000 (digits the padding must order).
  const YEARS = [2022, 2021, null, 2022, 999, 2024, 2021, 2023];

  beforeAll(async () => {
    const rows = Array.from({ length: 48 }, (_, i) => ({ id: `flow:k${String((i * 17) % 48).padStart(2, '0')}`, year: YEARS[i % YEARS.length], direction: DIRS[i % DIRS.length] }));
    await db().write('UNWIND $rows AS row CREATE (f:Fact:TradeFlow {id: row.id}) SET f.periodStart = row.year, f.periodEnd = row.year, f.direction = row.direction, f.value = 1.0', { rows });
    await refreshAggregates(db());
  });

  const PAGE = `query($first: Int, $after: String, $dir: SortDirection, $filter: TradeFlowFilter) {
    tradeFlows(first: $first, after: $after, sort: PERIOD, direction: $dir, filter: $filter) { totalCount nodes { key } pageInfo { hasNextPage endCursor } } }`;

  async function flowPages(desc: boolean, size: number, directions: string[] | null): Promise<{ keys: string[]; total: number }> {
    const keys: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const page: any = dataOf(await api.gql(PAGE, { first: size, after, dir: desc ? 'DESC' : 'ASC', filter: directions ? { direction: directions } : null })).tradeFlows;
      keys.push(...page.nodes.map((n: { key: string }) => n.key));
      if (!page.pageInfo.hasNextPage) return { keys, total: page.totalCount };
      after = page.pageInfo.endCursor;
    }
    throw new Error('no last page');
  }

  async function expectedFlows(desc: boolean, directions: string[] | null): Promise<string[]> {
    const order = desc ? 'DESC' : 'ASC';
    const rows = await db().read<{ id: string }>(
      `MATCH (f:TradeFlow) WHERE $dirs IS NULL OR f.direction IN $dirs RETURN f.id AS id ORDER BY toFloat(coalesce(f.periodStart, 0)) ${order}, f.id ${order}`,
      { dirs: directions },
    );
    return rows.map((r) => r.id);
  }

  const answersAll = async () => {
    for (const directions of [null, ['EXPORT', 'RE_EXPORT']]) {
      for (const desc of [false, true]) {
        const want = await expectedFlows(desc, directions);
        expect(want.length).toBeGreaterThan(10);
        for (const size of [5, 100]) expect(await flowPages(desc, size, directions)).toEqual({ keys: want, total: want.length });
      }
    }
  };

  it('answers the order of [first year, id], both ways, page by page, with or without a direction filter', async () => {
    const [state] = await db().read<{ k: unknown }>("MATCH (a:AggregateState {id: 'aggregates'}) RETURN a.flowSortKeys AS k");
    expect(Number(state!.k)).toBe(1);
    await answersAll();
  });

  it('reads the index in order: no sort over the flows, and a page reads about what it returns, either way', async () => {
    const catalog = new QueryCatalog();
    for (const desc of [false, true]) {
      const params = {
        ids: [''], parentAs: null, parentEnd: null, sort: 'PERIOD', gt: null, lt: null, desc, limit: neo4j.int(4), withCount: false,
        filter: { trader: null, directions: ['EXPORT'], product: null, hsPrefix: null, from: null, to: null, via: null, reporter: null, yearFrom: null, yearTo: null },
        storedCount: true, storedOrder: true, fields: null,
        look: { trader: false, product: false, from: false, to: false, reportedBy: false, via: false, provenance: false },
      };
      const ops = await operators(catalog.variant('trade-flow/page', params), params);
      // Every seek of the sort key index in the plan, not just the first: a branch for the other
      // direction, filtered by $desc only after its seek, once read all 48 keys for nothing.
      const seeks = ops.filter((o) => /NodeIndexSeekByRange/.test(o.type) && o.details.includes('sortKey'));
      expect(seeks.length).toBeGreaterThan(0);
      // One flow in four is an export: about 4 x 4 keys read for a page of 3 (+1), of 48 flows.
      expect(seeks.reduce((n, o) => n + o.rows, 0)).toBeGreaterThan(0);
      for (const seek of seeks) expect(seek.rows).toBeLessThanOrEqual(20);
      expect(ops.some((o) => /^(Sort|Top|PartialSort|PartialTop)/.test(o.type) && o.rows > 0)).toBe(false);
    }
  });

  it('answers the same while the keys are not current (a flow written around the pipeline), and after the refresh', async () => {
    await db().write("CREATE (f:Fact:TradeFlow {id: 'flow:k-around', periodStart: 2021, periodEnd: 2021, direction: 'EXPORT', value: 1.0})");
    const all = await expectedFlows(false, null);
    expect(all).toContain('flow:k-around');
    await answersAll();
    await db().write("MATCH (f:TradeFlow {id: 'flow:k00'}) SET f.periodStart = 1, f.periodEnd = 1");
    await refreshAggregates(db());
    await answersAll();
    // Year 1 now sorts first among the flows with a year (after those without one: key 0).
    const [{ undated }] = (await db().read<{ undated: number }>('MATCH (f:TradeFlow) WHERE f.periodStart IS NULL RETURN count(f) AS undated')) as [{ undated: number }];
    expect((await flowPages(false, 100, null)).keys.indexOf('flow:k00')).toBe(Number(undated));
  });
});

describe('stored summaries in rank order', () => {
  // The (by, rank) indexes (migrations 010, 011) give the order only to ORDER BY s.by, s.rank:
  // ordered by s.rank alone, the planner sorted every summary of the grouping before the LIMIT
  // (at 100k flows 63,326 trade totals read for a page of 100). Which index the planner takes
  // depends on what the indexes hold: summaries shaped like a real grouping's (few with one
  // exporter) are written first, as the refresh writes them, and the indexes sampled.
  beforeAll(async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ id: `sk-summary-${i}`, rank: i, exporterCount: i % 100 === 7 ? 1 : 2 + (i % 5) }));
    await db().write(
      "UNWIND $rows AS row CREATE (s:ConcentrationSummary {id: row.id, by: 'PRODUCT', key: row.id, direction: 'EXPORT', currency: 'USD', rank: row.rank, exporterCount: row.exporterCount})",
      { rows },
    );
    await db().write('CALL db.resampleOutdatedIndexes()');
    await db().write('CALL db.clearQueryCaches()');
  });
  afterAll(async () => {
    await db().write("MATCH (s:ConcentrationSummary) WHERE s.id STARTS WITH 'sk-summary-' DELETE s");
  });

  it.each([
    ['analytics/trade-totals-stored', { groupBy: 'COMPANY', directions: ['EXPORT'], limit: neo4j.int(5) }],
    ['analytics/concentration-summaries', { groupBy: 'PRODUCT', directions: ['EXPORT'], singleOnly: false, limit: neo4j.int(5), exporters: false, exporterNodes: false, topNode: false }],
    // Single exporters only (migration 013): the groups with one exporter, in rank order.
    ['analytics/concentration-summaries', { groupBy: 'PRODUCT', directions: ['EXPORT'], singleOnly: true, limit: neo4j.int(5), exporters: false, exporterNodes: false, topNode: false }],
  ])('%s reads its index in order, with no sort (%j)', async (name, params) => {
    const ops = await operators(new QueryCatalog().variant(name, params), params);
    const index = (params as { singleOnly?: boolean }).singleOnly ? /\(by, exporterCount, rank\)/ : /\(by, rank\)/;
    expect(ops.some((o) => /NodeIndexSeek/.test(o.type) && index.test(o.details))).toBe(true);
    expect(ops.filter((o) => /^(Sort|Top|PartialSort|PartialTop)/.test(o.type))).toEqual([]);
  });
});
