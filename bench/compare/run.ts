/**
 * Side by side, from one command: tradegraph, the peer (@neo4j/graphql 7 on Apollo Server 5) and
 * raw Cypher through neo4j-driver, over the same managed Neo4j holding a synthetic graph.
 *
 *   npm run build && node dist/bench/compare/run.js --flows 100000 --clients 8,32
 *
 * 1. Loads (once per scale) the seed plus bench/generate.ts's graph through tradegraph's pipeline.
 * 2. Starts tradegraph (`serve --no-seed`) and the peer as child processes (their RSS is sampled).
 * 3. Checks every shape's answers identical across the three sides for every parameter set
 *    (fails loudly with the first difference), and reads tradegraph's Cypher count per request.
 * 4. Interleaved rounds: per client count, per round, per shape, each side in turn (rotated),
 *    a closed loop of `--duration` seconds; after each cell Neo4j work left behind by timed-out
 *    requests is terminated (and counted) so that it cannot slow the next cell.
 * 5. Prints Markdown tables and writes them, with the raw numbers (JSON), beside the data.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import neo4j, { Driver } from 'neo4j-driver';
import { benchAuth } from './graph';
import type { Scale } from '../generate';
import { CellStats, emptyCell, firstDifference, markdownTable, mergeCell, parseList, Side, sideOrder, summarize, TableRow } from './compare';
import { openBenchGraph, scaleTag } from './graph';
import { closedLoop } from './load-loop';
import { exampleOperations, projectRoot, Shape, shapes } from './shapes';
import { graphqlSide, postGraphQL, rawSide, RequestTimeout, SideClient, tradegraphCypherCount } from './sides';

const say = (m: string) => process.stderr.write(`[compare ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

interface Options {
  flows: number;
  companies: number;
  products: number;
  regions: number;
  markets: number;
  clients: string;
  duration: number;
  rounds: number;
  timeout: number;
  checkTimeout: number;
  variants: number;
  only?: string;
  examples: boolean;
  tgPort: number;
  peerPort: number;
  boltPort: number;
  httpPort: number;
  heap: string;
  pagecache: string;
  dir: string;
}

export function startChild(name: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', out, out], cwd: projectRoot() });
  child.on('exit', (code, signal) => {
    if (!stopping) say(`${name} exited (${code ?? signal}); see ${logFile}`);
  });
  return child;
}
let stopping = false;

export async function waitServing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server for ${url} exited with ${child.exitCode}`);
    try {
      const body = await postGraphQL(url, '{ __typename }', {}, 2000);
      if (body.data) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not serving after ${timeoutMs} ms`);
}

/** Waits for tradegraph's "named queries planned" log line (src/neo4j/plans.ts), so no timed or checked request competes with it. */
export async function waitPlanned(logFile: string, from: number, timeoutMs: number): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const text = fs.readFileSync(logFile, 'utf8').slice(from);
    const line = text.split('\n').find((l) => l.includes('named queries planned'));
    if (line) {
      const p = JSON.parse(line) as { planned: number; failed: string[]; ms: number };
      return `${p.planned} queries in ${(p.ms / 1000).toFixed(1)} s${p.failed.length ? `, failed: ${p.failed.join(', ')}` : ''}`;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return `not finished after ${timeoutMs / 1000} s`;
}

/** Terminates transactions still running after a cell (work of requests that timed out). */
async function terminateLeftovers(driver: Driver, database: string): Promise<number> {
  const session = driver.session({ database: 'system' });
  try {
    const rows = await session.run(
      `SHOW TRANSACTIONS YIELD transactionId, currentQuery, elapsedTime, database
       WHERE database = $database AND NOT currentQuery CONTAINS 'SHOW TRANSACTIONS'
       RETURN collect(transactionId) AS ids`,
      { database },
    );
    const ids = (rows.records[0]?.get('ids') as string[]) ?? [];
    if (ids.length > 0) await session.run('TERMINATE TRANSACTIONS $ids', { ids });
    return ids.length;
  } finally {
    await session.close();
  }
}

function size(canonical: unknown): number {
  return (JSON.stringify(canonical).match(/"id":/g) ?? []).length;
}

async function check(shape: Shape, sides: SideClient[], timeoutMs: number): Promise<string> {
  if (!shape.norm) {
    const tg = sides.find((s) => s.side === 'tradegraph')!;
    const t0 = performance.now();
    try {
      for (const v of shape.variants) await tg.send(shape, v, timeoutMs);
    } catch (err) {
      // A whole-graph operation may take longer than the check's deadline: recorded, not fatal.
      if (err instanceof RequestTimeout) return `no answer within ${timeoutMs / 1000} s (tradegraph only)`;
      throw err;
    }
    return `answers without errors (tradegraph only, not compared); first request ${((performance.now() - t0) / 1000).toFixed(1)} s`;
  }
  let total = 0;
  const first: string[] = [];
  for (const [n, vars] of shape.variants.entries()) {
    const answers: Partial<Record<Side, unknown>> = {};
    for (const s of sides.filter((x) => x.supports(shape))) {
      const t0 = performance.now();
      let got: unknown;
      try {
        got = await s.send(shape, vars, timeoutMs);
      } catch (err) {
        // Only the peer may fail to answer in time (its whole-label scans); its answer is then
        // unchecked, and said so. Any other failure stops the run.
        if (!(err instanceof RequestTimeout) || s.side !== 'peer') throw err;
        first.push(`peer: no answer within ${timeoutMs / 1000} s, unchecked for ${JSON.stringify(vars)}`);
        continue;
      }
      const ms = performance.now() - t0;
      if (ms > 2000) say(`  ${shape.name} ${s.side}: ${(ms / 1000).toFixed(1)} s for the check request`);
      // The first request of a shape after start-up pays for planning (and a cold page cache).
      if (n === 0) first.push(`${s.side} ${ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`}`);
      answers[s.side] = shape.norm[s.side === 'tradegraph' ? 'tg' : s.side](got as never);
    }
    const base = answers.raw;
    for (const side of ['tradegraph', 'peer'] as const) {
      if (!(side in answers)) continue;
      const d = firstDifference(answers[side], base);
      if (d) {
        throw new Error(
          `${shape.name} ${JSON.stringify(vars)}: ${side} and raw Cypher answer differently at ${d.path}: ` +
            `${JSON.stringify(d.left)?.slice(0, 300)} vs ${JSON.stringify(d.right)?.slice(0, 300)}`,
        );
      }
    }
    total += size(base);
  }
  if (total === 0) throw new Error(`${shape.name}: every parameter set has an empty answer; the check would prove nothing`);
  return `identical on ${shape.variants.length} parameter set(s), ${total} ids in all; first request: ${first.join(', ')}`;
}

async function main(o: Options): Promise<void> {
  const scale: Scale = { flows: o.flows, companies: o.companies, products: o.products, regions: o.regions, markets: o.markets };
  const dir = path.resolve(o.dir, scaleTag(scale));
  const clientCounts = parseList(o.clients);
  const loadStart = os.loadavg();
  const graph = await openBenchGraph({ scale, dir, boltPort: o.boltPort, httpPort: o.httpPort, heap: o.heap, pageCache: o.pagecache }, say);
  const children: ChildProcess[] = [];
  const driver = neo4j.driver(graph.boltUri, benchAuth(), { disableLosslessIntegers: true, maxConnectionPoolSize: 64 });
  const database = 'neo4j';
  try {
    const childEnv = { ...process.env, NEO4J_URI: graph.boltUri, HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn', NEO4J_DATABASE: database };
    // The answer check allows --check-timeout per request, so tradegraph's own deadline is as long
    // (timing uses the client's --timeout). Logs at info: the bench waits for its start-up planning.
    const tgLog = path.join(dir, 'tradegraph.log');
    const tgLogStart = fs.existsSync(tgLog) ? fs.statSync(tgLog).size : 0;
    const tgEnv = { ...childEnv, PORT: String(o.tgPort), REQUEST_TIMEOUT_MS: String(o.checkTimeout * 1000), LOG_LEVEL: 'info' };
    const tgChild = startChild('tradegraph', ['dist/src/cli/main.js', 'serve', '--no-seed'], tgEnv, tgLog);
    const peerChild = startChild('peer', ['dist/bench/compare/peer-server.js'], { ...childEnv, PORT: String(o.peerPort) }, path.join(dir, 'peer.log'));
    children.push(tgChild, peerChild);
    const tgUrl = `http://127.0.0.1:${o.tgPort}/graphql`;
    const peerUrl = `http://127.0.0.1:${o.peerPort}/`;
    await Promise.all([waitServing(tgUrl, tgChild, 120_000), waitServing(peerUrl, peerChild, 120_000)]);
    say(`serving: tradegraph ${tgUrl} (pid ${tgChild.pid}), peer ${peerUrl} (pid ${peerChild.pid}); graph ${JSON.stringify(graph.counts)}`);
    say(`tradegraph start-up planning: ${await waitPlanned(tgLog, tgLogStart, 600_000)}`);
    const sides: SideClient[] = [graphqlSide('tradegraph', tgUrl, tgChild.pid), graphqlSide('peer', peerUrl, peerChild.pid), rawSide(driver, database)];

    let set = shapes(scale, o.variants);
    if (o.examples) set = [...set, ...exampleOperations()];
    if (o.only) set = set.filter((s) => s.name.includes(o.only!));

    // Answers first: identical across the three sides, or no timing at all.
    const cypherPerRequest = new Map<string, number | null>();
    const checks: string[] = [];
    for (const shape of set) {
      const verdict = await check(shape, sides, o.checkTimeout * 1000);
      let counts: (number | null)[] = [];
      for (const v of shape.variants) {
        try {
          counts.push((await tradegraphCypherCount(tgUrl, shape, v, o.checkTimeout * 1000)).queries);
        } catch (err) {
          if (!(err instanceof RequestTimeout)) throw err;
          counts.push(null);
        }
      }
      counts = [...new Set(counts)];
      const known = counts.filter((c): c is number => c !== null);
      cypherPerRequest.set(shape.name, known.length > 0 ? Math.max(...known) : null);
      checks.push(`- ${shape.name}: ${verdict}; tradegraph Cypher queries per request: ${counts.join(', ')}`);
      say(`checked ${shape.name}: ${verdict}`);
      await terminateLeftovers(driver, database);
    }

    const results = new Map<string, CellStats>(); // `${clients}|${shape}|${side}`
    const leftovers = new Map<string, number>();
    const firstErrors: string[] = [];
    for (const clients of clientCounts) {
      for (let round = 0; round < o.rounds; round++) {
        say(`${clients} clients, round ${round + 1}/${o.rounds}`);
        for (const shape of set) {
          for (const side of sideOrder(sides, round).filter((s) => s.supports(shape))) {
            const variants = shape.variants;
            const cell = await closedLoop((i) => side.send(shape, variants[i % variants.length]!, o.timeout * 1000), {
              clients,
              durationMs: o.duration * 1000,
              pid: side.pid,
            });
            const key = `${clients}|${shape.name}|${side.side}`;
            results.set(key, mergeCell(results.get(key) ?? emptyCell(), cell));
            if (cell.firstError && firstErrors.length < 20) firstErrors.push(`${key}: ${cell.firstError}`);
            const killed = await terminateLeftovers(driver, database);
            if (killed > 0) leftovers.set(key, (leftovers.get(key) ?? 0) + killed);
          }
        }
      }
    }

    const loadEnd = os.loadavg();
    const lines: string[] = [
      `# tradegraph vs @neo4j/graphql vs raw Cypher: ${graph.counts.flows.toLocaleString('en')} synthetic flows`,
      '',
      `Scale: ${JSON.stringify(scale)} plus the seed graph. Neo4j 5.26 (managed, heap ${o.heap}, page cache ${o.pagecache}).`,
      `Each cell: ${o.rounds} interleaved round(s) x ${o.duration} s closed loop; per-request timeout ${o.timeout} s ` +
        `(timeouts counted apart, their left-over Neo4j work terminated after the cell). Machine: ${os.cpus().length} cores, ` +
        `load average ${loadStart[0]!.toFixed(2)} at start, ${loadEnd[0]!.toFixed(2)} at the end (shared with other agents' work).`,
      'Peer and raw Cypher each run one Cypher query per request; tradegraph\'s count is from its extensions.stats. RSS: the server process (raw Cypher runs in the bench process).',
      '',
      '## Answers checked identical before timing',
      ...checks,
    ];
    for (const clients of clientCounts) {
      const rows: TableRow[] = set.map((shape) => ({
        shape: shape.name,
        tgCypher: cypherPerRequest.get(shape.name) ?? null,
        cells: Object.fromEntries(
          (['tradegraph', 'peer', 'raw'] as Side[])
            .filter((side) => results.has(`${clients}|${shape.name}|${side}`))
            .map((side) => [side, summarize(results.get(`${clients}|${shape.name}|${side}`)!)]),
        ),
      }));
      lines.push('', `## ${clients} concurrent clients`, '', markdownTable(rows));
    }
    if (leftovers.size > 0) {
      lines.push('', '## Neo4j transactions still running after a cell (terminated)', ...[...leftovers].map(([k, n]) => `- ${k}: ${n}`));
    }
    if (firstErrors.length > 0) lines.push('', '## First errors', ...firstErrors.map((e) => `- ${e}`));
    const md = lines.join('\n') + '\n';
    process.stdout.write(md);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    fs.writeFileSync(path.join(dir, `results-${stamp}.md`), md);
    fs.writeFileSync(
      path.join(dir, `results-${stamp}.json`),
      JSON.stringify({ scale, options: o, loadStart, loadEnd, cypherPerRequest: Object.fromEntries(cypherPerRequest), results: Object.fromEntries([...results].map(([k, v]) => [k, summarize(v)])) }, null, 1),
    );
    say(`written ${path.join(dir, `results-${stamp}.md`)}`);
  } finally {
    stopping = true;
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
    await driver.close();
    await graph.runtime.close();
  }
}

if (require.main === module) {
  new Command('bench-compare')
    .description('tradegraph vs @neo4j/graphql vs raw Cypher over the same Neo4j, answers checked identical, Markdown table')
    .option('--flows <n>', 'synthetic trade flows', Number, 100_000)
    .option('--companies <n>', 'synthetic companies', Number, 50_000)
    .option('--products <n>', 'synthetic HS products', Number, 5_000)
    .option('--regions <n>', 'synthetic regions', Number, 200)
    .option('--markets <n>', 'synthetic markets', Number, 20)
    .option('--clients <list>', 'concurrent clients, comma-separated', '8,32')
    .option('--duration <s>', 'seconds per cell and round', Number, 5)
    .option('--rounds <n>', 'interleaved rounds', Number, 3)
    .option('--timeout <s>', 'per-request timeout while timing', Number, 10)
    .option('--check-timeout <s>', 'per-request timeout of the answer check', Number, 120)
    .option('--variants <n>', 'parameter sets per shape', Number, 3)
    .option('--only <name>', 'only shapes whose name contains this')
    .option('--no-examples', 'leave out the example operations (operations/)')
    .option('--tg-port <n>', 'tradegraph HTTP port', Number, 4106)
    .option('--peer-port <n>', 'peer HTTP port', Number, 4107)
    .option('--bolt-port <n>', 'managed Neo4j Bolt port', Number, 7706)
    .option('--http-port <n>', 'managed Neo4j HTTP port', Number, 7406)
    .option('--heap <size>', 'Neo4j heap', '2g')
    .option('--pagecache <size>', 'Neo4j page cache', '2g')
    .option('--dir <dir>', 'data and results folder (one sub-folder per scale)', '.tradegraph/bench-compare')
    .action(main)
    .parseAsync(process.argv)
    .catch((err: Error) => {
      process.stderr.write(`bench-compare: ${err.stack ?? err.message}\n`);
      process.exitCode = 1;
    });
}
