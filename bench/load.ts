/**
 * Load test of the example operations against a running server (loopback only):
 * throughput, p50/p95/p99 latency and Cypher queries per request, as a Markdown table.
 *
 *   node dist/bench/load.js --url http://127.0.0.1:4000/graphql --duration 10 --connections 8
 *
 * Each operation in operations/*.graphql is sent with the variables of the matching
 * `*.variables.json`, if any. The Cypher count comes from one probe request with the
 * `x-tradegraph-stats: 1` header; the load itself runs without it.
 */
import path from 'node:path';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { exampleOperations } from '../src/operations';
import { PROJECT_ROOT } from '../src/paths';

export interface OperationResult {
  operation: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  cypherQueries: number | null;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const rank = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[rank]!;
}

/** The example operations of `dir` as request bodies (read by the GraphiQL page's reader). */
export function loadOperations(dir: string): { name: string; body: string }[] {
  return exampleOperations(dir).map(({ name, query, variables }) => ({ name, body: JSON.stringify({ query, variables: variables ? JSON.parse(variables) : {} }) }));
}

async function probeCypherCount(url: string, body: string): Promise<number | null> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tradegraph-stats': '1' }, body });
  const json = (await res.json()) as { errors?: unknown[]; extensions?: { stats?: { cypherQueries: number } } };
  if (json.errors) throw new Error(`operation fails: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json.extensions?.stats?.cypherQueries ?? null;
}

/**
 * One autocannon run of `requests` (each connection sends them in turn), as a result row. With
 * `checkBodies`, a GraphQL error inside an HTTP 200 answer (partial data) counts as an error too.
 */
async function run(url: string, operation: string, bodies: string[], seconds: number, connections: number, checkBodies: boolean, cypherQueries: number | null): Promise<OperationResult> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  const onResponse = (status: number, body: string) => {
    if (status === 200 && body.includes('"errors"') && (JSON.parse(body) as { errors?: unknown[] }).errors?.length) graphqlErrors += 1;
  };
  const requests = bodies.map((body) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body, ...(checkBodies ? { onResponse } : {}) }));
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, requests, connections, duration: seconds }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return {
    operation,
    requests: result.requests.total,
    errors: result.errors + result.non2xx + graphqlErrors,
    rps: Math.round((result.requests.total / seconds) * 10) / 10,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    cypherQueries,
  };
}

export async function loadOne(url: string, name: string, body: string, seconds: number, connections: number): Promise<OperationResult> {
  return run(url, name, [body], seconds, connections, false, await probeCypherCount(url, body));
}

/**
 * All operations in one run: each connection sends them in turn (autocannon's `requests` list),
 * for `seconds` in all, the way a server meets a mix of clients. One row, named "all (mixed)".
 */
export async function loadMixed(url: string, ops: { name: string; body: string }[], seconds: number, connections: number): Promise<OperationResult> {
  return run(url, `all ${ops.length} (mixed)`, ops.map((op) => op.body), seconds, connections, true, null);
}

export function toMarkdown(rows: OperationResult[]): string {
  const f = (n: number) => n.toFixed(1);
  return [
    '| operation | req/s | p50 ms | p95 ms | p99 ms | Cypher queries/request | errors |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.operation} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.cypherQueries ?? 'n/a'} | ${r.errors} |`),
  ].join('\n');
}

if (require.main === module) {
  new Command('bench-load')
    .description('Load the example operations against a running tradegraph server and report latency percentiles')
    .option('--url <url>', 'GraphQL endpoint (loopback)', 'http://127.0.0.1:4000/graphql')
    .option('--duration <s>', 'seconds per operation', Number, 10)
    .option('--connections <n>', 'concurrent connections', Number, 8)
    .option('--operations <dir>', 'folder of .graphql operations', path.join(PROJECT_ROOT, 'operations'))
    .option('--only <name>', 'run only operations whose name contains this')
    .option('--mixed', 'one run of --duration seconds in which every connection sends all the operations in turn')
    .action(async (o) => {
      const host = new URL(o.url).hostname;
      if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error('bench/load only targets loopback addresses');
      const rows: OperationResult[] = [];
      const ops = loadOperations(o.operations).filter((x) => !o.only || x.name.includes(o.only));
      if (o.mixed) {
        for (const op of ops) await probeCypherCount(o.url, op.body); // each answers without errors (and is planned) first
        process.stderr.write(`loading ${ops.length} operations, mixed, for ${o.duration}s with ${o.connections} connections...\n`);
        rows.push(await loadMixed(o.url, ops, o.duration, o.connections));
        process.stdout.write(toMarkdown(rows) + '\n');
        return;
      }
      for (const op of ops) {
        process.stderr.write(`loading ${op.name} for ${o.duration}s with ${o.connections} connections...\n`);
        rows.push(await loadOne(o.url, op.name, op.body, o.duration, o.connections));
      }
      process.stdout.write(toMarkdown(rows) + '\n');
    })
    .parseAsync(process.argv)
    .catch((err: Error) => {
      process.stderr.write(`bench-load: ${err.message}\n`);
      process.exitCode = 1;
    });
}
