/**
 * The managed Neo4j as an operator sees it, on a server of its own (not the run's shared one):
 *   - it is not an open door: auth is on, and a web page on another origin can neither write
 *     Cypher through the HTTP API nor read its answers;
 *   - killed (kill -9), its exit is noticed and logged at once, requests fail fast with
 *     SERVICE_UNAVAILABLE and HTTP 503, /ready says 503, and it is restarted on the same ports;
 *   - with no restart allowed, the owner is told to give up (the serve command exits 1).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { buildAppSchema } from '../../src/graphql/schema';
import { createHttpApp, HttpApp } from '../../src/http/app';
import { createLogger } from '../../src/logger';
import { openNeo4j, Neo4jRuntime } from '../../src/neo4j/runtime';
import { QueryCatalog } from '../../src/neo4j/queries';
import { readCredentials } from '../../src/neo4j/managed';
import { readState } from '../../src/neo4j/managed/state';
import { migrate } from '../../src/neo4j/migrations';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const began = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() - began > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

function managedConfig(dataDir: string, restarts: number) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', TRADEGRAPH_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0', NEO4J_HTTP_PORT: '0', NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m', NEO4J_RESTARTS: String(restarts), PORT: '0', HOST: '127.0.0.1', REQUEST_TIMEOUT_MS: '120000' };
  delete env.NEO4J_URI;
  return loadConfig(env);
}

describe('managed Neo4j: locked, supervised', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-supervised-'));
  const lines: string[] = [];
  const say = { info: (m: string) => void lines.push(`info ${m}`), warn: (m: string) => void lines.push(`warn ${m}`), error: (m: string) => void lines.push(`error ${m}`) };
  let fatal: Error | undefined;
  let runtime: Neo4jRuntime;
  let app: HttpApp;
  let base: string;

  beforeAll(async () => {
    const config = managedConfig(dataDir, 5);
    runtime = await openNeo4j(config, say, { onFatal: (err) => (fatal = err) });
    await migrate(runtime.db);
    app = await createHttpApp(await buildAppSchema(), { config, db: runtime.db, queries: new QueryCatalog() }, createLogger('silent'));
    await app.listen();
    base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await runtime?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const ask = async () => {
    const began = Date.now();
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ serviceInfo { neo4j } }"}' });
    return { status: res.status, ms: Date.now() - began, body: (await res.json()) as any };
  };

  it('has auth on, with a generated password kept in the data folder (mode 0600) and nowhere in the description', () => {
    const c = readCredentials(dataDir)!;
    expect(c.username).toBe('neo4j');
    expect(c.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(fs.statSync(path.join(dataDir, 'tradegraph-auth.json')).mode & 0o077).toBe(0);
    expect(runtime.description).not.toContain(c.password);
    expect(runtime.login).toContain(c.password);
  });

  it('refuses a cross-origin write through the HTTP API', async () => {
    const http = readState(dataDir)!.httpUrl;
    const write = { statements: [{ statement: 'CREATE (:CrossOriginProbe) RETURN 1' }] };
    // What a page on another origin can send without a preflight: no credentials, so 401.
    const res = await fetch(`${http}/db/neo4j/tx/commit`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: JSON.stringify(write) });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).not.toBe('*');
    expect(res.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    // Sending credentials needs a preflight, and the preflight does not allow that origin.
    const preflight = await fetch(`${http}/db/neo4j/tx/commit`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(http);
    const probes = await runtime.db.read<{ n: number }>('MATCH (p:CrossOriginProbe) RETURN count(p) AS n');
    expect(probes[0]!.n).toBe(0);
  });

  it('notices a kill -9 at once, fails requests fast with 503, and is back on the same port', async () => {
    expect((await ask()).status).toBe(200);
    const before = readState(dataDir)!;
    process.kill(before.pid, 'SIGKILL');

    await waitFor('the exit to be noticed', () => runtime.db.availability.down, 3_000);
    expect(lines.some((l) => l.startsWith('error ') && /exited unexpectedly \(signal SIGKILL\)/.test(l))).toBe(true);
    const during = await ask();
    expect(during.status).toBe(503);
    expect(during.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(during.ms).toBeLessThan(1_000);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);

    await waitFor('Neo4j to be back', () => (runtime.db.availability.down ? undefined : true), 240_000);
    expect(lines.some((l) => /Restarting Neo4j in .* \(attempt 1 of 5\)/.test(l))).toBe(true);
    expect(lines.some((l) => /Neo4j is back after/.test(l))).toBe(true);
    // The read the request before the kill ran is run again on the restarted server, beside the requests.
    await waitFor('the recent reads to be replayed', () => lines.some((l) => /Replayed [1-9]\d* of the [1-9]\d* reads requests ran most \(0 failed/.test(l)) || undefined, 60_000);
    const after = readState(dataDir)!;
    expect(after.pid).not.toBe(before.pid);
    expect(after.boltPort).toBe(before.boltPort);
    const res = await ask();
    expect(res.status).toBe(200);
    expect(res.body.data.serviceInfo.neo4j).toMatch(/Neo4j/);
    // /ready gives itself under a second, so on a loaded machine a fresh server may need a few tries.
    await waitFor('/ready to say 200', async () => ((await fetch(`${base}/ready`)).status === 200 ? true : undefined), 60_000);
    expect(fatal).toBeUndefined();
  }, 300_000);
});

describe('managed Neo4j that may not be restarted', () => {
  it('tells its owner to give up when it dies', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-norestart-'));
    let fatal: Error | undefined;
    const runtime = await openNeo4j(managedConfig(dataDir, 0), { info: () => undefined, warn: () => undefined }, { onFatal: (err) => (fatal = err) });
    try {
      process.kill(readState(dataDir)!.pid, 'SIGKILL');
      await waitFor('onFatal', () => fatal, 5_000);
      expect(fatal!.message).toMatch(/NEO4J_RESTARTS=0/);
    } finally {
      await runtime.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
