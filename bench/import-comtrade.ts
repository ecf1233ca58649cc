/**
 * Comtrade import speed and memory, against the limit of the machine, in ONE run:
 *
 *   NEO4J_URI=bolt://127.0.0.1:7702 node dist/bench/import-comtrade.js --rows 1000000 --dir /tmp/bench-comtrade
 *
 * 1. writes three API-layout Comtrade files of `rows` distinct flows each (47 columns, as
 *    comtradeapicall writes them: no ISO or description columns), one per range of years;
 * 2. imports A with `tradegraph import` (a child process: wall time and peak RSS from /proc) into
 *    the database as it is (empty: the initial load);
 * 3. writes B's rows with one hand-tuned UNWIND ... CREATE query through the driver (no validation,
 *    no existence check, endpoints by element id, one batch in flight): the write limit;
 * 4. imports C with `tradegraph import` into the graph that now holds 2 x rows flows.
 *
 * 5. with --initial: file A with `tradegraph import --initial` into a fresh managed data folder
 *    (validated as usual into neo4j-admin files, `neo4j-admin database import full` from the jars
 *    of the managed install, Neo4j started twice, migrations): the empty-database fast path.
 *
 * USE A THROWAWAY DATABASE: the files are generated (real Comtrade codes, made-up values), and the
 * run adds 3 x rows flows. Nothing here is asserted; the numbers are printed (rows/s, peak RSS).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import neo4j from 'neo4j-driver';
import { comtradeAreas } from '../src/ingest/reference/comtrade-areas';
import { countryByAlpha3 } from '../src/ingest/reference/countries';

const HEADER =
  ',typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate';

/** Partners: Comtrade codes of countries (ISO alpha-3 in Comtrade's list), China excluded. */
function partners(): number[] {
  return [...comtradeAreas().values()].filter((a) => a.code !== 156 && !a.exitYear && countryByAlpha3(a.iso3)).map((a) => a.code);
}

/** Writes `rows` export rows of China (156), years from `firstYear`, HS6 codes x partners. */
export function writeFile(file: string, rows: number, firstYear: number): void {
  const ps = partners();
  const codes = 5000;
  const fd = fs.openSync(file, 'w');
  let buf = HEADER + '\n';
  for (let i = 0; i < rows; i++) {
    const p = ps[i % ps.length]!;
    const c = Math.floor(i / ps.length) % codes;
    const year = firstYear + Math.floor(i / (ps.length * codes));
    const cmd = String(10000 + c * 17).padStart(6, '0');
    const value = 1000 + ((i * 7919) % 10_000_000);
    buf += `${i},C,A,${year}0101,${year},52,${year},156,,,X,,${p},,,0,,,H6,HS,True,${cmd},,6,True,C00,,0,0,,8,,${i % 977},False,-1,,0.0,False,${value / 4},False,0.0,False,,${value}.0,${value}.0,0,True,False\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

interface Measured {
  seconds: number;
  peakRssMb?: number;
  /** CPU seconds of the importing process and of Neo4j during the step (from /proc). */
  cpu?: { importer: number; neo4j: number };
}

/** utime + stime of a process in seconds (/proc/<pid>/stat, clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

let neo4jPid = 0;

/** Runs `tradegraph import` as a child process, sampling its peak RSS (VmHWM). */
async function cliImport(file: string, extra: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measured> {
  const main = path.join(__dirname, '..', 'src', 'cli', 'main.js');
  const started = Date.now();
  const child = spawn(process.execPath, [main, 'import', '-f', 'comtrade', '--create-missing', ...extra, file], { stdio: ['ignore', 'inherit', 'inherit'], env });
  let peak = 0;
  let cpu = 0;
  const neo4jBefore = cpuSeconds(neo4jPid);
  const timer = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      cpu = Math.max(cpu, cpuSeconds(child.pid!));
    } catch {
      // exited
    }
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`tradegraph import ${file} exited with ${code}`);
  return { seconds: (Date.now() - started) / 1000, peakRssMb: Math.round(peak), cpu: { importer: cpu, neo4j: cpuSeconds(neo4jPid) - neo4jBefore } };
}

/** The hand-tuned limit: B's rows with one UNWIND ... CREATE per batch, endpoints by element id. */
async function rawUnwind(uri: string, file: string, batch: number, parallel = 1): Promise<Measured> {
  const password = process.env.NEO4J_PASSWORD;
  const auth = password ? neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', password) : undefined;
  const driver = neo4j.driver(uri, auth, { disableLosslessIntegers: true });
  const session = () => driver.session();
  try {
    const s = session();
    const ids = await s.run(
      `MATCH (n) WHERE n:Region OR (n:Product AND n.hsEdition = 'HS2022') RETURN n.id AS id, elementId(n) AS eid`,
    );
    const eid = new Map(ids.records.map((r) => [r.get('id') as string, r.get('eid') as string]));
    // MERGE: a second run on the same database (another --first-year) reuses the baseline's source.
    const ex = await s.run(`MERGE (s:Source {id: 'source:bench-raw-unwind'}) SET s.title = 'raw UNWIND baseline', s.kind = 'synthetic'
      MERGE (e:Excerpt {id: 'excerpt:bench-raw-unwind'}) SET e.text = 'raw UNWIND baseline rows'
      MERGE (e)-[:EXCERPT_OF]->(s) RETURN elementId(e) AS e`);
    const excerpt = ex.records[0]!.get('e') as string;
    await s.close();
    const query = `UNWIND $rows AS row
      MATCH (a) WHERE elementId(a) = row.from
      MATCH (b) WHERE elementId(b) = row.to
      MATCH (p) WHERE elementId(p) = row.product
      MATCH (e) WHERE elementId(e) = $excerpt
      CREATE (f:Fact:TradeFlow {id: row.id})
      SET f += row.props
      CREATE (f)-[:FROM]->(a), (f)-[:TO]->(b), (f)-[:REPORTED_BY]->(a), (f)-[:OF_PRODUCT]->(p), (f)-[:STATED_IN]->(e)`;
    const started = Date.now();
    const cpuBefore = process.cpuUsage();
    const neo4jBefore = cpuSeconds(neo4jPid);
    let rows: Record<string, unknown>[] = [];
    // `parallel` batches in flight, each on its own session (1: the pipeline's own way).
    const inFlight = new Set<Promise<unknown>>();
    const flush = async (): Promise<void> => {
      const chunk = rows;
      rows = [];
      while (inFlight.size >= parallel) await Promise.race(inFlight);
      if (chunk.length === 0) return;
      const p: Promise<unknown> = (async () => {
        const w = session();
        try {
          await w.executeWrite((tx) => tx.run(query, { rows: chunk, excerpt }));
        } finally {
          await w.close();
        }
      })().finally(() => inFlight.delete(p));
      inFlight.add(p);
    };
    const text = fs.readFileSync(file, 'utf8');
    let line = 0;
    for (let at = text.indexOf('\n') + 1; at < text.length; ) {
      const end = text.indexOf('\n', at);
      const f = text.slice(at, end).split(',');
      at = end + 1;
      line += 1;
      const [period, partner, cmd, value, kg, qty] = [f[6]!, f[12]!, f[21]!, f[44]!, f[38]!, f[32]!];
      const to = eid.get(`iso:${countryByAlpha3(comtradeAreas().get(Number(partner))!.iso3)!.iso3}`)!;
      rows.push({
        id: `flow:comtrade:H6:${period}:156:${partner}:X:${cmd}:raw`,
        from: eid.get('iso:CHN'),
        to,
        product: eid.get(`hs2022:${cmd}`),
        props: { direction: 'EXPORT', periodStart: neo4j.int(Number(period)), periodEnd: neo4j.int(Number(period)), period, value: Number(value), currency: 'USD', netWeightKg: Number(kg), quantity: Number(qty), qualifier: 'exact', classification: 'H6', sourceRow: neo4j.int(line + 1) },
      });
      if (rows.length >= batch) await flush();
    }
    await flush();
    await Promise.all(inFlight);
    const own = process.cpuUsage(cpuBefore);
    return { seconds: (Date.now() - started) / 1000, cpu: { importer: (own.user + own.system) / 1e6, neo4j: cpuSeconds(neo4jPid) - neo4jBefore } };
  } finally {
    await driver.close();
  }
}

/** File A with `tradegraph import --initial` into a fresh managed data folder: validate, neo4j-admin import, two Neo4j starts, migrations. */
async function initialImport(file: string, dir: string): Promise<Measured> {
  const dataDir = path.join(dir, 'initial-data');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, TRADEGRAPH_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0', NEO4J_HTTP_PORT: '0', NEO4J_HEAP: process.env.NEO4J_HEAP ?? '1g', NEO4J_PAGECACHE: process.env.NEO4J_PAGECACHE ?? '512m' };
  delete env.NEO4J_URI;
  delete env.NEO4J_PASSWORD;
  try {
    return await cliImport(file, ['--initial'], env);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const o = new Command()
    .option('--rows <n>', 'rows per file', (v) => Number.parseInt(v, 10), 1_000_000)
    .option('--dir <dir>', 'where the generated files go', '/tmp/bench-comtrade')
    .option('--batch <n>', 'rows per batch (both pipelines)', (v) => Number.parseInt(v, 10), 20_000)
    .option('--steps <list>', 'which steps to run (e.g. 234 when 1 already ran on this database)', '1234')
    .option('--neo4j-pid <pid>', "Neo4j's process id, to count its CPU time per step (`tradegraph neo4j status` prints it)", (v) => Number.parseInt(v, 10))
    .option('--first-year <y>', "file A's first year (B and C follow 10 and 20 years later): another year range measures into a graph that already holds an earlier run's flows", (v) => Number.parseInt(v, 10), 1990)
    .option('--raw-parallel <n>', 'raw UNWIND: batches in flight at once, each on its own session (default 1)', (v) => Number.parseInt(v, 10), 1)
    .option('--initial', 'also time `tradegraph import --initial` of file A into a fresh managed data folder (neo4j-admin database import)')
    .parse()
    .opts<{ rows: number; dir: string; batch: number; initial?: boolean; neo4jPid?: number; steps: string; firstYear: number; rawParallel: number }>();
  neo4jPid = o.neo4jPid ?? 0;
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('set NEO4J_URI to a throwaway Neo4j');
  fs.mkdirSync(o.dir, { recursive: true });
  const files = ['a', 'b', 'c'].map((n) => path.join(o.dir, `synthetic-comtrade-${n}-${o.rows}${o.firstYear === 1990 ? '' : `-${o.firstYear}`}.csv`));
  files.forEach((f, i) => {
    if (!fs.existsSync(f)) writeFile(f, o.rows, o.firstYear + i * 10);
  });
  const mb = (f: string): number => Math.round(fs.statSync(f).size / 1e6);
  console.log(`files: ${files.map((f) => `${path.basename(f)} (${mb(f)} MB)`).join(', ')}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  // Wall-clock rows/s depends on what else runs on the machine; CPU seconds do not, so the step's
  // CPU time of the importer and of Neo4j is printed too (rows per CPU-second of both together).
  const rate = (m: Measured): string => {
    const cpu = m.cpu && neo4jPid ? `; CPU s: importer ${m.cpu.importer.toFixed(1)}, neo4j ${m.cpu.neo4j.toFixed(1)} -> ${Math.round(o.rows / (m.cpu.importer + m.cpu.neo4j)).toLocaleString('en-US')} rows per CPU-second` : '';
    // The machine is shared: the load average after the step says how much of it the step had.
    const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
    return `${Math.round(o.rows / m.seconds).toLocaleString('en-US')} rows/s (${m.seconds.toFixed(1)} s${m.peakRssMb ? `, peak RSS ${m.peakRssMb} MB` : ''}${cpu}; load average ${load})`;
  };
  const step = (n: number): boolean => o.steps.includes(String(n));
  if (step(1)) {
    const a = await cliImport(files[0]!, ['--batch-size', String(o.batch)]);
    console.log(`1. tradegraph import, into the database as it is:           ${rate(a)}`);
  }
  // Step 2 alone (--steps 2) tries the raw write's batch size and parallelism (--batch, --raw-parallel).
  const b = step(2) ? await rawUnwind(uri, files[1]!, o.batch, o.rawParallel) : undefined;
  if (b) console.log(`2. raw UNWIND CREATE (limit; ${o.batch} rows a batch, ${o.rawParallel} in flight), graph with ${o.rows} flows:   ${rate(b)}`);
  if (b && step(3)) {
    const c = await cliImport(files[2]!, ['--batch-size', String(o.batch)]);
    console.log(`3. tradegraph import, graph with ${2 * o.rows} flows:        ${rate(c)}`);
    console.log(`ratio tradegraph import (3) / raw UNWIND (2): ${(b.seconds / c.seconds).toFixed(2)}`);
  }
  if (o.initial && step(4)) {
    const d = await initialImport(files[0]!, o.dir);
    console.log(`4. tradegraph import --initial (neo4j-admin), empty database: ${rate(d)}`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
