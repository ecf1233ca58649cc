/**
 * The benchmark's database: a managed Neo4j on its own ports and data folder (one per scale),
 * holding the seed graph plus a synthetic graph from bench/generate.ts, imported through
 * tradegraph's own pipeline (migrations, seed, curated import). Loading is skipped when the
 * folder already holds that graph (checked by counting synthetic nodes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { auth as neo4jAuth } from 'neo4j-driver';
import { openNeo4j, Neo4jRuntime } from '../../src/neo4j/runtime';
import { migrate } from '../../src/neo4j/migrations';
import { refreshAggregates, refreshFlowSortKeys, refreshTradeTotals } from '../../src/neo4j/aggregates';
import { seedGraph } from '../../src/ingest/seed';
import { runImport, formatReport } from '../../src/ingest';
import { generate, Scale } from '../generate';

export interface GraphOptions {
  scale: Scale;
  /** Folder for this scale's data and generated files. */
  dir: string;
  boltPort: number;
  httpPort: number;
  heap: string;
  pageCache: string;
}

export interface BenchGraph {
  runtime: Neo4jRuntime;
  boltUri: string;
  counts: { flows: number; companies: number };
}

export function scaleTag(s: Scale): string {
  return `f${s.flows}-c${s.companies}-p${s.products}-r${s.regions}-m${s.markets}`;
}

async function syntheticCounts(runtime: Neo4jRuntime): Promise<{ flows: number; companies: number }> {
  const rows = await runtime.db.read<{ flows: number; companies: number }>(
    `CALL () { MATCH (f:TradeFlow) WHERE f.id STARTS WITH 'flow:synthetic-' RETURN count(f) AS flows }
     CALL () { MATCH (c:Company) WHERE c.id STARTS WITH 'company:synthetic-' RETURN count(c) AS companies }
     RETURN flows, companies`,
  );
  return rows[0] ?? { flows: 0, companies: 0 };
}

export async function openBenchGraph(o: GraphOptions, say: (m: string) => void): Promise<BenchGraph> {
  const dataDir = path.join(o.dir, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: undefined,
    TRADEGRAPH_DATA_DIR: dataDir,
    NEO4J_BOLT_PORT: String(o.boltPort),
    NEO4J_HTTP_PORT: String(o.httpPort),
    NEO4J_HEAP: o.heap,
    NEO4J_PAGECACHE: o.pageCache,
    LOG_LEVEL: 'warn',
  };
  const config = loadConfig(env);
  const log = createLogger('warn');
  const runtime = await openNeo4j(config, { info: say, warn: say });
  try {
    const boltUri = runtime.db.uri;
    // The managed Neo4j has auth on: child servers (env) and the bench's own drivers (benchAuth) log in.
    if (runtime.credentials) {
      process.env.NEO4J_USERNAME = runtime.credentials.username;
      process.env.NEO4J_PASSWORD = runtime.credentials.password;
    }
    await migrate(runtime.db);
    let counts = await syntheticCounts(runtime);
    if (counts.flows !== o.scale.flows || counts.companies !== o.scale.companies) {
      say(`loading the graph (${counts.flows} synthetic flows present, ${o.scale.flows} wanted)...`);
      const seeded = await seedGraph(runtime.db, { progress: false }, log);
      if (!seeded.ok) throw new Error(`seed rejected: ${formatReport(seeded)}`);
      const genDir = path.join(o.dir, 'gen');
      const started = Date.now();
      const files = await generate(o.scale, genDir);
      say(`generated ${files.length} files in ${((Date.now() - started) / 1000).toFixed(0)} s; importing...`);
      const report = await runImport(runtime.db, { format: 'curated', paths: [genDir], batchCommit: true, progress: process.stderr.isTTY }, log);
      if (!report.ok) throw new Error(`import failed: ${formatReport(report)}`);
      say(`imported in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      counts = await syntheticCounts(runtime);
      if (counts.flows !== o.scale.flows) throw new Error(`after import: ${counts.flows} synthetic flows, expected ${o.scale.flows}`);
    }
    // A graph imported by an older tradegraph has no stored aggregates yet: the import hook writes them.
    const summaries = await runtime.db.read<{ n: number }>('RETURN COUNT { (:ConcentrationSummary) } AS n');
    if (!summaries[0]?.n) {
      const began = Date.now();
      say('writing the aggregates imports maintain (sort keys, source counts, concentration summaries)...');
      await refreshAggregates(runtime.db);
      say(`aggregates written in ${((Date.now() - began) / 1000).toFixed(0)} s`);
    }
    // A graph refreshed before the trade totals were stored: those alone are written (the rest is current).
    const state = await runtime.db.read<{ t: unknown }>("OPTIONAL MATCH (a:AggregateState {id: 'aggregates'}) RETURN a.tradeTotals AS t");
    if (state[0]?.t == null) {
      const began = Date.now();
      say('writing the trade totals and flow counts imports maintain...');
      const steps = await refreshTradeTotals(runtime.db);
      say(`trade totals written in ${((Date.now() - began) / 1000).toFixed(0)} s (${JSON.stringify(steps)})`);
    }
    // A graph refreshed before flows had their sort key: those alone are written.
    const keyed = await runtime.db.read<{ k: unknown }>("OPTIONAL MATCH (a:AggregateState {id: 'aggregates'}) RETURN a.flowSortKeys AS k");
    if (Number(keyed[0]?.k ?? 0) !== 1) {
      const began = Date.now();
      say('writing the flow sort keys imports maintain...');
      await refreshFlowSortKeys(runtime.db);
      say(`flow sort keys written in ${((Date.now() - began) / 1000).toFixed(0)} s`);
    }
    return { runtime, boltUri, counts };
  } catch (err) {
    await runtime.close();
    throw err;
  }
}

if (require.main === module) {
  // Loads (or checks) one scale and leaves: `node dist/bench/compare/graph.js <flows> [boltPort httpPort]`.
  const flows = Number(process.argv[2] ?? 100_000);
  const [boltPort, httpPort] = [Number(process.argv[3] ?? 7706), Number(process.argv[4] ?? 7406)];
  const scale: Scale = { flows, companies: 50_000, products: 5_000, regions: 200, markets: 20 };
  void openBenchGraph(
    { scale, dir: path.resolve('.tradegraph/bench-compare', scaleTag(scale)), boltPort, httpPort, heap: '2g', pageCache: '2g' },
    (m) => process.stderr.write(m + '\n'),
  ).then(async (g) => {
    process.stderr.write(`ready: ${JSON.stringify(g.counts)} at ${g.boltUri}\n`);
    await g.runtime.close();
  });
}

/** Basic auth from NEO4J_USERNAME / NEO4J_PASSWORD (set above for the managed Neo4j), or none. */
export function benchAuth(): ReturnType<typeof neo4jAuth.basic> | undefined {
  const password = process.env.NEO4J_PASSWORD;
  return password === undefined ? undefined : neo4jAuth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', password);
}
