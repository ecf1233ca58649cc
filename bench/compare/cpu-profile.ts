/**
 * Where tradegraph's server spends its CPU under load on one query shape: starts `serve --no-seed`
 * under `node --cpu-prof` over the bench graph of a scale (graph.ts), sends `--clients` concurrent
 * requests of the shape for `--duration` seconds, stops the server (SIGTERM: it exits normally, so
 * Node writes the profile) and prints the costliest functions (self time) and packages / source
 * folders (self and inclusive time):
 *
 *   npm run build && node dist/bench/compare/cpu-profile.js --flows 100000 --shape flow-by-id --clients 8
 *
 * The profile (`.cpuprofile`, open it in Chrome DevTools) stays in `<dir>/<scale>/cpu/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { openBenchGraph, scaleTag } from './graph';
import { closedLoop } from './load-loop';
import { startChild, waitPlanned, waitServing } from './run';
import { exampleOperations, projectRoot, shapes } from './shapes';
import { postGraphQL } from './sides';
import { summarizeProfile, type CpuProfile } from './cpu-summary';

interface Options {
  flows: number;
  shape: string;
  clients: number;
  duration: number;
  tgPort: number;
  boltPort: number;
  httpPort: number;
  dir: string;
  top: number;
  nodeArgs: string;
}

const say = (m: string) => process.stderr.write(`[cpu-profile ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

async function main(o: Options): Promise<void> {
  const scale = { flows: o.flows, companies: 50_000, products: 5_000, regions: 200, markets: 20 };
  const dir = path.resolve(o.dir, scaleTag(scale));
  const shape = [...shapes(scale, 3), ...exampleOperations()].find((s) => s.name === o.shape);
  if (!shape) throw new Error(`no shape ${o.shape}`);
  const graph = await openBenchGraph({ scale, dir, boltPort: o.boltPort, httpPort: o.httpPort, heap: '2g', pageCache: '2g' }, say);
  const profDir = path.join(dir, 'cpu', `${o.shape}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(profDir, { recursive: true });
  try {
    const log = path.join(dir, 'tradegraph-cpu.log');
    const logStart = fs.existsSync(log) ? fs.statSync(log).size : 0;
    const env = { ...process.env, NEO4J_URI: graph.boltUri, HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'info', NEO4J_DATABASE: 'neo4j', PORT: String(o.tgPort) };
    const extra = o.nodeArgs.split(' ').filter(Boolean);
    const child = startChild('tradegraph', [...extra, '--cpu-prof', '--cpu-prof-dir', profDir, 'dist/src/cli/main.js', 'serve', '--no-seed'], env, log);
    const url = `http://127.0.0.1:${o.tgPort}/graphql`;
    try {
      await waitServing(url, child, 120_000);
      say(`start-up planning: ${await waitPlanned(log, logStart, 600_000)}`);
      // Warm: every parameter set once, then the loop.
      for (const v of shape.variants) await postGraphQL(url, shape.tg, v, 60_000);
      const stats = await closedLoop((i) => postGraphQL(url, shape.tg, shape.variants[i % shape.variants.length]!, 30_000), { clients: o.clients, durationMs: o.duration * 1000, pid: child.pid });
      say(`${shape.name}: ${stats.ok} answers in ${(stats.elapsedMs / 1000).toFixed(1)} s (${((stats.ok * 1000) / stats.elapsedMs).toFixed(1)} req/s), ${stats.errors} errors, ${stats.timeouts} timeouts, max RSS ${stats.maxRssMb?.toFixed(0)} MB${stats.firstError ? `; first error: ${stats.firstError}` : ''}`);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 60_000))]);
    }
    const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile written in ${profDir}`);
    const profile = JSON.parse(fs.readFileSync(path.join(profDir, file), 'utf8')) as CpuProfile;
    process.stdout.write(summarizeProfile(profile, projectRoot(), o.top) + `\nprofile: ${path.join(profDir, file)}\n`);
  } finally {
    await graph.runtime.close();
  }
}

if (require.main === module) {
  new Command('bench-cpu-profile')
    .description("CPU profile of tradegraph's server under load on one query shape")
    .option('--flows <n>', 'synthetic trade flows (the bench graph of that scale)', Number, 100_000)
    .option('--shape <name>', 'query shape (bench/compare/shapes.ts, or op:<operation>)', 'flow-by-id')
    .option('--clients <n>', 'concurrent clients', Number, 8)
    .option('--duration <s>', 'seconds of load', Number, 20)
    .option('--tg-port <n>', 'tradegraph HTTP port', Number, 4106)
    .option('--bolt-port <n>', 'managed Neo4j Bolt port', Number, 7706)
    .option('--http-port <n>', 'managed Neo4j HTTP port', Number, 7406)
    .option('--dir <dir>', 'bench data folder', '.tradegraph/bench-compare')
    .option('--top <n>', 'rows per table', Number, 25)
    .option('--node-args <flags>', 'more Node/V8 flags for the server (e.g. --trace-gc), space-separated', '')
    .action(main)
    .parseAsync(process.argv)
    .catch((err: Error) => {
      process.stderr.write(`bench-cpu-profile: ${err.stack ?? err.message}\n`);
      process.exitCode = 1;
    });
}
