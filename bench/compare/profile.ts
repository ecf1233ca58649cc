/**
 * What dominates each shape: runs tradegraph and the peer in this process with their Cypher
 * captured (tradegraph through its Database's transactions, the peer through its driver's
 * sessions), sends each shape once to warm up and once to capture, then PROFILEs every captured
 * query (and the raw Cypher) on the same Neo4j: db hits, rows, time, the costliest operators.
 *
 *   npm run build && node dist/bench/compare/profile.js --flows 100000 [--only company-page]
 *
 * Writes profile-<stamp>.md (and every captured query as .cypher) beside the scale's data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import neo4j, { Driver, ManagedTransaction, RecordShape, Session } from 'neo4j-driver';
import { benchAuth } from './graph';
import { loadConfig } from '../../src/config';
import { Database, Params, RequestScope } from '../../src/neo4j/database';
import { startService } from '../../src/service';
import type { Scale } from '../generate';
import { openBenchGraph, scaleTag } from './graph';
import { peerDriver, startPeer } from './peer-server';
import { Shape, shapes, exampleOperations, Vars } from './shapes';
import { postGraphQL } from './sides';
import { planTotals, PlanNode, queryLabel } from './plan';

interface Captured {
  cypher: string;
  params: Record<string, unknown>;
}

let sink: Captured[] | null = null;

function capturingTx(tx: ManagedTransaction): ManagedTransaction {
  return new Proxy(tx, {
    get(target, prop) {
      if (prop === 'run') {
        return (cypher: string, params: Record<string, unknown>) => {
          // Not the request's: first-use planning (src/neo4j/plans.ts) EXPLAINs beside it.
          if (!/^\s*EXPLAIN\b/.test(cypher)) sink?.push({ cypher, params: params ?? {} });
          return target.run(cypher, params);
        };
      }
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** tradegraph: a request's reads go through RequestScope.read, every other query through Database.executeRead / executeWrite. */
function captureTradegraph(): void {
  const read = RequestScope.prototype.read;
  RequestScope.prototype.read = function <R extends RecordShape>(this: RequestScope, cypher: string, params: Params): Promise<R[]> {
    sink?.push({ cypher, params: params ?? {} });
    return read.call(this, cypher, params) as Promise<R[]>;
  };
  for (const method of ['executeRead', 'executeWrite'] as const) {
    const original = Database.prototype[method];
    Database.prototype[method] = function <T>(this: Database, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
      return original.call(this, (tx: ManagedTransaction) => work(capturingTx(tx))) as Promise<T>;
    };
  }
}

/** The peer: its Executor opens a session per operation and runs one executeRead. */
function capturePeer(driver: Driver): Driver {
  const open = driver.session.bind(driver);
  driver.session = ((cfg: Parameters<Driver['session']>[0]) => {
    const session = open(cfg);
    return new Proxy(session, {
      get(target, prop) {
        if (prop === 'executeRead' || prop === 'executeWrite') {
          return (work: (tx: ManagedTransaction) => Promise<unknown>, txConfig?: unknown) =>
            (target[prop] as (w: typeof work, c?: unknown) => Promise<unknown>)((tx) => work(capturingTx(tx)), txConfig);
        }
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    }) as Session;
  }) as Driver['session'];
  return driver;
}

interface Profiled {
  label: string;
  dbHits: number;
  rows: number;
  profileMs: number;
  runMs: number;
  top: string[];
  file: string;
}

async function profileQuery(driver: Driver, q: Captured, outFile: string): Promise<Profiled> {
  fs.writeFileSync(outFile, `// params: ${JSON.stringify(q.params)}\n${q.cypher}\n`);
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    // Plain runs first (planned and warm): the median of up to 5, fewer when one takes seconds.
    const times: number[] = [];
    let spent = 0;
    while (times.length < 5 && (times.length < 2 || spent < 10_000)) {
      const t0 = performance.now();
      await session.executeRead((tx) => tx.run(q.cypher, q.params));
      times.push(performance.now() - t0);
      spent += times[times.length - 1]!;
    }
    times.sort((a, b) => a - b);
    const t0 = performance.now();
    const res = await session.executeRead((tx) => tx.run(`PROFILE ${q.cypher}`, q.params));
    const profileMs = performance.now() - t0;
    const totals = planTotals(res.summary.profile as unknown as PlanNode);
    return { label: queryLabel(q.cypher), dbHits: totals.dbHits, rows: res.records.length, profileMs, runMs: times[Math.floor(times.length / 2)]!, top: totals.top, file: path.basename(outFile) };
  } finally {
    await session.close();
  }
}

async function main(o: { flows: number; companies: number; products: number; only?: string; dir: string; boltPort: number; httpPort: number; examples: boolean }) {
  const scale: Scale = { flows: o.flows, companies: o.companies, products: o.products, regions: 200, markets: 20 };
  const dir = path.resolve(o.dir, scaleTag(scale));
  const outDir = path.join(dir, 'profile');
  fs.mkdirSync(outDir, { recursive: true });
  const say = (m: string) => process.stderr.write(`[profile] ${m}\n`);
  const graph = await openBenchGraph({ scale, dir, boltPort: o.boltPort, httpPort: o.httpPort, heap: '2g', pageCache: '2g' }, say);
  captureTradegraph();
  const env = { ...process.env, NEO4J_URI: graph.boltUri, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;
  const tg = await startService(loadConfig(env), { seed: false });
  const peer = await startPeer(graph.boltUri, 0, capturePeer(peerDriver(graph.boltUri)));
  const driver = neo4j.driver(graph.boltUri, benchAuth(), { disableLosslessIntegers: true });
  const file = path.join(dir, `profile-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
  // Written as it goes: a whole-graph query can take minutes.
  const lines = {
    push: (...l: string[]) => {
      fs.appendFileSync(file, l.map((x) => x + '\n').join(''));
      process.stdout.write(l.map((x) => x + '\n').join(''));
    },
  };
  lines.push(`# Profile at ${graph.counts.flows.toLocaleString('en')} synthetic flows`, '');
  try {
    let set: Shape[] = shapes(scale, 1);
    if (o.examples) set = [...set, ...exampleOperations()];
    if (o.only) set = set.filter((s) => s.name.includes(o.only!));
    for (const shape of set) {
      const vars: Vars = shape.variants[0]!;
      lines.push(`## ${shape.name}: ${shape.title}`, '', `Parameters: \`${JSON.stringify(vars)}\``, '');
      const sides: [string, string, string][] = [['tradegraph', tg.url, shape.tg]];
      if (shape.peer) sides.push(['peer', peer.url, shape.peer]);
      for (const [side, url, query] of sides) {
        await postGraphQL(url, query, vars, 300_000); // warm: plans cached, pages in cache
        sink = [];
        const t0 = performance.now();
        await postGraphQL(url, query, vars, 300_000);
        const requestMs = performance.now() - t0;
        const captured = sink;
        sink = null;
        const profiled: Profiled[] = [];
        for (const [i, q] of captured.entries()) profiled.push(await profileQuery(driver, q, path.join(outDir, `${shape.name.replace(/[^a-z0-9-]/gi, '_')}.${side}.${i + 1}.cypher`)));
        const hits = profiled.reduce((a, p) => a + p.dbHits, 0);
        const runMs = profiled.reduce((a, p) => a + p.runMs, 0);
        lines.push(
          `**${side}**: one request ${requestMs.toFixed(1)} ms; ${captured.length} Cypher quer${captured.length === 1 ? 'y' : 'ies'}, ${hits.toLocaleString('en')} db hits, ` +
            `${runMs.toFixed(1)} ms of query time run alone (median of up to 5 runs each)`,
          '',
          '| # | query | db hits | rows | ms alone | costliest operators (db hits) |',
          '|---:|---|---:|---:|---:|---|',
          ...profiled.map((p, i) => `| ${i + 1} | ${p.label} | ${p.dbHits.toLocaleString('en')} | ${p.rows} | ${p.runMs.toFixed(1)} | ${p.top.join('; ')} |`),
          '',
        );
        say(`${shape.name} ${side}: ${captured.length} queries, ${hits} db hits`);
      }
      if (shape.raw) {
        const p = await profileQuery(driver, { cypher: shape.raw, params: vars }, path.join(outDir, `${shape.name}.raw.cypher`));
        lines.push(`**raw Cypher**: ${p.dbHits.toLocaleString('en')} db hits, ${p.runMs.toFixed(1)} ms alone; ${p.top.join('; ')}`, '');
      }
    }
    say(`written ${file}; captured queries in ${outDir}`);
  } finally {
    await driver.close();
    await peer.stop();
    await tg.stop();
    await graph.runtime.close();
  }
}

if (require.main === module) {
  new Command('bench-compare-profile')
    .description('PROFILE the Cypher tradegraph and the peer run for each shape of bench/compare')
    .option('--flows <n>', 'synthetic trade flows (selects the scale folder)', Number, 100_000)
    .option('--companies <n>', 'synthetic companies', Number, 50_000)
    .option('--products <n>', 'synthetic HS products', Number, 5_000)
    .option('--only <name>', 'only shapes whose name contains this')
    .option('--no-examples', 'leave out the example operations')
    .option('--bolt-port <n>', 'managed Neo4j Bolt port', Number, 7706)
    .option('--http-port <n>', 'managed Neo4j HTTP port', Number, 7406)
    .option('--dir <dir>', 'data folder (one sub-folder per scale)', '.tradegraph/bench-compare')
    .action(main)
    .parseAsync(process.argv)
    .catch((err: Error) => {
      process.stderr.write(`bench-compare-profile: ${err.stack ?? err.message}\n`);
      process.exitCode = 1;
    });
}
