/**
 * Fault runs against a real `tradegraph serve` with its managed Neo4j (its own data folder and free
 * ports), under load from N clients that send the example operations in a loop:
 *   1. kill -9 of Neo4j's Java process: how long until requests succeed again, the slowest request
 *      meanwhile, and how many took longer than the deadline;
 *   2. Neo4j frozen (SIGSTOP) for --freeze seconds, then SIGCONT: request latencies, the codes they
 *      got, /ready's answer time while frozen, and the time to recover;
 *   3. SIGTERM to the server under load: requests cut (accepted, then reset), exit code, the
 *      "stopped" line, and whether any Java process is left.
 *
 *   npm run build && node dist/bench/faults.js --clients 10 --port 4103
 *
 * Takes a few minutes (two Neo4j starts). Prints a Markdown report.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { PROJECT_ROOT } from '../src/neo4j/queries';
import { loadOperations } from './load';
import { percentile } from './load';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js');

interface Sample {
  start: number;
  end: number;
  status: number | string;
  code?: string;
  /** The example operation sent (its index in `operations/`). */
  op: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/s.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

class Server {
  child!: ChildProcess;
  log = '';
  exited!: Promise<number | null>;
  constructor(
    readonly port: number,
    readonly dataDir: string,
    readonly timeoutMs: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: String(this.port), HOST: '127.0.0.1', TRADEGRAPH_DATA_DIR: this.dataDir, NEO4J_BOLT_PORT: '0', NEO4J_HTTP_PORT: '0', NEO4J_HEAP: '1g', REQUEST_TIMEOUT_MS: String(this.timeoutMs), LOG_LEVEL: 'info' };
    delete env.NEO4J_URI;
    this.child = spawn(process.execPath, [CLI, 'serve'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => (this.log += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.log += d.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    const began = Date.now();
    while ((await this.ready()).status !== 200) {
      if (this.child.exitCode !== null) throw new Error(`server exited: ${this.log.slice(-2000)}`);
      if (Date.now() - began > 300_000) throw new Error('server not ready in 300 s');
      await sleep(500);
    }
  }

  /** Neo4j's pid from the state file (absent while a crashed server is being restarted). */
  javaPid(): number | undefined {
    try {
      return (JSON.parse(fs.readFileSync(path.join(this.dataDir, 'tradegraph-neo4j.json'), 'utf8')) as { pid: number }).pid;
    } catch {
      return undefined;
    }
  }

  async ready(): Promise<{ status: number; ms: number }> {
    const began = Date.now();
    try {
      const res = await fetch(`${this.url}/ready`, { signal: AbortSignal.timeout(10_000) });
      await res.text();
      return { status: res.status, ms: Date.now() - began };
    } catch {
      return { status: 0, ms: Date.now() - began };
    }
  }
}

/** N clients sending the operations in a loop until stop() is called. */
class Load {
  samples: Sample[] = [];
  private running = true;
  private readonly done: Promise<void>;
  /**
   * `honourRetryAfter`: a client told 503 with Retry-After waits that long before its next request,
   * as HTTP asks (RFC 9110 10.2.3); without it, clients retry at once, a tight loop of fast 503s that
   * competes with Neo4j's restart for the CPU (both are reported).
   */
  constructor(url: string, clients: number, bodies: string[], honourRetryAfter = true) {
    const client = async (i: number) => {
      let n = i;
      while (this.running) {
        const op = n++ % bodies.length;
        const body = bodies[op]!;
        const start = Date.now();
        try {
          const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(60_000) });
          const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
          this.samples.push({ start, end: Date.now(), status: res.status, code: json.errors?.[0]?.extensions?.code, op });
          const retryAfter = Number(res.headers.get('retry-after'));
          if (honourRetryAfter && res.status === 503 && retryAfter > 0) await sleep(retryAfter * 1000);
        } catch (err) {
          const cause = ((err as Error).cause as NodeJS.ErrnoException | undefined)?.code ?? (err as Error).name;
          this.samples.push({ start, end: Date.now(), status: cause, op });
          if (cause === 'ECONNREFUSED') await sleep(50);
        }
      }
    };
    this.done = Promise.all(Array.from({ length: clients }, (_, i) => client(i))).then(() => undefined);
  }
  async stop(): Promise<Sample[]> {
    this.running = false;
    await this.done;
    return this.samples;
  }
}

const ok = (s: Sample) => s.status === 200 && !s.code;

/** For each operation, seconds from `t0` to the end of its first successful request (which ones a restart serves first). */
function firstSuccessPerOperation(xs: Sample[], operations: { name: string }[], t0: number): string {
  return operations
    .map((op, i) => {
      const first = xs.filter((s) => s.op === i && ok(s)).sort((a, b) => a.end - b.end)[0];
      return { name: op.name, at: first ? (first.end - t0) / 1000 : Infinity };
    })
    .sort((a, b) => a.at - b.at)
    .map(({ name, at }) => `${name} ${Number.isFinite(at) ? at.toFixed(1) + ' s' : 'never'}`)
    .join(', ');
}

/** Per second since `t0`: requests that ended in it, as `ok/all`, for the report's timeline line. */
function timeline(xs: Sample[], t0: number, seconds: number): string {
  const cells: string[] = [];
  for (let i = 0; i < seconds; i++) {
    const inIt = xs.filter((x) => x.end >= t0 + i * 1000 && x.end < t0 + (i + 1) * 1000);
    cells.push(`${inIt.filter(ok).length}/${inIt.length}`);
  }
  return cells.join(' ');
}
const tally = (xs: Sample[]) => Object.entries(xs.reduce<Record<string, number>>((m, s) => ((m[`${s.status}${s.code ? ' ' + s.code : ''}`] = (m[`${s.status}${s.code ? ' ' + s.code : ''}`] ?? 0) + 1), m), {})).map(([k, v]) => `${k}: ${v}`).join(', ');

async function main(): Promise<void> {
  const o = new Command()
    .option('--clients <n>', 'concurrent clients', (v) => Number(v), 10)
    .option('--port <n>', 'HTTP port of the server under test', (v) => Number(v), 4103)
    .option('--timeout <ms>', 'REQUEST_TIMEOUT_MS of the server', (v) => Number(v), 15_000)
    .option('--freeze <s>', 'seconds Neo4j stays frozen', (v) => Number(v), 20)
    .option('--only <runs>', 'comma-separated subset of kill,freeze,term', 'kill,freeze,term')
    .option('--after <s>', 'seconds of load kept after Neo4j is back (kill) or thawed (freeze)', (v) => Number(v), 10)
    .option('--log <file>', 'write the server log here')
    .option('--ignore-retry-after', 'clients retry a 503 at once instead of waiting its Retry-After')
    .parse()
    .opts<{ clients: number; port: number; timeout: number; freeze: number; only: string; after: number; log?: string; ignoreRetryAfter?: boolean }>();
  const runs = new Set(o.only.split(','));
  const operations = loadOperations(path.join(PROJECT_ROOT, 'operations'));
  const bodies = operations.map((op) => op.body);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-faults-'));
  const retries = o.ignoreRetryAfter ? 'a 503 retried at once' : "a 503 retried after its Retry-After";
  const out: string[] = [`## Fault runs: ${o.clients} clients (${retries}), deadline ${o.timeout} ms, ${os.cpus().length} cores (load average ${os.loadavg()[0]!.toFixed(1)})`, ''];
  const server = new Server(o.port, dataDir, o.timeout);
  try {
    await server.start();
    // Warm up: the first run of each operation plans its queries.
    for (const body of bodies) await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    let load: Load;
    let samples: Sample[];
    // 1. kill -9
    if (runs.has('kill')) {
    load = new Load(server.url, o.clients, bodies, !o.ignoreRetryAfter);
    await sleep(5_000);
    const killedPid = server.javaPid()!;
    const killedAt = Date.now();
    process.kill(killedPid, 'SIGKILL');
    await sleep(1_000);
    while (server.javaPid() === undefined || server.javaPid() === killedPid || (await server.ready()).status !== 200) {
      if (Date.now() - killedAt > 300_000) break;
      await sleep(250);
    }
    const backAt = Date.now();
    await sleep(o.after * 1000);
    samples = await load.stop();
    const after = samples.filter((s) => s.start >= killedAt);
    const firstOk = after.filter(ok).sort((a, b) => a.end - b.end)[0];
    const during = after.filter((s) => !firstOk || s.start < firstOk.end);
    out.push(
      '### Neo4j killed (kill -9) under load',
      '',
      `- back and serving after ${firstOk ? ((firstOk.end - killedAt) / 1000).toFixed(1) + ' s' : 'NEVER'} (first successful request after the kill)`,
      `- requests during the outage: ${during.length} (${tally(during)}); slowest ${Math.max(0, ...during.map((s) => s.end - s.start))} ms; over the deadline: ${during.filter((s) => s.end - s.start > o.timeout + 1_000).length}`,
      `- server log: ${(server.log.match(/exited unexpectedly[^"]*/) ?? ['(no exit line)'])[0]}; ${[...server.log.matchAll(/Neo4j ready in [0-9.]+ s/g)].pop()?.[0] ?? '(no ready line)'}; ${(server.log.match(/Replayed [^"]*/) ?? ['(no reads replayed)'])[0]}; ${(server.log.match(/Neo4j is back after [^"]*/) ?? ['(no back line)'])[0]}`,
      `- /ready 200 again after ${((backAt - killedAt) / 1000).toFixed(1)} s; successful/ended requests per second after the kill: ${timeline(samples, killedAt, Math.ceil((Date.now() - killedAt) / 1000))}`,
      `- first success per operation after the kill: ${firstSuccessPerOperation(after, operations, killedAt)}`,
      '',
    );
    }

    // 2. freeze
    if (runs.has('freeze')) {
    load = new Load(server.url, o.clients, bodies, !o.ignoreRetryAfter);
    await sleep(3_000);
    const frozenPid = server.javaPid()!;
    const frozenAt = Date.now();
    process.kill(frozenPid, 'SIGSTOP');
    const readies: { status: number; ms: number }[] = [];
    while (Date.now() - frozenAt < o.freeze * 1000) {
      readies.push(await server.ready());
      await sleep(1_000);
    }
    const thawedAt = Date.now();
    process.kill(frozenPid, 'SIGCONT');
    await sleep(Math.max(o.after * 1000, o.timeout + 5_000));
    samples = await load.stop();
    const frozen = samples.filter((s) => s.start >= frozenAt && s.start < thawedAt);
    const lat = frozen.map((s) => s.end - s.start).sort((a, b) => a - b);
    const back = samples.filter((s) => s.start >= thawedAt && ok(s)).sort((a, b) => a.end - b.end)[0];
    out.push(
      `### Neo4j frozen (SIGSTOP) for ${o.freeze} s under load`,
      '',
      `- requests started while frozen: ${frozen.length} (${tally(frozen)}); latency p50 ${percentile(lat, 50)} ms, max ${lat[lat.length - 1]} ms; over deadline + 1 s: ${frozen.filter((s) => s.end - s.start > o.timeout + 1_000).length}`,
      `- /ready while frozen: ${readies.map((r) => `${r.status} in ${r.ms} ms`).join(', ')}`,
      `- first success after SIGCONT: ${back ? ((back.end - thawedAt) / 1000).toFixed(1) + ' s' : 'none'}; successful/ended requests per second after SIGCONT: ${timeline(samples, thawedAt, Math.ceil((Date.now() - thawedAt) / 1000))}`,
      '',
    );
    }

    // 3. SIGTERM under load
    if (runs.has('term')) {
    const javaPid = server.javaPid()!;
    load = new Load(server.url, o.clients, bodies, !o.ignoreRetryAfter);
    await sleep(5_000);
    const termAt = Date.now();
    server.child.kill('SIGTERM');
    const code = await server.exited;
    const stoppedAt = Date.now();
    samples = await load.stop();
    const inFlight = samples.filter((s) => s.start < termAt && s.end >= termAt);
    const cut = inFlight.filter((s) => typeof s.status === 'string');
    await sleep(2_000);
    out.push(
      '### SIGTERM under load',
      '',
      `- exit code ${code} after ${((stoppedAt - termAt) / 1000).toFixed(1)} s; log says "stopped": ${/"msg":"stopped"/.test(server.log) ? 'yes' : 'NO'}`,
      `- requests in flight at SIGTERM: ${inFlight.length}, cut: ${cut.length} (${tally(inFlight)})`,
      `- Java process ${javaPid} left: ${alive(javaPid) ? 'YES' : 'no'}`,
      '',
    );
    }
  } finally {
    if (server.child?.exitCode === null) server.child.kill('SIGKILL');
    process.stdout.write(out.join('\n') + '\n');
    if (o.log) fs.writeFileSync(o.log, server.log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
