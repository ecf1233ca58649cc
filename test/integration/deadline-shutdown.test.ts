/**
 * A frozen Neo4j, played by a TCP proxy that stops passing bytes while keeping every connection
 * open (what SIGSTOP does to a server): requests end at their deadline with DEADLINE_EXCEEDED
 * (HTTP 504), /ready answers within a second, and everything recovers when it thaws. Then
 * `tradegraph serve` under SIGTERM: a request in flight finishes, the log says "stopped", exit 0.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { buildAppSchema } from '../../src/graphql/schema';
import { createHttpApp, HttpApp } from '../../src/http/app';
import { createLogger } from '../../src/logger';
import { Database } from '../../src/neo4j/database';
import { QueryCatalog, PROJECT_ROOT } from '../../src/neo4j/queries';
import { testConnection, testEnv, useTestGraph } from '../support/neo4j';

/** Passes bytes both ways until frozen; frozen, it holds them (and new connections) until thawed. */
class FreezableProxy {
  private server?: net.Server;
  private frozen = false;
  private readonly held: (() => void)[] = [];
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      const relay = (from: net.Socket, to: net.Socket) =>
        from.on('data', (chunk) => (this.frozen ? this.held.push(() => to.write(chunk)) : to.write(chunk)));
      relay(client, upstream);
      relay(upstream, client);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  freeze(): void {
    this.frozen = true;
  }

  thaw(): void {
    this.frozen = false;
    for (const write of this.held.splice(0)) write();
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const useProxy = () => {
  const target = new URL(process.env.TRADEGRAPH_TEST_NEO4J_URI!.replace(/^[a-z+]+:/, 'http:'));
  const proxy = new FreezableProxy({ host: target.hostname, port: Number(target.port) });
  beforeAll(() => proxy.up());
  afterAll(async () => {
    proxy.thaw();
    await proxy.down();
  });
  return proxy;
};

useTestGraph();

describe('a frozen Neo4j', () => {
  const proxy = useProxy();
  let app: HttpApp;
  let db: Database;
  let base: string;

  beforeAll(async () => {
    const config = loadConfig({ ...testEnv(), NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', REQUEST_TIMEOUT_MS: '1500' });
    db = new Database({ ...testConnection(), uri: `bolt://127.0.0.1:${proxy.port}` });
    app = await createHttpApp(await buildAppSchema(), { config, db, queries: new QueryCatalog() }, createLogger('silent'));
    await app.listen();
    base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    proxy.thaw();
    await app.close();
    await db.close();
  });

  const ask = async () => {
    const began = Date.now();
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ serviceInfo { neo4j } }"}' });
    return { status: res.status, ms: Date.now() - began, body: (await res.json()) as any };
  };

  it('ends requests at their deadline with DEADLINE_EXCEEDED and 504, answers /ready within a second, and recovers', async () => {
    expect((await ask()).status).toBe(200);
    proxy.freeze();
    const during = await ask();
    expect(during.status).toBe(504);
    expect(during.body.errors[0].extensions.code).toBe('DEADLINE_EXCEEDED');
    expect(during.body.errors[0].message).toMatch(/deadline of 1500 ms/);
    expect(during.ms).toBeGreaterThanOrEqual(1_400);
    expect(during.ms).toBeLessThan(4_000);
    const began = Date.now();
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(Date.now() - began).toBeLessThan(1_000);
    proxy.thaw();
    let after = await ask();
    for (let i = 0; i < 20 && after.status !== 200; i++) after = await ask();
    expect(after.status).toBe(200);
    expect(after.body.data.serviceInfo.neo4j).toMatch(/Neo4j/);
  });
});

describe('tradegraph serve under SIGTERM', () => {
  const proxy = useProxy();

  it('lets the request in flight finish, logs "stopped" and exits 0', async () => {
    const c = testConnection();
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', NEO4J_URI: `bolt://127.0.0.1:${proxy.port}`, NEO4J_USERNAME: c.username, NEO4J_PASSWORD: c.password, LOG_LEVEL: 'info', REQUEST_TIMEOUT_MS: '60000' };
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js'), 'serve', '--no-seed'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const began = Date.now();
      while (!/GraphQL at (\S+)/.test(out)) {
        if (child.exitCode !== null || Date.now() - began > 120_000) throw new Error(`serve did not start: ${out}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const url = /GraphQL at (\S+)/.exec(out)![1]!;
      expect(out).not.toContain(c.password ?? '\u0000never');

      proxy.freeze();
      const inFlight = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ serviceInfo { neo4j } }"}' });
      await new Promise((r) => setTimeout(r, 500));
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      proxy.thaw();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(((await res.json()) as any).data.serviceInfo.neo4j).toMatch(/Neo4j/);
      expect(await exited).toBe(0);
      const lines = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses a taken port at once, before connecting to Neo4j', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', NEO4J_URI: 'bolt://127.0.0.1:1' };
      const began = Date.now();
      const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js'), 'serve'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      expect(code).not.toBe(0);
      expect(err).toMatch(new RegExp(`Port ${port} on 127.0.0.1 is already in use`));
      expect(err).not.toMatch(/Cannot reach Neo4j/);
      expect(Date.now() - began).toBeLessThan(20_000);
    } finally {
      blocker.close();
    }
  });
});
