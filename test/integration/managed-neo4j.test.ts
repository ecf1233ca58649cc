/**
 * The managed Neo4j for real: a Java server from the cached jars, started on free ports in a
 * throwaway data dir. Besides start/query/stop, the suite proves the one promise that matters most:
 * no Java process outlives the Node process that started it, even when that Node process is
 * SIGKILLed (which no exit hook can see; the launcher's stdin watchdog does).
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { ManagedNeo4jConfig, loadConfig } from '../../src/config';
import { ManagedNeo4j, ManagedNeo4jError, status } from '../../src/neo4j/managed';
import { isProcessAlive } from '../../src/neo4j/managed/state';
import { PROJECT_ROOT } from '../../src/paths';

jest.setTimeout(240_000);

const quiet = { info: () => undefined, warn: (m: string) => process.stderr.write(`[managed-neo4j test] ${m}\n`) };

function configFor(dataDir: string): ManagedNeo4jConfig {
  // The project's own jar cache (shared with the global setup), a private data dir, free ports.
  const base = loadConfig({ ...process.env, NODE_ENV: 'test' }, PROJECT_ROOT).managed;
  return { ...base, dataDir, boltPort: 0, httpPort: 0, heap: '512m', pageCache: '64m' };
}

async function waitUntil(what: string, ok: () => boolean, timeoutMs: number): Promise<number> {
  const began = Date.now();
  while (!ok()) {
    if (Date.now() - began > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return Date.now() - began;
}

async function returnOne(boltUri: string): Promise<number> {
  const driver = neo4j.driver(boltUri, undefined, { disableLosslessIntegers: true });
  try {
    const { records } = await driver.executeQuery('RETURN 1 AS one');
    return records[0]!.get('one') as number;
  } finally {
    await driver.close();
  }
}

async function countMarkers(boltUri: string, create: boolean): Promise<number> {
  const driver = neo4j.driver(boltUri, undefined, { disableLosslessIntegers: true });
  try {
    if (create) await driver.executeQuery('CREATE (:ManagedNeo4jTestMarker)');
    const { records } = await driver.executeQuery('MATCH (m:ManagedNeo4jTestMarker) RETURN count(m) AS n');
    return records[0]!.get('n') as number;
  } finally {
    await driver.close();
  }
}

/**
 * A separate Node process that starts a ManagedNeo4j from the TypeScript sources (transpiled on
 * require, so no build is needed), prints the started server as one JSON line, then behaves as
 * `mode` says.
 */
const CHILD_SCRIPT = `
const fs = require('node:fs');
const ts = require('typescript');
require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(out.outputText, filename);
};
const { ManagedNeo4j } = require(process.env.TG_MANAGED_MODULE);
const cfg = JSON.parse(process.env.TG_MANAGED_CFG);
const mode = process.env.TG_MODE;
const log = { info: (m) => process.stderr.write(m + '\\n'), warn: (m) => process.stderr.write(m + '\\n') };
new ManagedNeo4j(cfg, log).start({ detached: mode === 'detached' }).then((s) => {
  process.stdout.write(JSON.stringify(s) + '\\n');
  if (mode === 'crash') setTimeout(() => { throw new Error('simulated crash'); }, 100);
  else if (mode === 'hang') setInterval(() => {}, 1000); // wait to be killed
  // detached: fall off the end; Node exits and the server keeps running
}, (err) => { process.stderr.write('start failed: ' + err.message + '\\n'); process.exit(3); });
`;

interface ChildRun {
  child: ChildProcess;
  started: { pid: number; boltUri: string };
  exited: Promise<number | null>;
  stderr: () => string;
}

async function startInChildProcess(cfg: ManagedNeo4jConfig, mode: 'hang' | 'crash' | 'detached'): Promise<ChildRun> {
  const child = spawn(process.execPath, ['-e', CHILD_SCRIPT], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      TG_MANAGED_MODULE: path.join(PROJECT_ROOT, 'src', 'neo4j', 'managed', 'index.ts'),
      TG_MANAGED_CFG: JSON.stringify(cfg),
      TG_MODE: mode,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitUntil('the child to print the started server', () => stdout.includes('\n') || child.exitCode !== null, 180_000);
  if (!stdout.includes('\n')) throw new Error(`child failed to start Neo4j: ${stderr}`);
  return { child, started: JSON.parse(stdout.split('\n')[0]!), exited, stderr: () => stderr };
}

describe('ManagedNeo4j (real Java server)', () => {
  const dirs: string[] = [];
  const javaPids: number[] = [];
  const newDataDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-managed-'));
    dirs.push(d);
    return d;
  };

  afterAll(() => {
    // Whatever a failed test left behind: only the servers this suite started.
    for (const pid of javaPids) if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('starts, answers RETURN 1, refuses a second server on the same data dir, stops, and keeps the data', async () => {
    const cfg = configFor(newDataDir());
    const server = new ManagedNeo4j(cfg, quiet);
    const [first, same] = await Promise.all([server.start(), server.start()]);
    javaPids.push(first.pid);
    expect(same.pid).toBe(first.pid); // concurrent starts share one server
    expect(first.boltUri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(first.version).toBe(cfg.version);
    expect(await returnOne(first.boltUri)).toBe(1);
    expect(await countMarkers(first.boltUri, true)).toBe(1);
    expect(await status(cfg)).toMatchObject({ running: true, pid: first.pid, boltUri: first.boltUri });

    const browser = await fetch(`${first.httpUrl}/browser/`);
    expect(browser.status).toBe(200);
    expect(await browser.text()).toContain('<title>Neo4j Browser</title>');

    const second = new ManagedNeo4j(cfg, quiet);
    await expect(second.start()).rejects.toThrow(ManagedNeo4jError);
    await expect(second.start()).rejects.toThrow(/already running on .*pid \d+/);

    await server.stop();
    expect(isProcessAlive(first.pid)).toBe(false);
    expect(await status(cfg)).toEqual({ running: false });
    await server.stop(); // idempotent

    // Same data dir, new process: the node written above is still there.
    const again = await server.start();
    javaPids.push(again.pid);
    expect(again.pid).not.toBe(first.pid);
    expect(await countMarkers(again.boltUri, false)).toBe(1);
    await server.stop();
    expect(isProcessAlive(again.pid)).toBe(false);
  });

  it('leaves no Java process when the Node process that started it is killed with SIGKILL', async () => {
    const cfg = configFor(newDataDir());
    const run = await startInChildProcess(cfg, 'hang');
    javaPids.push(run.started.pid);
    expect(await returnOne(run.started.boltUri)).toBe(1);

    run.child.kill('SIGKILL');
    await run.exited;
    const ms = await waitUntil('Java to exit after its parent was SIGKILLed', () => !isProcessAlive(run.started.pid), 30_000);
    process.stderr.write(`[managed-neo4j test] Java gone ${ms} ms after kill -9 of its Node parent\n`);
    // Neo4j routes System.err into its own log, so the launcher's farewell lands in neo4j.log.
    const neo4jLog = fs.readFileSync(path.join(cfg.dataDir, 'logs', 'neo4j.log'), 'utf8');
    expect(neo4jLog).toContain('tradegraph launcher: parent process is gone');
    expect(neo4jLog).toMatch(/Stopped\.\s*$/); // a clean shutdown, not a kill
    expect(await status(cfg)).toEqual({ running: false });
  });

  it('leaves no Java process when the Node process is ended by SIGTERM without a handler', async () => {
    const cfg = configFor(newDataDir());
    const run = await startInChildProcess(cfg, 'hang');
    javaPids.push(run.started.pid);
    run.child.kill('SIGTERM');
    await run.exited;
    await waitUntil('Java to exit after its parent got SIGTERM', () => !isProcessAlive(run.started.pid), 30_000);
  });

  it('leaves no Java process when the Node process dies of an uncaught exception', async () => {
    const cfg = configFor(newDataDir());
    const run = await startInChildProcess(cfg, 'crash');
    javaPids.push(run.started.pid);
    expect(await run.exited).not.toBe(0);
    await waitUntil('Java to exit after its parent crashed', () => !isProcessAlive(run.started.pid), 30_000);
    expect(run.stderr()).toContain('simulated crash');
  });

  it('reports a server that fails during startup with its log path and last lines, and leaves nothing running', async () => {
    const cfg = { ...configFor(newDataDir()), pageCache: 'lots' }; // Neo4j rejects this value at startup
    const err: Error = await new ManagedNeo4j(cfg, quiet).start().then(
      () => new Error('started unexpectedly'),
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(ManagedNeo4jError);
    expect(err.message).toMatch(/^Neo4j exited during startup \(exit \d+\)\. Logs: .*neo4j\.log/);
    expect(err.message).toContain('server.memory.pagecache.size');
    expect(await status(cfg)).toEqual({ running: false });
  });

  it('detached: outlives its starter, is found through the state file, and stops by pid', async () => {
    const cfg = configFor(newDataDir());
    const run = await startInChildProcess(cfg, 'detached');
    javaPids.push(run.started.pid);
    expect(await run.exited).toBe(0);

    expect(isProcessAlive(run.started.pid)).toBe(true);
    expect(await returnOne(run.started.boltUri)).toBe(1);
    expect(await status(cfg)).toMatchObject({ running: true, pid: run.started.pid, detached: true });
    await expect(new ManagedNeo4j(cfg, quiet).start()).rejects.toThrow(/already running.*started detached/);

    await ManagedNeo4j.stopDetached(cfg, quiet);
    expect(isProcessAlive(run.started.pid)).toBe(false);
    expect(await status(cfg)).toEqual({ running: false });
  });
});
