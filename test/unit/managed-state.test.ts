import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { status, wipeData } from '../../src/neo4j/managed';
import { isNeo4jServerFor, isProcessAlive, writeState } from '../../src/neo4j/managed/state';

/** A stand-in whose command line looks like a Neo4j server for `dataDir` (what the checks read from /proc). */
function fakeServer(dataDir: string): ChildProcess {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', 'org.neo4j.server.CommunityEntryPoint', `--home-dir=${dataDir}`], {
    stdio: 'ignore',
  });
}

function stateFor(dataDir: string, pid: number) {
  return {
    pid,
    ownerPid: process.pid,
    detached: true,
    version: '5.26.19',
    boltPort: 7699,
    httpPort: 7499,
    boltUri: 'bolt://127.0.0.1:7699',
    httpUrl: 'http://127.0.0.1:7499',
    dataDir,
    startedAt: new Date().toISOString(),
  };
}

describe('status and wipeData', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-state-'));
  });
  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports not running without a state file', async () => {
    expect(await status({ dataDir })).toEqual({ running: false });
  });

  it('reports a live server from its state file and refuses to wipe under it', async () => {
    child = fakeServer(dataDir);
    await new Promise((r) => child!.once('spawn', r));
    writeState(stateFor(dataDir, child.pid!));
    expect(await status({ dataDir })).toMatchObject({ running: true, pid: child.pid, boltUri: 'bolt://127.0.0.1:7699' });
    await expect(wipeData({ dataDir })).rejects.toThrow(/Refusing to wipe .*Neo4j is running on it/);
  });

  it('does not mistake an unrelated process with a recycled pid for the server', async () => {
    child = fakeServer(path.join(dataDir, 'elsewhere'));
    await new Promise((r) => child!.once('spawn', r));
    expect(isProcessAlive(child.pid!)).toBe(true);
    expect(isNeo4jServerFor(child.pid!, dataDir)).toBe(false);
    writeState(stateFor(dataDir, child.pid!));
    expect((await status({ dataDir })).running).toBe(false);
  });

  it('wipes only what the managed server creates, and the folder once empty', async () => {
    for (const d of ['data/databases', 'logs', 'conf']) fs.mkdirSync(path.join(dataDir, d), { recursive: true });
    writeState(stateFor(dataDir, 999_999_999));
    fs.writeFileSync(path.join(dataDir, 'tradegraph-auth.json'), '{"username":"neo4j","password":"of-the-old-store"}');
    fs.writeFileSync(path.join(dataDir, 'notes.txt'), 'keep me');
    await wipeData({ dataDir });
    expect(fs.readdirSync(dataDir)).toEqual(['notes.txt']);
    fs.rmSync(path.join(dataDir, 'notes.txt'));
    await wipeData({ dataDir });
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
