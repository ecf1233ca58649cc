/**
 * The state file `<dataDir>/tradegraph-neo4j.json`: which process serves this data dir, on which
 * ports. It lets `status()` and a later `stop` (another process, e.g. `tradegraph neo4j stop` after
 * `tradegraph neo4j start --detach`) find the server, and lets a second start refuse clearly.
 *
 * A pid alone can be reused by an unrelated process after a crash, so on Linux we also check that
 * the process's command line is a Neo4j server for this very data dir.
 */
import fs from 'node:fs';
import type { ManagedNeo4jConfig } from '../../config';
import { serverLayout } from './conf';

export interface ServerState {
  pid: number;
  /** The Node process that started it; in attached mode the server lives only as long as it does. */
  ownerPid: number;
  detached: boolean;
  version: string;
  boltPort: number;
  httpPort: number;
  boltUri: string;
  httpUrl: string;
  dataDir: string;
  startedAt: string;
}

export function readState(dataDir: string): ServerState | undefined {
  try {
    return JSON.parse(fs.readFileSync(serverLayout(dataDir).stateFile, 'utf8')) as ServerState;
  } catch {
    return undefined;
  }
}

export function writeState(state: ServerState): void {
  const file = serverLayout(state.dataDir).stateFile;
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

/** Removes the state file only if it still describes `pid` (a newer server may have replaced it). */
export function clearState(dataDir: string, pid: number): void {
  if (readState(dataDir)?.pid === pid) fs.rmSync(serverLayout(dataDir).stateFile, { force: true });
}

/** True if `pid` exists and is not a zombie. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = readProc(pid, 'stat');
  // Field 3 of /proc/<pid>/stat is the state; Z is a zombie (dead, waiting to be reaped).
  if (stat !== undefined && /^\d+ \(.*\) Z/s.test(stat)) return false;
  return true;
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** True if `pid` is alive and (where /proc tells) a Neo4j server whose home is `dataDir`. */
export function isNeo4jServerFor(pid: number, dataDir: string): boolean {
  if (!isProcessAlive(pid)) return false;
  if (process.platform !== 'linux') return true;
  const cmdline = readProc(pid, 'cmdline');
  if (cmdline === undefined) return true; // /proc not mounted: trust the pid
  const args = cmdline.split('\0');
  return args.some((a) => a.includes('CommunityEntryPoint')) && args.includes(`--home-dir=${dataDir}`);
}

export interface ServerStatus {
  running: boolean;
  pid?: number;
  boltUri?: string;
  httpUrl?: string;
  detached?: boolean;
}

/** Whether a managed server is running on cfg.dataDir, according to its state file and the process table. */
export async function status(cfg: Pick<ManagedNeo4jConfig, 'dataDir'>): Promise<ServerStatus> {
  const state = readState(cfg.dataDir);
  if (!state || !isNeo4jServerFor(state.pid, state.dataDir)) return { running: false };
  return { running: true, pid: state.pid, boltUri: state.boltUri, httpUrl: state.httpUrl, detached: state.detached };
}
