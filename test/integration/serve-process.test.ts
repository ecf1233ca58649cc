/**
 * The real `tradegraph serve` process with a managed Neo4j: it comes up, answers, and on
 * SIGTERM stops Neo4j too, leaving no Java process behind.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js');

function javaChildren(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid), 'java'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('tradegraph serve (managed Neo4j)', () => {
  let child: ChildProcess | undefined;
  let dataDir: string;

  beforeAll(() => {
    expect(fs.existsSync(CLI)).toBe(true); // `npm test` builds first
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-serve-'));
  });

  afterAll(() => {
    if (child?.pid && alive(child.pid)) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves GraphQL, then stops Neo4j on SIGTERM', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', TRADEGRAPH_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0', NEO4J_HTTP_PORT: '0', NEO4J_HEAP: '512m', LOG_LEVEL: 'warn' };
    delete env.NEO4J_URI;
    child = spawn(process.execPath, [CLI, 'serve', '--no-seed'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', () => undefined);
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    const url = await waitFor('the GraphQL URL', () => /GraphQL at (\S+)/.exec(stderr)?.[1], 150_000);
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    const ready = await fetch(url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);

    const javas = javaChildren(child.pid!);
    expect(javas).toHaveLength(1);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await waitFor('Java to exit', () => (javas.some(alive) ? undefined : true), 30_000);
    expect(javas.filter(alive)).toEqual([]);
  });
});
