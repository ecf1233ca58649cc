import { emptyCell, firstDifference, markdownTable, mergeCell, money, parseList, ratio, scalingTable, sideOrder, sortById, summarize, uniqueById } from '../../bench/compare/compare';
import { closedLoop } from '../../bench/compare/load-loop';
import { planTotals, queryLabel } from '../../bench/compare/plan';
import { shapes } from '../../bench/compare/shapes';
import { RequestTimeout } from '../../bench/compare/sides';

const scale = { flows: 1000, companies: 100, products: 50, regions: 10, markets: 2 };
const byName = (name: string) => shapes(scale, 2).find((s) => s.name === name)!;

describe('bench/compare helpers', () => {
  it('money compares to the cent, whatever the order of addition', () => {
    expect(money(0.1 + 0.2)).toBe(money(0.3));
    expect(money(12.345)).toBe('12.35');
    expect(money(null)).toBeNull();
    expect(() => money('abc')).toThrow(/not a number/);
  });

  it('sortById and uniqueById give one canonical order', () => {
    expect(sortById([{ id: 'b' }, { id: 'a' }]).map((r) => r.id)).toEqual(['a', 'b']);
    expect(uniqueById([{ id: 'b', n: 1 }, { id: 'a', n: 2 }, { id: 'b', n: 3 }])).toEqual([{ id: 'a', n: 2 }, { id: 'b', n: 1 }]);
  });

  it('firstDifference finds the first differing path, or null', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBeNull();
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toEqual({ path: '$.a[1].b', left: 2, right: 3 });
    expect(firstDifference([1, 2], [1])).toEqual({ path: '$.length', left: 2, right: 1 });
    expect(firstDifference({ a: 1 }, { a: 1, b: null })).toEqual({ path: '$.b', left: undefined, right: null });
    expect(firstDifference([], {})).toEqual({ path: '$', left: [], right: {} });
  });

  it('summarize gives req/s over the wall time and nearest-rank percentiles; mergeCell adds rounds', () => {
    const a = { ...emptyCell(), ok: 10, elapsedMs: 1000, latenciesMs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], maxRssMb: 100 };
    const b = { ...emptyCell(), ok: 10, timeouts: 2, elapsedMs: 3000, latenciesMs: [10, 10, 10, 10, 10, 10, 10, 10, 10, 100], maxRssMb: 150 };
    const s = summarize(mergeCell(mergeCell(emptyCell(), a), b));
    expect(s.rps).toBe(5);
    expect(s.p50).toBe(10);
    expect(s.p95).toBe(10);
    expect(s.timeouts).toBe(2);
    expect(s.maxRssMb).toBe(150);
    expect(summarize(emptyCell()).rps).toBe(0);
  });

  it('ratio says when the peer did not answer at all', () => {
    expect(ratio(10, 20)).toBe('0.50');
    expect(ratio(30, 20)).toBe('1.50');
    expect(ratio(500, 10)).toBe('50');
    expect(ratio(5, 0)).toMatch(/∞/);
    expect(ratio(0, 0)).toBe('n/a');
    expect(ratio(5, undefined)).toBe('n/a');
  });

  it('markdownTable has one row per shape with the ratios and timeouts', () => {
    const cell = (rps: number, timeouts = 0) => ({ rps, p50: 1, p95: 2, ok: 10, errors: 0, timeouts, maxRssMb: 120 });
    const md = markdownTable([{ shape: 'flow-by-id', tgCypher: 6, cells: { tradegraph: cell(100), peer: cell(200, 3), raw: cell(400) } }]);
    const row = md.split('\n')[2]!;
    expect(row).toContain('| flow-by-id | 100 | 200 (3 timeouts) | 400 | 0.50 | 0.25 |');
    expect(row).toContain('| 6 | 120 / 120 |');
  });

  it('parseList and sideOrder', () => {
    expect(parseList('8,32')).toEqual([8, 32]);
    expect(() => parseList('8,x')).toThrow();
    expect(sideOrder(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(sideOrder(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(sideOrder(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
  });

  it('planTotals sums db hits over the plan tree and names the costliest operators', () => {
    const plan = {
      operatorType: 'ProduceResults@neo4j',
      dbHits: 0,
      rows: 1,
      children: [
        { operatorType: 'Sort@neo4j', dbHits: 0, rows: 50, arguments: { Details: 'key ASC' } },
        { operatorType: 'NodeByLabelScan@neo4j', dbHits: 50001, rows: 50000, arguments: { Details: 'n:Company' }, children: [{ operatorType: 'Expand(All)@neo4j', dbHits: 300, rows: 150 }] },
      ],
    };
    const t = planTotals(plan);
    expect(t.dbHits).toBe(50301);
    expect(t.top[0]).toBe('NodeByLabelScan n:Company (50,001, 50,000 rows)');
    expect(t.top).toHaveLength(2);
  });

  it('queryLabel names a query by its first comment', () => {
    expect(queryLabel('// company/page: one page\nMATCH (n) RETURN n')).toBe('company/page');
    expect(queryLabel('MATCH (n)\nRETURN n')).toBe('MATCH (n) RETURN n...');
  });
});

describe('bench/compare normalizers', () => {
  it('the three answers of the flow lookup normalize to one form, and a changed value shows', () => {
    const shape = byName('flow-by-id');
    const tg = shape.norm!.tg({
      tradeFlow: {
        key: 'flow:1', direction: 'EXPORT', periodStart: 2020, value: 1.5, currency: 'USD',
        trader: { key: 'company:a', name: 'A' }, product: { key: 'hs:1', name: 'P' }, to: { key: 'iso:XAA', name: 'R' },
        excerpts: [{ key: 'excerpt:2', text: 't2' }, { key: 'excerpt:1', text: 't1' }],
        sources: [{ key: 'source:1', title: 'S' }],
      },
    });
    const peerAnswer = {
      tradeFlows: [{
        id: 'flow:1', direction: 'EXPORT', periodStart: 2020, value: 1.5000000001, currency: 'USD',
        trader: { id: 'company:a', name: 'A' }, product: { id: 'hs:1', name: 'P' }, to: { id: 'iso:XAA', name: 'R' },
        excerpts: [{ id: 'excerpt:1', text: 't1', source: { id: 'source:1', title: 'S' } }, { id: 'excerpt:2', text: 't2', source: { id: 'source:1', title: 'S' } }],
      }],
    };
    const raw = shape.norm!.raw([{
      id: 'flow:1', direction: 'EXPORT', periodStart: 2020, value: 1.5, currency: 'USD',
      trader: { id: 'company:a', name: 'A' }, product: { id: 'hs:1', name: 'P' }, to: { id: 'iso:XAA', name: 'R' },
      excerpts: [{ id: 'excerpt:1', text: 't1' }, { id: 'excerpt:2', text: 't2' }], sources: [{ id: 'source:1', title: 'S' }],
    }]);
    expect(firstDifference(tg, raw)).toBeNull();
    expect(firstDifference(shape.norm!.peer(peerAnswer), raw)).toBeNull();
    peerAnswer.tradeFlows[0]!.value = 1.51;
    expect(firstDifference(shape.norm!.peer(peerAnswer), raw)).toEqual({ path: '$.value', left: '1.51', right: '1.50' });
  });

  it('grouped totals normalize by id whatever order each side returns', () => {
    const shape = byName('heading-exporters');
    const tg = shape.norm!.tg({ tradeTotals: [
      { key: 'company:b', label: 'B', currency: 'USD', direction: 'EXPORT', flows: 1, value: 2 },
      { key: 'company:a', label: 'A', currency: 'USD', direction: 'EXPORT', flows: 2, value: 0.1 + 0.2 },
    ] });
    const peer = shape.norm!.peer({ companies: [
      { id: 'company:a', name: 'A', flowsConnection: { aggregate: { count: { nodes: 2 }, node: { value: { sum: 0.3 } } } } },
      { id: 'company:b', name: 'B', flowsConnection: { aggregate: { count: { nodes: 1 }, node: { value: { sum: 2 } } } } },
    ] });
    const raw = shape.norm!.raw([{ id: 'company:a', name: 'A', flows: 2, value: 0.3 }, { id: 'company:b', name: 'B', flows: 1, value: 2 }]);
    expect(firstDifference(tg, raw)).toBeNull();
    expect(firstDifference(peer, raw)).toBeNull();
    expect(shape.variants).toHaveLength(2);
    expect(shape.variants[0]).toEqual({ heading: expect.stringMatching(/^hs9999:\d{2}00$/), dest: expect.stringMatching(/^iso:X[A-Z]{2}$/) });
  });
});

describe('bench/compare closed loop', () => {
  it('counts answers, errors and timeouts apart; only answers have latencies', async () => {
    const stats = await closedLoop(
      async (i) => {
        await new Promise((r) => setTimeout(r, 5));
        if (i % 3 === 1) throw new RequestTimeout('slow');
        if (i % 3 === 2) throw new Error('boom');
        return i;
      },
      { clients: 2, durationMs: 100, pid: process.pid },
    );
    expect(stats.ok).toBeGreaterThan(0);
    expect(stats.timeouts).toBeGreaterThan(0);
    expect(stats.errors).toBeGreaterThan(0);
    expect(stats.latenciesMs).toHaveLength(stats.ok);
    expect(stats.firstError).toBe('boom');
    expect(stats.elapsedMs).toBeGreaterThanOrEqual(100);
    expect(stats.maxRssMb).toBeGreaterThan(10);
  });
});

describe('bench/compare scaling table', () => {
  it('pairs each (clients, shape, side) of two runs and gives the factor', () => {
    const s = (rps: number) => ({ rps, p50: 1, p95: 2, ok: 1, errors: 0, timeouts: 0, maxRssMb: null });
    const md = scalingTable(
      { scale: { flows: 100000 }, results: { '8|flow-by-id|tradegraph': s(100), '8|flow-by-id|raw': s(400), '8|only-small|raw': s(1) } },
      { scale: { flows: 1000000 }, results: { '8|flow-by-id|tradegraph': s(50), '8|flow-by-id|raw': s(400) } },
    );
    const lines = md.split('\n');
    expect(lines[0]).toContain('100,000 -> 1,000,000');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('| 8 | flow-by-id | 100 -> 50.0 (x0.50) | - | 400 -> 400 (x1.00) |');
  });
});
