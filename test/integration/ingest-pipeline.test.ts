/**
 * The import pipeline against a real Neo4j: what each format writes, that a bad input is rejected
 * whole with every error listed and the graph untouched, and that importing twice changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport, formatReport, ImportOptions, ImportReport } from '../../src/ingest';
import type { Database } from '../../src/neo4j/database';
import { resetGraph, testDatabase, closeTestDatabase } from '../support/neo4j';
import { snapshot } from './ingest-helpers';

const FIX = path.join(__dirname, '..', 'fixtures', 'ingest');
const fx = (p: string): string => path.join(FIX, p);

let db: Database;
beforeAll(() => {
  db = testDatabase();
});
afterAll(async () => {
  await closeTestDatabase();
});

async function imp(opts: Partial<ImportOptions> & Pick<ImportOptions, 'format' | 'paths'>): Promise<ImportReport> {
  return runImport(db, opts);
}

const totals = (r: ImportReport): { created: number; updated: number; unchanged: number } =>
  Object.values(r.counts).reduce((t, c) => ({ created: t.created + c.created, updated: t.updated + c.updated, unchanged: t.unchanged + c.unchanged }), { created: 0, updated: 0, unchanged: 0 });

describe('curated import', () => {
  beforeAll(async () => resetGraph(db));

  it('imports a directory as one run, nodes, relationships and provenance', async () => {
    const r = await imp({ format: 'curated', paths: [fx('curated/good')] });
    expect(r.errors).toEqual([]);
    expect(r.ok && r.written).toBe(true);
    expect(r.files.map((f) => path.basename(f))).toEqual(['01-sources.jsonl', '02-graph.jsonl']);
    expect(r.counts.Region).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(r.counts.TradeFlow).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(r.counts.STATED_IN!.created).toBe(16);
    const [row] = await db.read(
      `MATCH (c:Company {id: 'company:changan-automobile'})-[:HEADQUARTERED_IN]->(r:Region)
       MATCH (c)-[:STATED_IN]->(e:Excerpt)-[:EXCERPT_OF]->(s:Source)
       MATCH (f:Fact:Figure {id: 'figure:cq-2024-automobile-export-growth'})
       RETURN c.name AS name, r.id AS hq, e.text AS text, s.id AS source, valueType(f.periodStart) AS yearType, f.value AS value`,
    );
    expect(row).toEqual({
      name: "Chang'an Automobile",
      hq: 'gb:500000',
      text: 'In 2024, the export value of automobiles grew by 278.1% compared with 2020; Chang’an Automobile opened factories in Thailand, Vietnam and other locations.',
      source: 'source:test-fyp',
      yearType: 'INTEGER NOT NULL',
      value: 278.1,
    });
    const [member] = await db.read(`MATCH (:Region {id: 'iso:THA'})-[m:MEMBER_OF]->(:Market {id: 'market:asean'}) RETURN m.from AS from, m.excerptIds AS ex`);
    expect(member).toEqual({ from: '1967-08-08', ex: ['excerpt:test-fyp-p1'] });
    const [excerpt] = await db.read(`MATCH (e:Excerpt {id: 'excerpt:test-fyp-p2'}) RETURN e.text AS text`);
    expect(excerpt!.text).toBe('  Wulong bamboo shoots were exported for the first time.  ');
  });

  it('changes nothing when the same input is imported again', async () => {
    const before = await snapshot(db);
    const r = await imp({ format: 'curated', paths: [fx('curated/good')] });
    expect(r.ok).toBe(true);
    expect(totals(r).created + totals(r).updated).toBe(0);
    expect(totals(r).unchanged).toBeGreaterThan(50);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rejects a bad file whole, listing every error with its line, and leaves the graph as it was', async () => {
    const before = await snapshot(db);
    const file = fx('curated/bad.jsonl');
    const r = await imp({ format: 'curated', paths: [file] });
    expect(r.ok).toBe(false);
    expect(r.written).toBe(false);
    const lines = r.errors.map((e) => `${e.line}: ${e.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^3: excerpts: every record except a source must cite/),
        expect.stringMatching(/^4: name: must not be empty/),
        expect.stringMatching(/^5: periodStart 2025 is after periodEnd 2024/),
        expect.stringMatching(/^7: conflicting facts: flow:b states 12 where the fact at .*bad.jsonl:6 states 10/),
        expect.stringMatching(/^9: market:asean is defined twice with different content: here and at .*bad.jsonl:8/),
        expect.stringMatching(/^10: type: must be one of/),
        expect.stringMatching(/^11: source: /),
        expect.stringMatching(/^12: not valid JSON/),
        expect.stringMatching(/^13: LOCATED_IN cannot join Company "company:x" to Market "market:asean"/),
        expect.stringMatching(/^14: company:ghost is neither defined in the import nor in the graph/),
        expect.stringMatching(/^14: excerpt:missing is neither defined in the import nor in the graph/),
        expect.stringMatching(/^15: value: /),
      ]),
    );
    expect(r.errors.every((e) => e.file === file)).toBe(true);
    expect(formatReport(r)).toMatch(/REJECTED, nothing written[\s\S]*bad.jsonl:14: company:ghost/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('resolves references to ids already in the graph', async () => {
    const r = await imp({ format: 'curated', paths: [fx('curated/good/02-graph.jsonl')], dryRun: true });
    expect(r.ok).toBe(true);
    expect(r.written).toBe(false);
  });

  it('reports a line that is not UTF-8 and writes nothing', async () => {
    const before = await snapshot(db);
    const r = await imp({ format: 'curated', paths: [fx('curated/mixed-encoding.jsonl')] });
    expect(r.errors).toEqual([{ file: fx('curated/mixed-encoding.jsonl'), line: 2, count: 1, message: 'not valid UTF-8 text: the file looks like windows-1252; re-run with --encoding windows-1252' }]);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('HS nomenclature import', () => {
  beforeAll(async () => resetGraph(db));

  it('builds the tree under the TOTAL root, with a reference-data source', async () => {
    const r = await imp({ format: 'hs', paths: [fx('hs/hs-small.csv')] });
    expect(r.errors).toEqual([]);
    expect(r.counts.Product).toEqual({ created: 9, updated: 0, unchanged: 0 });
    const [path6] = await db.read(
      `MATCH p = (:Product {id: 'hs2022:871120'})-[:PART_OF*]->(root:Product) WHERE NOT (root)-[:PART_OF]->()
       RETURN [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.hsLevel] AS levels`,
    );
    expect(path6).toEqual({ ids: ['hs2022:871120', 'hs2022:8711', 'hs2022:87', 'hs2022:TOTAL'], levels: [6, 4, 2, null] });
    const [src] = await db.read(`MATCH (:Product {id: 'hs2022:0407'})-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source) RETURN s.kind AS kind, s.file AS file`);
    expect(src).toEqual({ kind: 'reference-data', file: 'hs-small.csv' });
  });

  it('rejects a bad HS file whole', async () => {
    const before = await snapshot(db);
    const r = await imp({ format: 'hs', paths: [fx('hs/hs-bad.csv')] });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(r.errors.at(-1)!.message).toMatch(/hs2022:87 is defined twice with different content: here and at .*hs-bad.csv:2/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('UN Comtrade import', () => {
  beforeAll(async () => {
    await resetGraph(db);
    const hs = await imp({ format: 'hs', paths: [fx('hs/hs-small.csv')] });
    expect(hs.ok).toBe(true);
  });

  it('refuses unknown countries unless createMissing, naming the first row that needs them', async () => {
    const before = await snapshot(db);
    const r = await imp({ format: 'comtrade', paths: [fx('comtrade/legacy-cn-2022.csv')] });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '2: iso:CHN is neither defined in the import nor in the graph; pass createMissing (--create-missing) to create it',
      '2: iso:THA is neither defined in the import nor in the graph; pass createMissing (--create-missing) to create it',
      '3: iso:NZL is neither defined in the import nor in the graph; pass createMissing (--create-missing) to create it',
      '5: iso:USA is neither defined in the import nor in the graph; pass createMissing (--create-missing) to create it',
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('imports the legacy layout into flows between the right regions, creating countries from the reference table', async () => {
    const r = await imp({ format: 'comtrade', paths: [fx('comtrade/legacy-cn-2022.csv')], createMissing: true });
    expect(r.errors).toEqual([]);
    expect(r.counts.TradeFlow).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(r.counts.Region).toEqual({ created: 4, updated: 0, unchanged: 0 });
    // Line 4's partner is World (0), the sum over all partners: skipped, never a destination.
    expect(r.skipped).toEqual({ 'partner is World (0): the sum over all partners, not a destination': 1 });
    const flows = await db.read(
      `MATCH (f:TradeFlow)-[:FROM]->(a), (f)-[:TO]->(b), (f)-[:REPORTED_BY]->(rep), (f)-[:OF_PRODUCT]->(p), (f)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source)
       RETURN f.id AS id, f.direction AS direction, f.value AS value, f.netWeightKg AS kg, a.id AS from, b.id AS to, rep.id AS reporter, p.id AS product, s.kind AS kind, f.sourceRow AS row
       ORDER BY row`,
    );
    expect(flows).toEqual([
      { id: 'flow:comtrade:H6:2022:156:764:X:8711', direction: 'EXPORT', value: 987654321, kg: 45678900, from: 'iso:CHN', to: 'iso:THA', reporter: 'iso:CHN', product: 'hs2022:8711', kind: 'customs-data', row: 2 },
      { id: 'flow:comtrade:H6:2022:156:554:M:0402', direction: 'IMPORT', value: 8123456.5, kg: 2500000, from: 'iso:NZL', to: 'iso:CHN', reporter: 'iso:CHN', product: 'hs2022:0402', kind: 'customs-data', row: 3 },
      { id: 'flow:comtrade:H6:2022:156:842:X:8711', direction: 'EXPORT', value: 250000000, kg: null, from: 'iso:CHN', to: 'iso:USA', reporter: 'iso:CHN', product: 'hs2022:8711', kind: 'customs-data', row: 5 },
    ]);
    const [china] = await db.read(`MATCH (r:Region {id: 'iso:CHN'})-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(s:Source) RETURN r.name AS name, r.nameZh AS zh, r.m49 AS m49, s.id AS source`);
    expect(china).toEqual({ name: 'China', zh: '中国', m49: '156', source: 'source:i18n-iso-countries' });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot(db);
    const r = await imp({ format: 'comtrade', paths: [fx('comtrade/legacy-cn-2022.csv')], createMissing: true });
    expect(r.ok).toBe(true);
    expect(totals(r)).toEqual({ created: 0, updated: 0, unchanged: totals(r).unchanged });
    expect(await snapshot(db)).toEqual(before);
  });

  it('imports the API layout, and a tab-separated subset, with areas named as the file names them', async () => {
    const r = await imp({ format: 'comtrade', paths: [fx('comtrade/api-cn-2022.csv'), fx('comtrade/api-subset-monthly.txt')], createMissing: true });
    expect(r.errors).toEqual([]);
    expect(r.counts.TradeFlow).toEqual({ created: 5, updated: 0, unchanged: 0 });
    const rows = await db.read(
      `MATCH (f:TradeFlow)-[:FROM]->(a), (f)-[:TO]->(b) WHERE f.id IN $ids
       RETURN f.id AS id, f.direction AS d, f.value AS v, f.period AS period, a.id AS from, b.id AS to ORDER BY id`,
      { ids: ['flow:comtrade:H6:2022:156:490:M:0402', 'flow:comtrade:H6:2022:156:764:RX:8711', 'flow:comtrade:HS:202204:156:764:X:8711'] },
    );
    expect(rows).toEqual([
      { id: 'flow:comtrade:H6:2022:156:490:M:0402', d: 'IMPORT', v: 3400.5, period: '2022', from: 'm49:490', to: 'iso:CHN' },
      { id: 'flow:comtrade:H6:2022:156:764:RX:8711', d: 'RE_EXPORT', v: 1000, period: '2022', from: 'iso:CHN', to: 'iso:THA' },
      { id: 'flow:comtrade:HS:202204:156:764:X:8711', d: 'EXPORT', v: 1700, period: '202204', from: 'iso:CHN', to: 'iso:THA' },
    ]);
    const [area] = await db.read(`MATCH (r:Region {id: 'm49:490'}) RETURN r.name AS name, r.kind AS kind`);
    expect(area).toEqual({ name: 'Other Asia, nes', kind: 'area' });
  });

  it('rejects a bad file whole with all its errors, the graph unchanged', async () => {
    const before = await snapshot(db);
    const r = await imp({ format: 'comtrade', paths: [fx('comtrade/legacy-bad.csv')], createMissing: true });
    expect(r.ok).toBe(false);
    expect(r.rejected).toBe(9);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 3, 4, 5, 6, 7, 9, 10, 11]);
    expect(r.run!.outcome).toBe('rolled-back');
    expect(r.errors.find((e) => e.line === 9)!.message).toMatch(/flow:comtrade:H6:2022:156:554:M:0402 is defined twice with different content: here and at .*legacy-bad.csv:8/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('finds the same errors when record keys spill to disk (bounded memory)', async () => {
    const inMemory = await imp({ format: 'comtrade', paths: [fx('comtrade/legacy-bad.csv')], createMissing: true });
    const spilled = await imp({ format: 'comtrade', paths: [fx('comtrade/legacy-bad.csv')], createMissing: true, memoryKeys: 1 });
    expect(spilled.errors).toEqual(inMemory.errors);
    expect(spilled.rejected).toBe(inMemory.rejected);
  });

  it('lists at most listErrors distinct messages, and counts them all', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-cap-'));
    const file = path.join(dir, 'many-bad.csv');
    const rows = Array.from({ length: 1500 }, (_, i) => `2022,156,X,764,8711,-${i + 1}`);
    fs.writeFileSync(file, ['period,reporterCode,flowCode,partnerCode,cmdCode,primaryValue', ...rows].join('\n'));
    const r = await imp({ format: 'comtrade', paths: [file], createMissing: true });
    expect(r.errors).toHaveLength(1000);
    expect(r.errorCount).toBe(1500);
    expect(r.rejected).toBe(1500);
    expect(r.errors[999]).toEqual({ file, line: 1001, message: 'primaryValue must not be negative: -1000', count: 1 });
    expect(formatReport(r)).toContain('1500 error(s) (500 more not listed):');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads GB18030 with an encoding, and reports the lines otherwise', async () => {
    const bad = await imp({ format: 'comtrade', paths: [fx('comtrade/legacy-gb18030.csv')], createMissing: true, dryRun: true });
    // One message for both lines, grouped, naming the encoding to pass.
    expect(bad.errors.map((e) => [e.line, e.count, e.message])).toEqual([[2, 2, 'not valid UTF-8 text: the file looks like gb18030; re-run with --encoding gb18030']]);
    const good = await imp({ format: 'comtrade', paths: [fx('comtrade/legacy-gb18030.csv')], createMissing: true, encoding: 'gb18030', dryRun: true });
    expect(good.errors).toEqual([]);
  });
});

describe('large imports', () => {
  beforeEach(async () => {
    await resetGraph(db);
    expect((await imp({ format: 'hs', paths: [fx('hs/hs-small.csv')] })).ok).toBe(true);
  });

  it('fails clearly before writing when a curated file is too large for one transaction', async () => {
    const before = await snapshot(db);
    const r = await imp({ format: 'curated', paths: [fx('curated/good')], maxTransactionRows: 2 });
    expect(r.ok).toBe(false);
    expect(r.errors[0]!.message).toMatch(/records are more than 2 for one transaction .* batchCommit/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('never refuses a large Comtrade file: it is staged batch by batch and published at once', async () => {
    const single = await imp({ format: 'comtrade', paths: [fx('comtrade/legacy-cn-2022.csv')], createMissing: true });
    const whole = await snapshot(db);
    await resetGraph(db);
    expect((await imp({ format: 'hs', paths: [fx('hs/hs-small.csv')] })).ok).toBe(true);
    const batched = await imp({ format: 'comtrade', paths: [fx('comtrade/legacy-cn-2022.csv')], createMissing: true, batchSize: 1, maxTransactionRows: 1 });
    expect(batched.errors).toEqual([]);
    expect(batched.counts).toEqual(single.counts);
    expect(await snapshot(db)).toEqual(whole);
  });

  it('reports a batch-commit failure midway honestly: earlier batches stay written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-midway-'));
    const a = path.join(dir, 'a.jsonl');
    const b = path.join(dir, 'b.jsonl');
    const src = '{"type":"source","id":"source:s","title":"S","kind":"news"}\n{"type":"excerpt","id":"excerpt:e","source":"source:s","text":"t"}\n';
    fs.writeFileSync(a, src + '{"type":"market","id":"market:a","name":"A","kind":"trade-bloc","excerpts":["excerpt:e"]}\n');
    fs.writeFileSync(b, '{"type":"market","id":"market:b","name":"B","kind":"trade-bloc","excerpts":["excerpt:e"]}\n');
    // While b.jsonl is validated, a.jsonl (already validated) changes on disk.
    const log = { info: (m: string) => m === `reading ${b}` && fs.writeFileSync(a, src + '{"type":"market","id":"market:a"\n'), warn: () => undefined };
    const r = await runImport(db, { format: 'curated', paths: [dir], batchCommit: true, batchSize: 1 }, log);
    expect(r.ok).toBe(false);
    expect(r.written).toBe(true);
    expect(r.errors).toEqual([{ file: a, line: 0, count: 1, message: expect.stringMatching(/^writing failed after 2 committed batch\(es\), which stay written: .*a.jsonl:3 changed after validation \(not valid JSON.*Re-running the same import completes it/) }]);
    expect(formatReport(r)).toMatch(/FAILED while writing; the batches committed before the failure are written/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a curated directory batch by batch: all nodes first, so forward references hold', async () => {
    await resetGraph(db);
    const single = await imp({ format: 'curated', paths: [fx('curated/good')] });
    const whole = await snapshot(db);
    await resetGraph(db);
    const batched = await imp({ format: 'curated', paths: [fx('curated/good')], batchCommit: true, batchSize: 2 });
    expect(batched.errors).toEqual([]);
    expect(batched.counts).toEqual(single.counts);
    expect(await snapshot(db)).toEqual(whole);
  });
});
