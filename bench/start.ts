/**
 * Start-up time of `npm start` to `/ready`, first start (an empty data folder: new store, seed
 * applied) and later starts (same folder: the store, its password and the seed record exist), with
 * a per-phase breakdown read from the server's own log lines, the load average before each run and
 * the shutdown (SIGTERM to exit, the "stopped" line).
 *
 *   npm run build && node dist/bench/start.js --port 4600 --runs 3
 *
 * Each run is a real `npm start` (the build check included) with its own managed Neo4j on free
 * Bolt/HTTP ports; the data folder is a fresh temporary one unless --data-dir is given. Prints a
 * Markdown table.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { PROJECT_ROOT } from '../src/paths';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The log lines that close a phase, in start-up order (the message each begins with). */
export const MILESTONES: { phase: string; msg: RegExp }[] = [
  { phase: 'node + build check', msg: /^(Starting Neo4j|Connecting to Neo4j)/ },
  { phase: "Neo4j's own start", msg: /^Neo4j ready in/ },
  { phase: 'connect + credentials', msg: /^(Local Neo4j|Using Neo4j)/ },
  { phase: 'migration check', msg: /^migrations done/ },
  { phase: 'seed check', msg: /^seed / },
  { phase: 'schema + HTTP', msg: /^GraphQL ready at/ },
];

export interface LogLine {
  time: number;
  msg: string;
  [k: string]: unknown;
}

export function parseLogLines(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .flatMap((l) => {
      try {
        const j = JSON.parse(l) as LogLine;
        return typeof j.time === 'number' && typeof j.msg === 'string' ? [j] : [];
      } catch {
        return [];
      }
    });
}

/** Milliseconds of each phase: from the previous milestone (or the spawn) to this one's log line. */
export function phases(lines: LogLine[], spawnedAt: number): { phase: string; ms: number }[] {
  let last = spawnedAt;
  const out: { phase: string; ms: number }[] = [];
  for (const m of MILESTONES) {
    const line = lines.find((l) => m.msg.test(l.msg));
    if (!line) continue;
    out.push({ phase: m.phase, ms: line.time - last });
    last = line.time;
  }
  return out;
}

interface RunResult {
  label: string;
  load: string;
  readyMs: number;
  cpu: { node: number; neo4j: number };
  phases: { phase: string; ms: number }[];
  readyLine?: LogLine;
  stopMs: number;
  stoppedLine: boolean;
  exitCode: number | null;
}

function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' ');
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 when it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / CLOCK_TICKS; // utime stime cutime cstime
  } catch {
    return 0;
  }
}

/** The processes of a process group (npm, its shell and the server), from /proc. */
function groupPids(pgid: number): number[] {
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === pgid;
    } catch {
      return false;
    }
  });
}

/** CPU used by the start: npm's group (the build check ran as a child: counted in cutime) and Neo4j's JVM. */
function startCpu(pgid: number, dataDir: string): { node: number; neo4j: number } {
  const node = groupPids(pgid).reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  let neo4j = 0;
  try {
    neo4j = cpuSeconds((JSON.parse(fs.readFileSync(path.join(dataDir, 'tradegraph-neo4j.json'), 'utf8')) as { pid: number }).pid);
  } catch {
    // no state file: not a managed Neo4j
  }
  return { node, neo4j };
}

async function readyStatus(port: number): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(2_000) });
    await res.text();
    return res.status;
  } catch {
    return 0;
  }
}

async function oneRun(label: string, port: number, dataDir: string, timeoutMs: number): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', TRADEGRAPH_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0', NEO4J_HTTP_PORT: '0', LOG_LEVEL: 'info' };
  delete env.NEO4J_URI;
  const load = loadAverage();
  let log = '';
  const spawnedAt = Date.now();
  // Its own process group, so that the SIGTERM reaches npm and the server as a Ctrl-C would.
  const child: ChildProcess = spawn('npm', ['start', '--silent'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  // 'close': npm and the server it runs have both ended (the server holds the pipes until it exits).
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  try {
    while ((await readyStatus(port)) !== 200) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${log.slice(-3000)}`);
      if (Date.now() - spawnedAt > timeoutMs) throw new Error(`not ready in ${timeoutMs / 1000} s:\n${log.slice(-3000)}`);
      await sleep(100);
    }
    const readyMs = Date.now() - spawnedAt;
    const cpu = startCpu(child.pid!, dataDir);
    await sleep(300); // the last log lines
    const lines = parseLogLines(log);
    const termAt = Date.now();
    process.kill(-child.pid!, 'SIGTERM');
    const exitCode = await exited;
    const stopMs = Date.now() - termAt;
    const all = parseLogLines(log);
    return {
      label,
      load,
      readyMs,
      cpu,
      phases: phases(lines, spawnedAt),
      readyLine: lines.find((l) => /^ready in/.test(l.msg)),
      stopMs,
      stoppedLine: all.some((l) => l.msg === 'stopped'),
      exitCode,
    };
  } finally {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
}

const s = (ms: number) => (ms / 1000).toFixed(2);

function toMarkdown(results: RunResult[]): string {
  const names = MILESTONES.map((m) => m.phase);
  return [
    `| run | load average (1, 5, 15 min) | to /ready s | CPU s: Node / Neo4j | ${names.join(' s | ')} s | SIGTERM to exit s | "stopped" logged | exit code |`,
    `|---|---|---:|---:|${names.map(() => '---:').join('|')}|---:|---|---:|`,
    ...results.map((r) => {
      const cells = names.map((n) => {
        const p = r.phases.find((x) => x.phase === n);
        return p ? s(p.ms) : '-';
      });
      return `| ${r.label} | ${r.load} | ${s(r.readyMs)} | ${r.cpu.node.toFixed(1)} / ${r.cpu.neo4j.toFixed(1)} | ${cells.join(' | ')} | ${s(r.stopMs)} | ${r.stoppedLine ? 'yes' : 'NO'} | ${r.exitCode} |`;
    }),
  ].join('\n');
}

async function main(): Promise<void> {
  const o = new Command('bench-start')
    .description('Time npm start to /ready: a first start on an empty data folder, then later starts on the same folder')
    .option('--port <n>', 'HTTP port of the server under test', (v) => Number(v), 4600)
    .option('--runs <n>', 'starts in all (the first on an empty folder)', (v) => Number(v), 3)
    .option('--data-dir <dir>', 'data folder to start on (default: a new temporary one, removed afterwards)')
    .option('--timeout <s>', 'seconds a start may take', (v) => Number(v), 600)
    .parse()
    .opts<{ port: number; runs: number; dataDir?: string; timeout: number }>();
  const dataDir = o.dataDir ? path.resolve(o.dataDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-start-'));
  const fresh = !o.dataDir || !fs.existsSync(path.join(dataDir, 'data'));
  const results: RunResult[] = [];
  try {
    for (let i = 0; i < o.runs; i++) {
      const label = i === 0 && fresh ? 'first (empty data folder)' : `later start ${i + (fresh ? 0 : 1)}`;
      process.stderr.write(`${label}...\n`);
      const r = await oneRun(label, o.port, dataDir, o.timeout * 1000);
      results.push(r);
      process.stderr.write(`  ready in ${s(r.readyMs)} s (load ${r.load})${r.readyLine ? ` ${JSON.stringify(r.readyLine.phasesMs)}` : ''}\n`);
    }
  } finally {
    process.stdout.write(`## npm start to /ready (${os.cpus().length} cores)\n\n${toMarkdown(results)}\n`);
    for (const r of results) if (r.readyLine) process.stdout.write(`\n${r.label}: server's own phases (ms): ${JSON.stringify(r.readyLine.phasesMs)}\n`);
    if (!o.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`bench-start: ${err.message}\n`);
    process.exitCode = 1;
  });
}
