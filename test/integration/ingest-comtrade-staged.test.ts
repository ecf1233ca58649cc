/**
 * Real Comtrade files through the staged, recorded import (src/ingest/staging/), against the real
 * Neo4j and, where it matters, through the API: each problem of issue 9 reproduced on a small
 * fixture in a real file's layout.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeUnfinished, ImportOptions, ImportReport, resumeImport, rollbackImport, runImport, unfinishedRun } from '../../src/ingest';
import type { RunRecord } from '../../src/ingest/staging/runs';
import { AGGREGATE_SKIP, DETAIL_SKIP } from '../../src/ingest/staging/aggregates';
import { gqlOver, ok } from '../support/execute';
import { resetGraph, testDatabase, testEnv, useTestGraph } from '../support/neo4j';
import { snapshot } from './ingest-helpers';

const getDb = useTestGraph();
const gql = gqlOver(getDb);
const FIX = path.join(__dirname, '..', 'fixtures', 'ingest', 'comtrade');
const fx = (f: string): string => path.join(FIX, f);
const imp = (o: Partial<ImportOptions> & { paths: string[] }): Promise<ImportReport> => runImport(getDb(), { format: 'comtrade', createMissing: true, ...o });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-staged-'));

async function flowsTotal(): Promise<number> {
  return ok(await gql('{ tradeFlows(first: 1) { totalCount } }')).tradeFlows.totalCount;
}

describe('mapping real Comtrade codes', () => {
  beforeAll(() => resetGraph(getDb()));

  it('maps 842 to iso:USA in a file without ISO columns, the same node as a file with them', async () => {
    const a = await imp({ paths: [fx('comtradeapicall-cn-2015-8542.csv')] });
    expect(a.errors).toEqual([]);
    expect(a.ok).toBe(true);
    const b = await imp({ paths: [fx('api-with-iso-cn-2015-8542.csv')] });
    expect(b.ok).toBe(true);
    expect(b.counts.TradeFlow).toEqual({ created: 0, updated: 0, unchanged: 1 }); // the same flow, not a second USA
    const regions = await getDb().read(`MATCH (r:Region) WHERE r.id IN ['m49:842', 'iso:USA', 'm49:251', 'm49:699', 'm49:757', 'm49:579'] RETURN r.id AS id ORDER BY id`);
    expect(regions).toEqual([{ id: 'iso:USA' }]);
    const usa = ok(await gql('{ tradeFlows(first: 10, filter: { from: "iso:USA" }) { totalCount } }'));
    expect(usa.tradeFlows.totalCount).toBe(1);
  });

  it('counts no value twice: breakdown rows and the World partner are skipped, with a count per reason', async () => {
    const r = await imp({ paths: [fx('comtradeapicall-cn-2015-8542.csv')] });
    expect(Object.values(r.skipped).reduce((a, b) => a + b, 0)).toBe(6);
    expect(Object.keys(r.skipped)).toHaveLength(4);
    const totals = ok(
      await gql('{ tradeTotals(groupBy: DESTINATION, filter: { reporter: "iso:CHN", direction: [IMPORT] }) { key value flows } }'),
    ).tradeTotals as { key: string; value: number; flows: number }[];
    // China's 2015 imports of HS 8542 from the USA: the file's total row, not total + breakdowns.
    const bySource = ok(await gql('{ tradeTotals(groupBy: ORIGIN, filter: { reporter: "iso:CHN", direction: [IMPORT] }) { key value } }')).tradeTotals;
    expect(bySource.find((t: { key: string }) => t.key === 'iso:USA')).toEqual({ key: 'iso:USA', value: 11370000000 });
    expect(totals).toEqual([{ key: 'iso:CHN', value: 11370000000 + 1200000000 + 35000000 + 210000000 + 4100000 + 62000000000 + 3000000, flows: 7 }]);
    const destinations = ok(await gql('{ tradeTotals(groupBy: DESTINATION) { key } }')).tradeTotals.map((t: { key: string }) => t.key);
    expect(destinations).not.toContain('m49:001');
    const [areas] = await getDb().read(`MATCH (r:Region) WHERE r.id IN ['m49:490', 'm49:899'] RETURN collect(r.kind + ' ' + r.name) AS areas`);
    expect((areas!.areas as string[]).sort()).toEqual(['area Areas, nes', 'area Other Asia, nes']);
  });

  it('refuses a SITC file with one line, writing nothing', async () => {
    const before = await snapshot(getDb());
    const r = await imp({ paths: [fx('sitc-s4.csv')] });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^classificationCode S4 is SITC Rev\. 4: tradegraph imports HS classifications only/)]);
    expect(await snapshot(getDb())).toEqual(before);
  });
});

describe('commodity levels: a TOTAL row, HS2 chapters and their HS4 detail in one download', () => {
  beforeAll(() => resetGraph(getDb()));

  it('stores the detail and skips the rows it details, so no total counts a value twice', async () => {
    const hs = await runImport(getDb(), { format: 'hs', paths: [path.join(FIX, '..', 'hs', 'hs-real-root.csv')] });
    expect(hs.ok).toBe(true); // the HS tree with its TOTAL root
    const r = await imp({ paths: [fx('api-cn-2022-levels.csv')] });
    expect(r.errors).toEqual([]);
    // Thailand: TOTAL (1,000,000) is the sum of chapters 87 and 04, and 87 (600,000) the sum of 8711
    // and 8703: both are skipped, the detail stored; 04 has no detail and stays, so does Japan's TOTAL.
    expect(r.skipped[AGGREGATE_SKIP]).toBe(2);
    expect(r.skipped[DETAIL_SKIP]).toBeUndefined();
    expect(r.counts.TradeFlow).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const totals = async (filter: string): Promise<Record<string, number>> => {
      const rows = ok(await gql(`{ tradeTotals(groupBy: DESTINATION, filter: { reporter: "iso:CHN"${filter} }) { key value } }`)).tradeTotals as { key: string; value: number }[];
      return Object.fromEntries(rows.map((t) => [t.key, t.value]));
    };
    expect(await totals('')).toEqual({ 'iso:THA': 1_000_000, 'iso:JPN': 2_500_000 }); // = the file's TOTAL rows
    expect(await totals(', product: "hs2022:TOTAL"')).toEqual({ 'iso:THA': 1_000_000, 'iso:JPN': 2_500_000 });
    expect(await totals(', product: "hs2022:87"')).toEqual({ 'iso:THA': 600_000 }); // = the file's chapter row
    // The same file again: nothing changes, the skipped rows stay skipped.
    const again = await imp({ paths: [fx('api-cn-2022-levels.csv')] });
    expect(again.counts.TradeFlow).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(again.skipped[AGGREGATE_SKIP]).toBe(2);
  });
});

describe('real files read as they are', () => {
  beforeAll(() => resetGraph(getDb()));

  it('imports a Comtrade Plus download (quoted, CRLF, trailing commas, Windows-1252) with --encoding, and hints at it without', async () => {
    const before = await snapshot(getDb());
    const bad = await imp({ paths: [fx('comtrade-plus-download-cp1252.csv')] });
    expect(bad.ok).toBe(false);
    expect(bad.errors.map((e) => [e.count, e.message])).toEqual([[2, 'not valid UTF-8 text: the file looks like windows-1252; re-run with --encoding windows-1252']]);
    expect(await snapshot(getDb())).toEqual(before);
    const good = await imp({ paths: [fx('comtrade-plus-download-cp1252.csv')], encoding: 'windows-1252' });
    expect(good.errors).toEqual([]);
    expect(good.counts.TradeFlow!.created).toBe(2);
    expect(good.notices.map((n) => [n.count, n.line])).toEqual([[3, 2]]);
    const [civ] = await getDb().read(`MATCH (:TradeFlow)-[:TO]->(r:Region {id: 'iso:CIV'}) RETURN r.name AS name`);
    expect(civ!.name).toMatch(/Ivoire/);
  });

  it('restores stripped leading zeros and reads 7.90E+09 as the number, saying so', async () => {
    const r = await imp({ paths: [fx('legacy-spreadsheet.csv')] });
    expect(r.errors).toEqual([]);
    expect(r.notices.map((n) => [n.message.split(' (')[0], n.count])).toEqual([
      ['commodity code lost its leading zero', 3],
      ['value in scientific notation', 2],
    ]);
    const rows = await getDb().read(`MATCH (f:TradeFlow)-[:OF_PRODUCT]->(p) WHERE f.id STARTS WITH 'flow:comtrade:H6:2022:156:764:X:' RETURN p.id AS p, f.value AS v ORDER BY p`);
    // Chapter 01 (7.9 billion) and one subheading under it (350,000, restored from 10121): partial
    // detail, so the chapter is stored and the subheading skipped (no sum counts it twice).
    expect(rows).toEqual([{ p: 'hs2022:01', v: 7900000000 }]);
    expect(r.skipped[DETAIL_SKIP]).toBe(1);
    const [restored] = await getDb().read(`MATCH (p:Product {id: 'hs2022:010121'}) RETURN p.hsCode AS code`);
    expect(restored!.code).toBe('010121');
  });

  it('writes nothing for a header-only or an empty file: no Source, no Excerpt', async () => {
    const before = await snapshot(getDb());
    for (const f of ['header-only.csv', 'empty.csv']) {
      const r = await imp({ paths: [fx(f)] });
      expect(r.ok).toBe(true);
      expect(r.rows).toBe(0);
      expect(r.counts).toEqual({});
    }
    expect(await snapshot(getDb())).toEqual(before);
  });
});

describe('provenance follows the value', () => {
  beforeAll(() => resetGraph(getDb()));

  it('re-points a flow whose value changed to the file version (and row) that states it, reported as updated', async () => {
    const v1 = fs.readFileSync(fx('comtradeapicall-cn-2015-8542.csv'), 'utf8');
    const file = path.join(tmp, 'cn-2015-8542.csv');
    fs.writeFileSync(file, v1);
    const first = await imp({ paths: [file] });
    expect(first.counts.TradeFlow).toEqual({ created: 8, updated: 0, unchanged: 0 });
    // A later download: the USA total revised and written by a spreadsheet as 1.14E+10, rows reordered.
    const lines = v1.trimEnd().split('\n');
    const revised = lines[1]!.split('11370000000.0').join('1.14E+10');
    expect(revised).not.toBe(lines[1]);
    fs.writeFileSync(file, [lines[0], ...lines.slice(2), revised].join('\n') + '\n');
    const second = await imp({ paths: [file] });
    expect(second.counts.TradeFlow).toEqual({ created: 0, updated: 1, unchanged: 7 });
    const [usa] = await getDb().read(
      `MATCH (f:TradeFlow {id: 'flow:comtrade:H4:2015:156:842:M:8542'})-[:STATED_IN]->(e:Excerpt)-[:EXCERPT_OF]->(s:Source)
       RETURN f.value AS value, f.sourceRow AS row, collect(e.id) AS excerpts, s.note AS note`,
    );
    expect(usa!.value).toBe(11400000000);
    expect(usa!.row).toBe(lines.length); // its line in the new version
    expect(usa!.excerpts).toHaveLength(1);
    expect(usa!.note).toContain(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    // An unchanged flow still cites the first version, which states the same value.
    const [fra] = await getDb().read(`MATCH (f:TradeFlow {id: 'flow:comtrade:H4:2015:156:251:M:8542'})-[:STATED_IN]->(e) RETURN e.id <> $e AS older`, { e: usa!.excerpts[0] });
    expect(fra!.older).toBe(true);
  });
});

describe('bad rows', () => {
  beforeAll(() => resetGraph(getDb()));

  it('rejects the whole run by default, identical errors grouped, the graph as it was', async () => {
    const before = await snapshot(getDb());
    const r = await imp({ paths: [fx('api-bad-rows.csv')] });
    expect(r.ok).toBe(false);
    expect(r.rejected).toBe(4);
    expect(r.errors.map((e) => [e.count, e.line, e.message])).toEqual([
      [3, 3, 'primaryValue is empty'],
      [1, 7, 'primaryValue must not be negative: -5'],
    ]);
    expect(r.run!.outcome).toBe('rolled-back');
    expect(await snapshot(getDb())).toEqual(before);
    expect(await unfinishedRun(getDb())).toBeUndefined();
  });

  it('with maxErrors lets the valid rows in and writes every rejected row with its line and reason', async () => {
    const rejects = path.join(tmp, 'rejects.csv');
    const tooFew = await imp({ paths: [fx('api-bad-rows.csv')], maxErrors: 3 });
    expect(tooFew.ok).toBe(false);
    const r = await imp({ paths: [fx('api-bad-rows.csv')], maxErrors: 4, rejects });
    expect(r.ok).toBe(true);
    expect(r.counts.TradeFlow).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const text = fs.readFileSync(rejects, 'utf8').trimEnd().split('\n');
    expect(text[0]).toBe('file,line,reason,record');
    expect(text.slice(1).map((l) => l.split(',').slice(1, 3).join(','))).toEqual(['3,primaryValue is empty', '4,primaryValue is empty', '6,primaryValue is empty', '7,primaryValue must not be negative: -5']);
    expect(text[1]).toContain(',251,'); // the record as read
  });
});

/** A large API-layout file of distinct flows (China's exports of HS 6-digit codes to many partners). */
function bigFile(name: string, rows: number): string {
  const file = path.join(tmp, name);
  const partners = ['842', '251', '699', '757', '579', '392', '410', '764', '704', '458', '360', '608'];
  const out = ['period,reporterCode,flowCode,partnerCode,cmdCode,primaryValue,netWgt'];
  for (let i = 0; i < rows; i++) {
    const code = String(10000 + (Math.floor(i / partners.length) % 89999)).padStart(6, '0');
    const year = 2000 + Math.floor(i / (partners.length * 89999));
    out.push(`${year},156,X,${partners[i % partners.length]},${code},${1000 + i},${i}`);
  }
  fs.writeFileSync(file, out.join('\n') + '\n');
  return file;
}

/**
 * Starts `tradegraph import` in a child process and kills it with SIGKILL as soon as `when` holds
 * for the unfinished run (polled every 20 ms). Returns the run as it was seen just before the kill.
 */
async function killImport(file: string, when: (run: RunRecord) => boolean | Promise<boolean>, extra: string[] = []): Promise<RunRecord> {
  const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js'), 'import', '-f', 'comtrade', '--create-missing', '--batch-size', '500', ...extra, file], {
    env: { ...process.env, ...testEnv(), NEO4J_URI: process.env.TRADEGRAPH_TEST_NEO4J_URI },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 180_000;
  let seen: RunRecord | undefined;
  for (;;) {
    seen = await unfinishedRun(testDatabase());
    if (seen && (await when(seen))) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the import finished or never started before it could be killed (last seen: ${JSON.stringify(seen)})`);
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  await exited;
  return seen;
}

/** What the API answers about flows: their count, the export total, and the totals per destination. */
async function apiAnswers(): Promise<{ flows: number; exports: number; destinations: unknown }> {
  const d = ok(await gql('{ tradeFlows(first: 1) { totalCount } exp: tradeTotals(groupBy: ORIGIN, filter: { direction: [EXPORT] }) { key value flows } dest: tradeTotals(groupBy: DESTINATION) { key value flows } }'));
  const exports = (d.exp as { value: number }[]).reduce((a, t) => a + t.value, 0);
  return { flows: d.tradeFlows.totalCount, exports, destinations: d.dest };
}

/** Open transactions relabeling staged nodes (the publishing transaction, publish.ts). */
async function publishingTransactions(): Promise<number> {
  // The text comes as a parameter, so that this query's own text does not match.
  const [r] = await testDatabase().read('SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $text RETURN count(*) AS n', { text: 'REMOVE n:Staged' });
  return r!.n as number;
}

async function untilNoPublishingTransaction(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await publishingTransactions()) > 0) {
    if (Date.now() > deadline) throw new Error('the killed import\'s publishing transaction is still open after 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const stagedCount = async (): Promise<number> => {
  const [left] = await testDatabase().read('MATCH (n) WHERE n:StagedFact OR n:StagedUpdate OR n:StagedEntity RETURN count(n) AS n');
  return left!.n as number;
};

describe('atomic, resumable large imports (kill -9)', () => {
  beforeAll(() => resetGraph(getDb()));
  const ROWS = 20_000;
  jest.setTimeout(900_000);

  it('leaves the API answering as before, refuses a new import naming --resume, and --resume completes it', async () => {
    const seed = await imp({ paths: [fx('comtradeapicall-cn-2015-8542.csv')] });
    expect(seed.ok).toBe(true);
    const file = bigFile('big-a.csv', ROWS);
    const before = await snapshot(getDb());
    const apiBefore = await flowsTotal();
    await killImport(file, (run) => run.stagedLine >= 2000);

    expect(await snapshot(getDb())).toEqual(before); // the visible graph (staged nodes exist, unseen)...
    expect(await flowsTotal()).toBe(apiBefore); // ...and the API does not see them
    const run = await unfinishedRun(getDb());
    expect(run!.status).toBe('staging');
    const refused = await imp({ paths: [fx('api-with-iso-cn-2015-8542.csv')] });
    expect(refused.ok).toBe(false);
    expect(refused.errors[0]!.message).toBe(describeUnfinished(run!));

    const resumed = await resumeImport(getDb(), {});
    expect(resumed!.errors).toEqual([]);
    expect(resumed!.run).toMatchObject({ id: run!.id, outcome: 'published', resumed: true });
    expect(resumed!.counts.TradeFlow).toEqual({ created: ROWS, updated: 0, unchanged: 0 });
    expect(await flowsTotal()).toBe(apiBefore + ROWS);
    expect(await stagedCount()).toBe(0);
    const [stated] = await getDb().read(`MATCH (f:TradeFlow)-[:STATED_IN]->(:Excerpt)-[:EXCERPT_OF]->(:Source) WHERE f.id STARTS WITH 'flow:comtrade:HS:' RETURN count(f) AS n`);
    expect(stated!.n).toBe(ROWS);
    // The same file again: everything unchanged.
    const again = await imp({ paths: [file] });
    expect(again.counts.TradeFlow).toEqual({ created: 0, updated: 0, unchanged: ROWS });
  });

  it('--rollback discards an interrupted run: the graph is exactly as before it', async () => {
    const file = bigFile('big-b.csv', ROWS);
    fs.appendFileSync(file, '2030,156,X,842,010121,5,5\n'); // another version than big-a's rows
    const before = await snapshot(getDb());
    const apiBefore = await flowsTotal();
    await killImport(file, (run) => run.stagedLine >= 2000);
    const rolled = await rollbackImport(getDb());
    expect(rolled).toEqual({ id: expect.stringMatching(/^run-/) });
    expect(await unfinishedRun(getDb())).toBeUndefined();
    expect(await snapshot(getDb())).toEqual(before);
    expect(await flowsTotal()).toBe(apiBefore);
    expect(await stagedCount()).toBe(0);
  });

  // Killed at other moments: before the first batch is staged, and once the last one is (the one
  // publishing transaction then commits, or not: the API sees all of the run or none of it).
  it.each([
    ['before the first staged batch', (run: RunRecord) => run.stagedLine === 0],
    ['after the last staged batch, around the publishing transaction', (run: RunRecord) => run.stagedLine >= ROWS + 1],
  ])('killed %s: the API answers as before (or, once published, all of the run), and --resume completes it', async (_when, when) => {
    await resetGraph(getDb());
    const file = bigFile(`big-c-${Date.now()}.csv`, ROWS);
    const apiBefore = await flowsTotal();
    const before = await snapshot(getDb());
    await killImport(file, when);
    const run = await unfinishedRun(getDb());
    const now = await flowsTotal();
    if (run) {
      expect(now).toBe(apiBefore);
      expect(await snapshot(getDb())).toEqual(before);
      const resumed = await resumeImport(getDb(), {});
      expect(resumed!.run).toMatchObject({ id: run.id, outcome: 'published', resumed: true });
    } else expect(now).toBe(apiBefore + ROWS); // the publishing transaction had committed
    expect(await flowsTotal()).toBe(apiBefore + ROWS);
    expect(await stagedCount()).toBe(0);
  });

  it('killed inside the one publishing transaction: the API answers exactly as before, and --resume publishes all of it', async () => {
    await resetGraph(getDb());
    expect((await imp({ paths: [fx('comtradeapicall-cn-2015-8542.csv')] })).ok).toBe(true);
    const file = bigFile('big-d.csv', ROWS);
    const apiBefore = await apiAnswers();
    const before = await snapshot(getDb());
    // The moment the staged nodes are being relabeled: the publishing transaction is open on the server.
    const seen = await killImport(file, async (run) => run.stagedLine >= ROWS + 1 && (await publishingTransactions()) > 0);
    expect(seen.status).toBe('staging');
    await untilNoPublishingTransaction(); // the server rolls the dead client's transaction back
    expect(await apiAnswers()).toEqual(apiBefore);
    expect(await snapshot(getDb())).toEqual(before);
    const run = await unfinishedRun(getDb());
    expect(run).toMatchObject({ id: seen.id, status: 'staging' });
    const resumed = await resumeImport(getDb(), {});
    expect(resumed!.errors).toEqual([]);
    expect(resumed!.run).toMatchObject({ id: seen.id, outcome: 'published', resumed: true, publishedIn: 'one transaction' });
    const after = await apiAnswers();
    expect(after.flows).toBe(apiBefore.flows + ROWS);
    expect(after.exports).toBe(apiBefore.exports + ROWS * 1000 + (ROWS * (ROWS - 1)) / 2); // bigFile's values: 1000 + i
    expect(await stagedCount()).toBe(0);
  });

  it('a run too large for one publishing transaction stays staged and invisible (nothing published in part), and --resume with room for it publishes it at once', async () => {
    await resetGraph(getDb());
    const file = bigFile('big-e.csv', ROWS);
    const apiBefore = await apiAnswers();
    const before = await snapshot(getDb());
    const r = await imp({ paths: [file], oneTransactionLimit: 2000 });
    expect(r.ok).toBe(false);
    expect(r.run).toMatchObject({ outcome: 'staged' });
    expect(r.errors[0]!.message).toMatch(/is staged \(2\d,\d{3} nodes\) but too large to be made visible in one transaction here.*Nothing of it is visible.*--resume/);
    expect(await apiAnswers()).toEqual(apiBefore);
    expect(await snapshot(getDb())).toEqual(before);
    expect(await unfinishedRun(getDb())).toMatchObject({ id: r.run!.id, status: 'staging' });
    const resumed = await resumeImport(getDb(), { oneTransactionLimit: 100_000 });
    expect(resumed!.run).toMatchObject({ id: r.run!.id, outcome: 'published', resumed: true, publishedIn: 'one transaction' });
    expect((await apiAnswers()).flows).toBe(apiBefore.flows + ROWS);
    expect(await stagedCount()).toBe(0);
  });

  it('--publish-in-batches (explicit, for a server without the memory): killed while publishing, --rollback is refused and --resume completes it', async () => {
    await resetGraph(getDb());
    const file = bigFile('big-f.csv', ROWS);
    const apiBefore = await flowsTotal();
    const seen = await killImport(file, (run) => run.status === 'publishing', ['--publish-in-batches']);
    expect(seen.status).toBe('publishing');
    const partly = await flowsTotal();
    // The documented trade-off of batches: what the committed batches relabeled is visible.
    expect(partly).toBeGreaterThanOrEqual(apiBefore);
    expect(partly).toBeLessThanOrEqual(apiBefore + ROWS);
    expect(await rollbackImport(getDb())).toEqual({ error: expect.stringMatching(/was being published.*--resume/) });
    const resumed = await resumeImport(getDb(), {});
    expect(resumed!.run).toMatchObject({ outcome: 'published', resumed: true, publishedIn: 'batches' });
    expect(await flowsTotal()).toBe(apiBefore + ROWS);
    expect(await stagedCount()).toBe(0);
    const [stated] = await getDb().read(`MATCH (f:TradeFlow)-[:STATED_IN]->(:Excerpt) RETURN count(f) AS n`);
    expect(stated!.n).toBe(ROWS);
  });
});

describe('a crash while publishing', () => {
  beforeAll(() => resetGraph(getDb()));

  it('is completed by --resume (batched publishing marks the run first), and cannot be rolled back', async () => {
    const file = path.join(tmp, 'publish-crash.csv');
    const v1 = fs.readFileSync(fx('comtradeapicall-cn-2015-8542.csv'), 'utf8');
    fs.writeFileSync(file, v1);
    expect((await imp({ paths: [file] })).ok).toBe(true);
    // A new version: one value changed (a staged update) and one new flow.
    fs.writeFileSync(file, v1.split('1200000000.0').join('1300000000.0') + '14,C,A,20150101,2015,52,2015,156,,,M,,392,,,0,,,H4,HS,True,8542,,4,False,C00,,0,0,,-1,,0.0,False,-1,,0.0,False,,False,0.0,False,,,5.0,0,True,False\n');
    // The connection drops after the new flows are relabeled, before the value changes are swapped in.
    const db = getDb();
    const faulty = Object.create(db) as typeof db;
    faulty.autoCommit = async (query: string, params?: Record<string, unknown>) => {
      if (query.includes('MATCH (u:StagedUpdate)')) throw new Error('connection lost (injected)');
      return db.autoCommit(query, params);
    };
    const crashed = await runImport(faulty, { format: 'comtrade', createMissing: true, paths: [file], publishInBatches: true });
    expect(crashed.ok).toBe(false);
    expect(crashed.errors[0]!.message).toMatch(/publishing run .* failed: connection lost \(injected\).*--resume/);
    const run = await unfinishedRun(db);
    expect(run!.status).toBe('publishing');
    expect(await rollbackImport(db)).toEqual({ error: expect.stringMatching(/was being published.*--resume/) });
    const resumed = await resumeImport(db, {});
    expect(resumed!.ok).toBe(true);
    expect(resumed!.run).toMatchObject({ id: run!.id, outcome: 'published', resumed: true });
    const [fra] = await db.read(`MATCH (f:TradeFlow {id: 'flow:comtrade:H4:2015:156:251:M:8542'}) RETURN f.value AS v`);
    expect(fra!.v).toBe(1300000000);
    expect(await flowsTotal()).toBe(9);
    const [left] = await db.read('MATCH (n) WHERE n:StagedFact OR n:StagedUpdate OR n:StagedEntity RETURN count(n) AS n');
    expect(left!.n).toBe(0);
  });
});
