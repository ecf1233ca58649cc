/**
 * Cold planning of two catalogs' texts, in one run on one Neo4j: for each example operation
 * (operations/*.graphql), the Cypher it runs is captured twice, with the variants the `--before`
 * ref's cypher/ renders (default: the `main` branch, extracted with `git archive`) and with this
 * checkout's; then, per operation and side, interleaved:
 *   - planning: `CALL db.clearQueryCaches()`, then an EXPLAIN of each captured query with its
 *     parameters (what the operation's first request plans);
 *   - first request: `CALL db.clearQueryCaches()`, then the operation over HTTP (tradegraph's app on
 *     the side's catalog): what a user pays after a start;
 * and the start-up planning of each side (`startupVariants` of its catalog), each after clearing
 * the caches. Both sides run on this checkout's resolvers, so `--before` must name a ref whose
 * queries take the parameters they send (a branch's base, typically). Session 5 compared main's
 * unguarded texts as written with the first variants (bench/compare/README.md, "Cold plans"); those
 * texts no longer run against today's resolvers.
 *
 *   npm run build && node dist/bench/plan-time.js --bolt-port 7700 --http-port 7480 --rounds 2
 *
 * Its own managed Neo4j (data in .tradegraph/bench-plans, the seed graph). Prints Markdown.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../src/config';
import { buildAppSchema } from '../src/graphql/schema';
import { createHttpApp } from '../src/http/app';
import { seedIfChanged } from '../src/ingest/seed';
import { createLogger } from '../src/logger';
import { refreshAggregates } from '../src/neo4j/aggregates';
import type { Database, Params } from '../src/neo4j/database';
import { migrate } from '../src/neo4j/migrations';
import { ensureModelSchema } from '../src/neo4j/model-schema';
import { startupVariants } from '../src/neo4j/plans';
import { QueryCatalog, Slots } from '../src/neo4j/queries';
import { openNeo4j } from '../src/neo4j/runtime';
import { exampleOperations } from '../src/operations';
import { PROJECT_ROOT } from '../src/paths';

interface Captured {
  text: string;
  params: Params;
}

/** A catalog that notes every text it hands out with its parameters. */
class CapturingCatalog extends QueryCatalog {
  captured: Captured[] = [];
  override variant(name: string, params: Params, slots?: Slots): string {
    const text = super.variant(name, params, slots);
    this.captured.push({ text, params });
    return text;
  }
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function explainAll(db: Database, list: Captured[]): Promise<number> {
  await db.write('CALL db.clearQueryCaches()');
  const t0 = process.hrtime.bigint();
  for (const q of list) await db.read(`EXPLAIN ${q.text}`, q.params);
  return ms(t0);
}

async function main(): Promise<void> {
  const opts = new Command()
    .option('--bolt-port <n>', 'Bolt port of the bench Neo4j', '7700')
    .option('--http-port <n>', 'HTTP port of the bench Neo4j', '7480')
    .option('--data-dir <dir>', 'its data folder', path.join(PROJECT_ROOT, '.tradegraph', 'bench-plans'))
    .option('--before <ref>', 'the git ref whose cypher/ is the "before" side', 'main')
    .option('--rounds <n>', 'measurements per operation and side', '2')
    .option('--skip-startup', 'do not time the start-up planning')
    .parse()
    .opts<{ boltPort: string; httpPort: string; dataDir: string; before: string; rounds: string; skipStartup?: boolean }>();
  const rounds = Number(opts.rounds);
  const beforeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-before-cypher-'));
  execSync(`git archive ${opts.before} cypher | tar -x -C ${beforeDir}`, { cwd: PROJECT_ROOT, shell: '/bin/bash' });
  const rev = execSync(`git rev-parse --short ${opts.before}`, { cwd: PROJECT_ROOT }).toString().trim();
  const head = execSync('git rev-parse --short HEAD', { cwd: PROJECT_ROOT }).toString().trim();

  const config = loadConfig({ ...process.env, NODE_ENV: 'development', TRADEGRAPH_DATA_DIR: opts.dataDir, NEO4J_BOLT_PORT: opts.boltPort, NEO4J_HTTP_PORT: opts.httpPort, REQUEST_TIMEOUT_MS: '120000', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
  const say = { info: (m: string) => process.stderr.write(`${m}\n`), warn: (m: string) => process.stderr.write(`${m}\n`) };
  const runtime = await openNeo4j(config, say);
  const db = runtime.db;
  try {
    await migrate(db);
    await ensureModelSchema(db);
    const seeded = await seedIfChanged(db);
    if (!seeded.skipped) await refreshAggregates(db);
    const sides = {
      before: new CapturingCatalog(path.join(beforeDir, 'cypher')),
      after: new CapturingCatalog(path.join(PROJECT_ROOT, 'cypher')),
    };
    const schema = await buildAppSchema();
    const apps = {
      before: await createHttpApp(schema, { config, db, queries: sides.before }, createLogger('silent')),
      after: await createHttpApp(schema, { config, db, queries: sides.after }, createLogger('silent')),
    };
    const base: Record<string, string> = {};
    for (const side of ['before', 'after'] as const) {
      await apps[side].listen();
      base[side] = `http://127.0.0.1:${(apps[side].httpServer.address() as AddressInfo).port}/graphql`;
    }
    const run = async (side: 'before' | 'after', op: ReturnType<typeof exampleOperations>[number]) => {
      const t0 = process.hrtime.bigint();
      const res = await fetch(base[side]!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: op.query, variables: op.variables ? JSON.parse(op.variables) : {}, operationName: op.operationName }),
      });
      const body = (await res.json()) as { errors?: { message: string }[] };
      if (body.errors) throw new Error(`${op.name} (${side}): ${body.errors[0]!.message}`);
      return ms(t0);
    };
    const ops = exampleOperations();
    // What each operation runs, on each side (its answer is the same: the integration tests say so).
    const captured: Record<string, Record<'before' | 'after', Captured[]>> = {};
    for (const op of ops) {
      captured[op.name] = { before: [], after: [] };
      for (const side of ['before', 'after'] as const) {
        sides[side].captured = [];
        await run(side, op);
        captured[op.name]![side] = sides[side].captured;
      }
    }
    // One pass of everything first: the JVM's JIT is warm for both sides alike.
    for (const op of ops) for (const side of ['before', 'after'] as const) await explainAll(db, captured[op.name]![side]);
    const rows: string[] = [];
    const tot = { planB: 0, planA: 0, firstB: 0, firstA: 0 };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const op of ops) {
      const plan: Record<'before' | 'after', number[]> = { before: [], after: [] };
      const first: Record<'before' | 'after', number[]> = { before: [], after: [] };
      for (let r = 0; r < rounds; r++) {
        const order = r % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
        for (const side of order) plan[side].push(await explainAll(db, captured[op.name]![side]));
        for (const side of order) {
          await db.write('CALL db.clearQueryCaches()');
          first[side].push(await run(side, op));
        }
      }
      const pb = median(plan.before);
      const pa = median(plan.after);
      const fb = median(first.before);
      const fa = median(first.after);
      tot.planB += pb;
      tot.planA += pa;
      tot.firstB += fb;
      tot.firstA += fa;
      const chars = (l: Captured[]) => Math.round(l.reduce((a, q) => a + q.text.length, 0) / 1000);
      rows.push(
        `| ${op.name} | ${captured[op.name]!.after.length} | ${chars(captured[op.name]!.before)}k / ${chars(captured[op.name]!.after)}k | ${pb.toFixed(0)} | ${pa.toFixed(0)} | ${(pb / pa).toFixed(1)}x | ${fb.toFixed(0)} | ${fa.toFixed(0)} | ${(fb / fa).toFixed(1)}x |`,
      );
    }
    const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
    const out: string[] = [];
    out.push(`Cold planning per example operation, ${opts.before} (${rev}) vs this checkout (${head}), seed graph, ${rounds} rounds (median), load average ${load()}`);
    out.push('');
    out.push('| operation | queries | query text before / after | planning ms before | after | before/after | first request ms before | after | before/after |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    out.push(...rows);
    out.push(`| **all** | | | ${tot.planB.toFixed(0)} | ${tot.planA.toFixed(0)} | ${(tot.planB / tot.planA).toFixed(1)}x | ${tot.firstB.toFixed(0)} | ${tot.firstA.toFixed(0)} | ${(tot.firstB / tot.firstA).toFixed(1)}x |`);
    if (!opts.skipStartup) {
      const list = (side: 'before' | 'after') => startupVariants(sides[side]).map((v) => ({ text: v.text, params: v.params }));
      const beforeList = list('before');
      const afterList = list('after');
      const sb = await explainAll(db, beforeList);
      const sa = await explainAll(db, afterList);
      out.push('');
      out.push(`Start-up planning (caches cleared, load average ${load()}): before ${beforeList.length} variants in ${(sb / 1000).toFixed(1)} s; after ${afterList.length} variants in ${(sa / 1000).toFixed(1)} s (${(sb / sa).toFixed(1)}x).`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
    for (const side of ['before', 'after'] as const) await apps[side].close();
  } finally {
    await runtime.close();
    fs.rmSync(beforeDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
