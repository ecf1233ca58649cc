/**
 * The incremental aggregates refresh (src/neo4j/aggregates.ts) leaves exactly what a full one
 * computes: after each of several imports through the real pipeline (new flows, changed values, a
 * flow moved to another product and destination, a trader changed, a company, a product and a
 * market renamed, a membership and a region's parent changed, a staged Comtrade run published and
 * one rolled back), every stored aggregate (concentration summaries with every measure and rank,
 * each fact's source count, the fact counts, sort keys, the flows' groups) is compared with a full
 * recomputation of the same graph, on the API fixture and on a small synthetic graph. Values have
 * cents, so a sum added in another order would differ in its last bits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportOptions, runImport } from '../../src/ingest';
import { refreshAggregates } from '../../src/neo4j/aggregates';
import type { Say } from '../../src/say';
import { resetGraph, useTestGraph } from '../support/neo4j';
import { createFixtureGraph } from './api-fixture';
import { prng } from '../support/prng';

jest.setTimeout(900_000); // many small imports and full refreshes: minutes on a loaded 2-core machine

const db = useTestGraph();
const COMTRADE = path.join(__dirname, '..', 'fixtures', 'ingest', 'comtrade');

/** Every stored aggregate, in a fixed order (summaries without their node ids). */
async function aggregates(): Promise<unknown> {
  const read = (q: string) => db().read(q);
  return {
    summaries: await read(`MATCH (s:ConcentrationSummary) WITH s ORDER BY s.by, s.key, s.currency, s.direction RETURN collect(properties(s)) AS all`),
    totals: await read(`MATCH (s:TradeTotalSummary) WITH s ORDER BY s.by, s.rank RETURN collect(properties(s)) AS all`),
    counts: await read(`MATCH (c:FactSourceCount) WITH c ORDER BY c.id RETURN collect(properties(c)) AS all`),
    sourceCounts: await read(`MATCH (n:Fact) WITH n ORDER BY n.id RETURN collect([n.id, n.sourceCount]) AS all`),
    sortKeys: await read(`MATCH (n:Company|Facility|Market|Policy|Product|Region|Source) WITH n ORDER BY n.id RETURN collect([n.id, n.sortKey]) AS all`),
    aggKeys: await read(`MATCH (n:TradeFlow) WHERE n.aggKeys IS NOT NULL WITH n ORDER BY n.id RETURN collect([n.id, n.aggKeys]) AS all`),
    state: await read(`MATCH (a:AggregateState) RETURN properties(a) AS state`),
  };
}

/** Imports records (curated) or files through the pipeline; returns how the aggregates were refreshed. */
async function importAndRefreshMode(opts: Omit<ImportOptions, 'paths'> & { records?: unknown[]; paths?: string[] }): Promise<{ mode: string; ok: boolean; errors?: string[] }> {
  const lines: string[] = [];
  const say: Say = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
  let paths = opts.paths ?? [];
  let dir: string | undefined;
  if (opts.records) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-incr-'));
    paths = [path.join(dir, 'records.jsonl')];
    fs.writeFileSync(paths[0]!, opts.records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
  try {
    const { records: _r, ...rest } = opts;
    const report = await runImport(db(), { ...rest, paths }, say);
    const line = lines.find((l) => l.startsWith('aggregates ')) ?? '';
    const mode = line.includes('whole graph') ? 'full' : line.includes('touched') ? 'incremental' : 'none';
    return report.ok || !opts.records ? { mode, ok: report.ok } : { mode, ok: false, errors: report.errors.slice(0, 5).map((e) => `${e.line}: ${e.message}`) };
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The incrementally maintained aggregates equal a full refresh of the same graph (which leaves them as they are). */
async function expectSameAsFull(): Promise<void> {
  const incremental = await aggregates();
  await refreshAggregates(db());
  expect(incremental).toEqual(await aggregates());
}

const EX = ['excerpt:syn-1'];

function baseRecords(): unknown[] {
  for (const k of [...used]) if (k.startsWith('base|')) used.delete(k);
  const out: unknown[] = [
    { type: 'source', id: 'source:syn', title: 'Synthetic test data', kind: 'synthetic' },
    { type: 'source', id: 'source:syn-b', title: 'Second synthetic source', kind: 'synthetic' },
    { type: 'excerpt', id: 'excerpt:syn-1', source: 'source:syn', text: 'generated' },
    { type: 'excerpt', id: 'excerpt:syn-2', source: 'source:syn-b', text: 'generated too' },
    { type: 'region', id: 'm49:901', name: 'Area one', kind: 'subregion', excerpts: EX },
    { type: 'region', id: 'm49:902', name: 'Area two', kind: 'subregion', excerpts: EX },
    { type: 'market', id: 'market:bloc-a', name: 'Bloc A', kind: 'trade-bloc', excerpts: EX },
    { type: 'market', id: 'market:bloc-b', name: 'Bloc B', kind: 'trade-bloc', excerpts: EX },
  ];
  for (const ch of ['84', '85']) {
    out.push({ type: 'hs', id: `hs2022:${ch}`, code: ch, edition: 'HS2022', level: 2, description: `Chapter ${ch}`, excerpts: EX });
    for (let i = 0; i < 4; i++) out.push({ type: 'hs', id: `hs2022:${ch}${10 + i}`, code: `${ch}${10 + i}`, edition: 'HS2022', level: 4, description: `Heading ${ch}${10 + i}`, parent: `hs2022:${ch}`, excerpts: EX });
  }
  out.push({ type: 'product', id: 'product:gadget', name: 'Gadget', classifiedAs: 'hs2022:8410', excerpts: EX });
  const countries = ['XAA', 'XAB', 'XAC', 'XAD', 'XAE', 'XAF'];
  countries.forEach((c, i) => out.push({ type: 'region', id: `iso:${c}`, name: `Country ${c}`, kind: 'country', partOf: i < 3 ? 'm49:901' : 'm49:902', excerpts: EX }));
  out.push({ type: 'membership', region: 'm49:901', market: 'market:bloc-a', excerpts: EX });
  out.push({ type: 'membership', region: 'iso:XAD', market: 'market:bloc-b', from: '2023-01-01', excerpts: EX });
  for (let i = 0; i < 10; i++) out.push({ type: 'company', id: `company:c${i}`, name: `Company ${i}`, kind: 'enterprise', excerpts: EX });
  const rand = prng(7);
  const products = ['hs2022:8410', 'hs2022:8411', 'hs2022:8412', 'hs2022:8510', 'hs2022:8511', 'hs2022:8513', 'product:gadget'];
  for (let i = 0; i < 240; i++) out.push(flow(i, rand, products, countries));
  return out;
}

/** Dimensions used so far (two flows with the same dimensions are one fact: a conflict). */
const used = new Set<string>();

function flow(i: number, rand: () => number, products: string[], countries: string[], over: Record<string, unknown> = {}): Record<string, unknown> {
  const year = 2022 + Math.floor(rand() * 3);
  const traded = rand() < 0.9;
  const to = rand() < 0.1 ? 'market:bloc-b' : `iso:${countries[Math.floor(rand() * countries.length)]}`;
  const product = products[Math.floor(rand() * products.length)];
  const cell = (m: number) => `${i < 1000 ? 'base' : 'late'}|${year}|${m}|${to}|${product}`;
  let month = 1;
  while (used.has(cell(month)) && month < 12) month += 1;
  used.add(cell(month));
  return {
    type: 'flow',
    period: `${year}${String(month).padStart(2, '0')}`,
    id: `flow:syn-${i}`,
    direction: rand() < 0.8 ? 'EXPORT' : 'IMPORT',
    ...(traded ? { trader: `company:c${Math.floor(rand() * (rand() < 0.5 ? 3 : 10))}` } : {}),
    product,
    to,
    periodStart: year,
    periodEnd: year,
    value: Math.round(rand() * 1e7) / 100,
    currency: rand() < 0.85 ? 'USD' : 'EUR',
    excerpts: rand() < 0.2 ? ['excerpt:syn-1', 'excerpt:syn-2'] : EX,
    ...over,
  };
}

describe('incremental aggregates refresh', () => {
  it('on a synthetic graph: equal to a full refresh after every kind of import', async () => {
    await resetGraph(db());
    expect(await importAndRefreshMode({ format: 'curated', records: baseRecords() })).toEqual({ mode: 'full', ok: true }); // no aggregates yet
    await expectSameAsFull();
    expect(Number(((await db().read<{ n: number }>('MATCH (s:ConcentrationSummary) RETURN count(s) AS n'))[0]!).n)).toBeGreaterThan(40);

    const rand = prng(99);
    const products = ['hs2022:8410', 'hs2022:8411', 'hs2022:8510', 'hs2022:8512', 'product:gadget'];
    const countries = ['XAA', 'XAC', 'XAE'];
    const base = baseRecords().filter((r: any) => r.type === 'flow') as Record<string, unknown>[];
    const steps: { what: string; records: unknown[] }[] = [
      { what: 'new flows', records: Array.from({ length: 15 }, (_, i) => flow(1000 + i, rand, products, countries)) },
      { what: 'changed values and currencies', records: base.slice(0, 25).map((f, i) => ({ ...f, value: Math.round(rand() * 1e7) / 100, ...(i % 5 === 0 ? { currency: 'CNY' } : {}) })) },
      {
        what: 'a flow moved to another product and destination, a trader changed, a trader dropped, a source added',
        records: [
          { ...base[30], product: 'hs2022:8513', to: 'iso:XAF' },
          { ...base[31], trader: 'company:c9' },
          Object.fromEntries(Object.entries(base[32]!).filter(([k]) => k !== 'trader')),
          { ...base[33], excerpts: ['excerpt:syn-1', 'excerpt:syn-2'] },
        ],
      },
      {
        what: 'renamed company, product and market',
        records: [
          { type: 'company', id: 'company:c1', name: 'Renamed One', kind: 'enterprise', excerpts: EX },
          { type: 'hs', id: 'hs2022:8411', code: '8411', edition: 'HS2022', level: 4, description: 'Heading renamed', parent: 'hs2022:84', excerpts: EX },
          { type: 'market', id: 'market:bloc-b', name: 'Bloc B renamed', kind: 'trade-bloc', excerpts: EX },
        ],
      },
      {
        what: 'a membership added, a region moved to another parent, a named product classified under another chapter',
        records: [
          { type: 'membership', region: 'iso:XAE', market: 'market:bloc-a', excerpts: EX },
          { type: 'region', id: 'iso:XAB', name: 'Country XAB', kind: 'country', partOf: 'm49:902', excerpts: EX },
          { type: 'product', id: 'product:gadget', name: 'Gadget', classifiedAs: 'hs2022:8510', excerpts: EX },
        ],
      },
      { what: 'an excerpt moved to another source', records: [{ type: 'excerpt', id: 'excerpt:syn-2', source: 'source:syn', text: 'generated too' }] },
    ];
    let before = await aggregates();
    for (const step of steps) {
      const r = await importAndRefreshMode({ format: 'curated', records: step.records });
      expect({ step: step.what, ...r }).toEqual({ step: step.what, ok: true, mode: 'incremental' });
      const after = await aggregates();
      expect(after).not.toEqual(before); // the import changed something the aggregates show
      await expectSameAsFull();
      before = after;
    }

    // A staged Comtrade run rolled back (a bad row, no --max-errors) writes nothing, refreshes nothing;
    // one published is refreshed incrementally (its flows found through its file's excerpt).
    const rolled = await importAndRefreshMode({ format: 'comtrade', paths: [path.join(COMTRADE, 'api-bad-rows.csv')], createMissing: true });
    expect(rolled).toEqual({ mode: 'none', ok: false });
    expect(await aggregates()).toEqual(before);
    const published = await importAndRefreshMode({ format: 'comtrade', paths: [path.join(COMTRADE, 'api-cn-2022.csv')], createMissing: true });
    expect(published).toEqual({ mode: 'incremental', ok: true });
    await expectSameAsFull();
  });

  it('on the API fixture, and a write around the pipeline makes the next refresh a full one', async () => {
    await resetGraph(db());
    await createFixtureGraph(db()); // full refresh
    const ex = ['excerpt:fyp-1'];
    const moved = { type: 'flow', id: 'flow:zongshen-tha-2023', direction: 'EXPORT', trader: 'company:changan', product: 'hs2022:8703', to: 'iso:JPN', periodStart: 2023, periodEnd: 2023, value: 123.45, currency: 'USD', excerpts: ex };
    const added = { type: 'flow', id: 'flow:new-vnm-2024', direction: 'EXPORT', trader: 'company:zongshen', product: 'hs2022:8711', to: 'iso:VNM', periodStart: 2024, periodEnd: 2024, value: 0.1, currency: 'USD', excerpts: ['excerpt:news-1'] };
    expect((await importAndRefreshMode({ format: 'curated', records: [moved, added] })).mode).toBe('incremental');
    await expectSameAsFull();
    expect((await importAndRefreshMode({ format: 'curated', records: [{ ...added, value: 0.2 }, { ...moved, value: 0.3, to: 'market:asean' }] })).mode).toBe('incremental');
    await expectSameAsFull();

    // Retracted around the pipeline (no refresh): the counts no longer match, the next refresh is full.
    await db().write("MATCH (f:TradeFlow {id: 'flow:bamboo-jpn-2024'}) REMOVE f:Fact:TradeFlow SET f:RetractedFact");
    expect((await importAndRefreshMode({ format: 'curated', records: [{ ...added, value: 0.7 }] })).mode).toBe('full');
    await expectSameAsFull();
    // A refresh that stopped midway (its mark left) makes the next one full too.
    await db().write("MATCH (a:AggregateState) SET a.refreshing = true");
    expect((await importAndRefreshMode({ format: 'curated', records: [{ ...added, value: 0.8 }] })).mode).toBe('full');
    await expectSameAsFull();
  });
});
