/**
 * A local Neo4j server that the app runs itself when NEO4J_URI is not set.
 *
 * Neo4j runs as a Java child process from jars fetched once with Maven (install.ts), through the
 * watchdog launcher (launcher.ts) so that it never outlives the Node process that started it, unless
 * started `detached` (a daemon for `tradegraph neo4j start`), in which case the state file lets a
 * later process find and stop it. Everything of one server lives in cfg.dataDir: the database,
 * the generated conf, the logs and the state file.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { ManagedNeo4jConfig } from '../../config';
import type { Say } from '../../say';
import { credentialsFile, ensureCredentials } from './auth';
import { planCds } from './cds';
import { ServerLayout, jvmArgs, renderNeo4jConf, serverLayout } from './conf';
import { ManagedNeo4jError } from './errors';
import { guardChild, unguardChild } from './exit-guard';
import { installJars } from './install';
import { JavaRuntime, findJava } from './java';
import { prepareLauncher } from './launcher';
import { fileSize, lastLines, readSince } from './logs';
import { canConnect, resolvePort } from './ports';
import { ServerState, clearState, isNeo4jServerFor, isProcessAlive, readState, writeState } from './state';

export const NEO4J_MAIN_CLASS = 'org.neo4j.server.CommunityEntryPoint';
/** How long a graceful stop may take before SIGKILL. */
const STOP_GRACE_MS = 30_000;
const POLL_MS = 250;
/** When the owner does not call `settled()`, the class-data archive is written this long after a start. */
const SETTLE_MS = 60_000;

/** What the owner of an attached server hears when it crashes and is restarted (see `supervise`). */
export interface Supervision {
  /** The server exited on its own: requests should fail fast until `onUp`. */
  onDown(reason: string): void;
  /** The server is back; requests are let through once this resolves (the owner may warm it up first). */
  onUp(): void | Promise<void>;
  /** Every restart failed: the owner should exit non-zero so that its own supervisor takes over. */
  onGiveUp(err: Error): void;
}

export interface StartOptions {
  /**
   * Keep running after this Node process ends (for `tradegraph neo4j start`). The watchdog is off;
   * the state file in the data dir lets `status()` and `stop()` from another process find it.
   */
  detached?: boolean;
  /**
   * Ready as soon as Bolt answers, without waiting for the HTTP server (Neo4j Browser) that Neo4j
   * starts after it (0.8 s later on 2 cores): a supervised restart only has to bring the app back.
   */
  boltOnly?: boolean;
}

export interface StartedNeo4j {
  boltUri: string;
  httpUrl: string;
  pid: number;
  version: string;
  /** Authentication is on: the user and the password generated for this data dir. */
  username: string;
  password: string;
  /** Where the password is kept, for people who connect with Neo4j Browser or cypher-shell. */
  credentialsFile: string;
}

/**
 * Delay before restart attempt `n` (1-based): none for the first (a crash is most often a one-off:
 * a kill, an out-of-memory exit; the port and store lock are free once the process is gone), then
 * 0.5 s, 1 s, 2 s, 4 s, 8 s for a server that keeps failing to start.
 */
export function restartDelayMs(n: number): number {
  return n <= 1 ? 0 : Math.min(500 * 2 ** (n - 2), 8_000);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ManagedNeo4j {
  private readonly dataDir: string;
  private readonly layout: ServerLayout;
  private java?: JavaRuntime;
  private libDir?: string;
  private child?: ChildProcess;
  private childExit?: Promise<void>;
  private childExited = false;
  private started?: StartedNeo4j;
  private starting?: Promise<StartedNeo4j>;
  private stopping?: Promise<void>;
  /** Ports chosen at the first start; a restart reuses them so that connected drivers find it again. */
  private ports?: { bolt: number; http: number };
  private supervision?: Supervision;
  private stopRequested = false;
  private recovering?: Promise<void>;
  private pendingCds?: () => void;

  constructor(
    private readonly cfg: ManagedNeo4jConfig,
    private readonly log: Say,
  ) {
    this.dataDir = path.resolve(cfg.dataDir);
    this.layout = serverLayout(this.dataDir);
  }

  /** Checks Java, then fetches the jars once (a no-op when the cache is complete). */
  async install(): Promise<void> {
    if (!this.java) {
      this.java = await findJava(this.cfg.javaHome, process.env, this.cfg.cacheDir);
      if (this.java.major > 21) {
        // 5.26 ran fine on Java 25 here, but Neo4j supports it on 17 and 21 only.
        this.log.warn(`Java ${this.java.version} is newer than Neo4j 5.26 supports (17 or 21); if it fails to start, set JAVA_HOME to a Java 17 or 21`);
      }
    }
    if (!this.libDir) {
      const lib = await installJars({ cacheDir: this.cfg.cacheDir, version: this.cfg.version, log: this.log, javaHome: this.cfg.javaHome });
      this.libDir = lib.dir;
    }
  }

  /**
   * Watches an attached server: when it exits on its own (crash, kill -9, out of memory) the exit
   * is logged at once, `onDown` is called, and it is restarted on the same ports with backoff
   * (cfg.restarts attempts, each logged); then `onUp`, or `onGiveUp` when every attempt failed.
   */
  supervise(supervision: Supervision): void {
    this.supervision = supervision;
  }

  /** Starts the server and resolves when Bolt answers. Calling it again while running returns the same server. */
  async start(options: StartOptions = {}): Promise<StartedNeo4j> {
    if (this.started && !this.childExited) return this.started;
    this.stopRequested = false;
    // Concurrent calls share one start instead of racing two servers onto one store.
    this.starting ??= this.doStart(options).finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async doStart(options: StartOptions): Promise<StartedNeo4j> {
    const detached = options.detached ?? false;
    await this.install();
    const java = this.java!;
    await this.refuseIfRunning();
    const launcher = await prepareLauncher(this.cfg.cacheDir, java);

    const boltPort = this.ports?.bolt ?? (await resolvePort(this.cfg.boltPort, 'NEO4J_BOLT_PORT'));
    let httpPort = this.ports?.http ?? (await resolvePort(this.cfg.httpPort, 'NEO4J_HTTP_PORT'));
    while (httpPort === boltPort) httpPort = await resolvePort(0, 'NEO4J_HTTP_PORT');
    this.ports = { bolt: boltPort, http: httpPort };

    for (const dir of [this.layout.confDir, this.layout.dataDir, this.layout.logsDir]) fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(this.layout.confDir, 'neo4j.conf'),
      renderNeo4jConf({ boltPort, httpPort, pageCache: this.cfg.pageCache, layout: this.layout }),
    );

    // Neo4j appends to its log across runs: readiness and errors count only what this run wrote.
    const logOffset = fileSize(this.layout.neo4jLog);
    const consoleOffset = fileSize(this.layout.consoleLog);
    const consoleFd = fs.openSync(this.layout.consoleLog, 'a');
    fs.writeSync(consoleFd, `--- ${new Date().toISOString()} tradegraph starts Neo4j ${this.cfg.version} (${detached ? 'detached' : 'attached'})\n`);

    // The jars by name, then the launcher: a class-data archive is valid for the exact jar list it was
    // written from (a `lib/*` wildcard expands in directory order), and cannot hold a folder's classes.
    const jars = fs.readdirSync(this.libDir!).filter((f) => f.endsWith('.jar')).sort().map((f) => path.join(this.libDir!, f));
    const classpath = [...jars, launcher.classpath].filter(Boolean).join(path.delimiter);
    const cds = planCds({ enabled: this.cfg.cds ?? true, cacheDir: this.cfg.cacheDir, java: java.java, javaVersion: java.version, jars, log: this.log });
    const args = [
      ...jvmArgs(this.cfg.heap, java.major, this.cfg.jit ?? 'full'),
      ...cds.args,
      ...(detached ? ['-Dtradegraph.watchdog=false'] : []),
      '-cp',
      classpath,
      launcher.main,
      NEO4J_MAIN_CLASS,
      `--home-dir=${this.layout.homeDir}`,
      `--config-dir=${this.layout.confDir}`,
    ];
    const boltUri = `bolt://127.0.0.1:${boltPort}`;
    const httpUrl = `http://127.0.0.1:${httpPort}`;
    this.log.info(`Starting Neo4j ${this.cfg.version} on ${boltUri} (Java ${java.version}, data in ${this.dataDir})`);
    const began = Date.now();

    let child: ChildProcess;
    try {
      // Own process group in both modes: a Ctrl-C at the terminal reaches Node only, and Node decides
      // (its handler calls stop(), or Node dies and the watchdog sees stdin close).
      child = spawn(java.java, args, {
        cwd: this.dataDir,
        detached: true,
        stdio: [detached ? 'ignore' : 'pipe', consoleFd, consoleFd],
        windowsHide: true,
      });
    } finally {
      fs.closeSync(consoleFd);
    }
    this.child = child;
    this.childExited = false;
    this.childExit = new Promise((resolve) => {
      child.once('exit', (code, sig) => {
        this.childExited = true;
        if (child.pid !== undefined) unguardChild(child.pid);
        resolve();
        // A server that was serving and that nobody asked to stop has crashed.
        if (this.started?.pid === child.pid && !this.stopRequested && !detached) this.onCrash(child.pid!, code, sig);
      });
    });
    const spawnError = await new Promise<Error | undefined>((resolve) => {
      child.once('spawn', () => resolve(undefined));
      child.once('error', resolve);
    });
    if (spawnError || child.pid === undefined) {
      throw new ManagedNeo4jError(`Could not start ${java.java}: ${spawnError?.message ?? 'no pid'}`);
    }
    const pid = child.pid;
    // The server must not keep Node's event loop alive; the stdin pipe stays open until Node ends.
    child.unref();
    if (!detached) {
      (child.stdin as net.Socket | null)?.unref();
      guardChild(pid);
    }

    const state: ServerState = {
      pid,
      ownerPid: process.pid,
      detached,
      version: this.cfg.version,
      boltPort,
      httpPort,
      boltUri,
      httpUrl,
      dataDir: this.dataDir,
      startedAt: new Date().toISOString(),
    };
    writeState(state);

    await this.waitUntilReady(boltPort, logOffset, consoleOffset, options.boltOnly === true);
    let credentials;
    try {
      credentials = await ensureCredentials(boltUri, this.dataDir);
    } catch (err) {
      await terminate(pid, () => this.childExited, this.childExit!);
      clearState(this.dataDir, pid);
      throw err;
    }
    this.started = { boltUri, httpUrl, pid, version: this.cfg.version, ...credentials, credentialsFile: credentialsFile(this.dataDir) };
    this.log.info(
      `Neo4j ready in ${((Date.now() - began) / 1000).toFixed(1)} s: ${boltUri}, Neo4j Browser at ${httpUrl}/browser/ (pid ${pid}${detached ? ', detached' : ''}${cds.mode === 'use' ? ', class-data archive' : ''})`,
    );
    // The archive is written from the classes loaded so far: after the owner's first queries (see
    // `settled`) it also holds Cypher's planner, which the next start needs as soon as Neo4j is up.
    this.pendingCds = cds.afterReady;
    if (detached) this.settled();
    else setTimeout(() => this.settled(), SETTLE_MS).unref();
    return this.started;
  }

  /** The owner has run its start-up queries (migrations, seed check); see `planCds`. */
  settled(): void {
    const pending = this.pendingCds;
    this.pendingCds = undefined;
    pending?.();
  }

  private onCrash(pid: number, code: number | null, sig: NodeJS.Signals | null): void {
    const how = sig ? `signal ${sig}` : `exit code ${code}`;
    const reason = `Neo4j (pid ${pid}) exited unexpectedly (${how})`;
    (this.log.error ?? this.log.warn).call(this.log, `${reason}; see ${this.layout.neo4jLog}`);
    clearState(this.dataDir, pid);
    this.supervision?.onDown(reason);
    this.recovering ??= this.recover().finally(() => {
      this.recovering = undefined;
    });
  }

  private async recover(): Promise<void> {
    const attempts = this.cfg.restarts;
    const began = Date.now();
    let last: Error = new ManagedNeo4jError('no restart was attempted (NEO4J_RESTARTS=0)');
    for (let n = 1; n <= attempts && !this.stopRequested; n++) {
      const delay = restartDelayMs(n);
      this.log.warn(`Restarting Neo4j in ${delay / 1000} s (attempt ${n} of ${attempts})`);
      await sleep(delay);
      if (this.stopRequested) return;
      try {
        await this.start({ boltOnly: true });
        if (this.stopRequested) return;
        const upAt = Date.now();
        await this.supervision?.onUp();
        this.log.info(
          `Neo4j is back after ${((Date.now() - began) / 1000).toFixed(1)} s (restart ${n} of ${attempts}; ${((Date.now() - upAt) / 1000).toFixed(1)} s of it warming up)`,
        );
        return;
      } catch (err) {
        last = err as Error;
        this.log.warn(`Restart ${n} of ${attempts} failed: ${last.message.split('\n')[0]}`);
      }
    }
    if (this.stopRequested) return;
    (this.log.error ?? this.log.warn).call(this.log, `Neo4j could not be restarted (${attempts} attempts); giving up`);
    this.supervision?.onGiveUp(last);
  }

  /** Graceful stop: SIGTERM, up to 30 s, then SIGKILL. Also stops a detached server recorded in the state file. Idempotent. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    // A restart under way finishes (or fails) first, so that its server is stopped too.
    await this.recovering?.catch(() => undefined);
    await this.starting?.catch(() => undefined);
    this.stopping ??= this.doStop().finally(() => {
      this.stopping = undefined;
    });
    return this.stopping;
  }

  private async doStop(): Promise<void> {
    const child = this.child;
    if (child?.pid !== undefined && !this.childExited) {
      await terminate(child.pid, () => this.childExited, this.childExit!);
      clearState(this.dataDir, child.pid);
      this.started = undefined;
      return;
    }
    // Not started by this object: stop a detached server that another process left running here.
    const state = readState(this.dataDir);
    if (state?.detached) await ManagedNeo4j.stopDetached(this.cfg, this.log);
    this.started = undefined;
  }

  /**
   * Stops the detached server recorded in cfg.dataDir's state file (`tradegraph neo4j stop`).
   * Nothing running: returns quietly. A server attached to another live process is refused, since
   * that process owns it and would lose its database under its feet.
   */
  static async stopDetached(cfg: Pick<ManagedNeo4jConfig, 'dataDir'>, log?: Say): Promise<void> {
    const dataDir = path.resolve(cfg.dataDir);
    const state = readState(dataDir);
    if (!state) return;
    if (!isNeo4jServerFor(state.pid, dataDir)) {
      clearState(dataDir, state.pid);
      return;
    }
    if (!state.detached && isProcessAlive(state.ownerPid)) {
      throw new ManagedNeo4jError(
        `The Neo4j on ${dataDir} (pid ${state.pid}) belongs to process ${state.ownerPid} and stops with it; stop that process instead`,
      );
    }
    log?.info(`Stopping Neo4j (pid ${state.pid}) on ${dataDir}`);
    await terminate(state.pid, () => !isProcessAlive(state.pid));
    clearState(dataDir, state.pid);
  }

  /** A second server on the same store would fail on Neo4j's store lock; say so plainly instead. */
  private async refuseIfRunning(): Promise<void> {
    const state = readState(this.dataDir);
    if (!state) return;
    if (!isNeo4jServerFor(state.pid, this.dataDir)) {
      clearState(this.dataDir, state.pid); // left by a crash; the process is gone
      return;
    }
    if (!state.detached && !isProcessAlive(state.ownerPid)) {
      // Its Node process died and the watchdog is shutting it down; give it the time that takes.
      this.log.info(`Waiting for the previous Neo4j (pid ${state.pid}) to finish shutting down`);
      const deadline = Date.now() + STOP_GRACE_MS + 10_000;
      while (Date.now() < deadline && isNeo4jServerFor(state.pid, this.dataDir)) await sleep(POLL_MS);
      if (!isNeo4jServerFor(state.pid, this.dataDir)) {
        clearState(this.dataDir, state.pid);
        return;
      }
    }
    const what = state.detached ? 'started detached' : `owned by process ${state.ownerPid}`;
    const stopIt = state.detached ? 'stop it with `tradegraph neo4j stop`' : 'stop that process';
    throw new ManagedNeo4jError(
      `A Neo4j server is already running on ${this.dataDir} (pid ${state.pid}, ${state.boltUri}, ${what}); ${stopIt}, set NEO4J_URI=${state.boltUri} to use it, or set TRADEGRAPH_DATA_DIR to another folder`,
    );
  }

  private async waitUntilReady(boltPort: number, logOffset: number, consoleOffset: number, boltOnly: boolean): Promise<void> {
    // Neo4j logs "Bolt enabled on ..." once its databases are started and Bolt listens, then starts HTTP and logs "Started.".
    const readyLine = boltOnly ? /Bolt enabled on |Started\./ : /Started\./;
    const deadline = Date.now() + this.cfg.startTimeoutMs;
    for (;;) {
      if (this.childExited) {
        const code = this.child?.exitCode ?? this.child?.signalCode;
        clearState(this.dataDir, this.child!.pid!);
        throw new ManagedNeo4jError(`Neo4j exited during startup (exit ${code}). ${this.logReport(logOffset, consoleOffset)}`);
      }
      if (readyLine.test(readSince(this.layout.neo4jLog, logOffset)) && (await canConnect(boltPort))) return;
      if (Date.now() > deadline) {
        await terminate(this.child!.pid!, () => this.childExited, this.childExit!);
        clearState(this.dataDir, this.child!.pid!);
        throw new ManagedNeo4jError(
          `Neo4j did not start within ${this.cfg.startTimeoutMs / 1000} s (NEO4J_START_TIMEOUT_MS); stopped it. ${this.logReport(logOffset, consoleOffset)}`,
        );
      }
      await sleep(POLL_MS);
    }
  }

  private logReport(logOffset: number, consoleOffset: number): string {
    const neo4jTail = lastLines(readSince(this.layout.neo4jLog, logOffset), 8);
    const consoleTail = lastLines(readSince(this.layout.consoleLog, consoleOffset), 8).filter((l) => !l.startsWith('--- '));
    const parts = [`Logs: ${this.layout.neo4jLog}, ${this.layout.consoleLog}.`];
    if (neo4jTail.length > 0) parts.push(`Last lines of neo4j.log:\n  ${neo4jTail.join('\n  ')}`);
    if (consoleTail.length > 0) parts.push(`Last lines of console.log:\n  ${consoleTail.join('\n  ')}`);
    return parts.join('\n');
  }
}

/** SIGTERM, wait up to STOP_GRACE_MS for the exit, then SIGKILL and wait a little more. */
async function terminate(pid: number, isGone: () => boolean, exited?: Promise<void>): Promise<void> {
  const waitGone = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (!isGone() && Date.now() < deadline) {
      await (exited ? Promise.race([exited, sleep(POLL_MS)]) : sleep(POLL_MS));
    }
    return isGone();
  };
  if (!signal(pid, 'SIGTERM')) return;
  if (await waitGone(STOP_GRACE_MS)) return;
  signal(pid, 'SIGKILL');
  await waitGone(5_000);
}

function signal(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false; // already gone
  }
}
