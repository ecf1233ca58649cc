/**
 * The main job: HTTP port check -> Neo4j (external or managed) -> migrations -> seed -> GraphQL
 * over HTTP. `startService` returns once the server listens; `stop()` stops accepting, lets
 * in-flight requests finish (SHUTDOWN_GRACE_MS at most), closes the driver and stops a managed
 * Neo4j, in that order, and logs "stopped".
 */
import net from 'node:net';
import { Config, redactUri } from './config';
import { createLogger, Logger, sayTo } from './logger';
import { openNeo4j, Neo4jRuntime } from './neo4j/runtime';
import { migrate, migrationsApplied } from './neo4j/migrations';
import type { Database } from './neo4j/database';
import { QueryCatalog } from './neo4j/queries';
import { planNamedQueries } from './neo4j/plans';
import { buildAppSchema } from './graphql/schema';
import { createHttpApp } from './http/app';
import { seedIfChanged } from './ingest/seed';
import { describeUnfinished, unfinishedRun } from './ingest/staging/runs';

export interface RunningService {
  url: string;
  port: number;
  runtime: Neo4jRuntime;
  log: Logger;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  seed?: boolean;
  /** The database is gone for good (a managed Neo4j that could not be restarted). */
  onFatal?(err: Error): void;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/** Fails at once when the HTTP port is taken, before Neo4j, migrations and the seed take their time. */
export async function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(`Port ${port} on ${host} is already in use: stop what uses it, or set PORT to another port (0 = any free port)`) : err),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Milliseconds per start-up phase, for the "ready" line (bench/start.ts reads it). */
class Phases {
  private last = performance.now();
  private readonly began = this.last;
  readonly ms: Record<string, number> = {};
  done(phase: string): void {
    const now = performance.now();
    this.ms[phase] = Math.round(now - this.last);
    this.last = now;
  }
  totalMs(): number {
    return Math.round(performance.now() - this.began);
  }
}

export async function startService(config: Config, opts: ServiceOptions = {}): Promise<RunningService> {
  const log = createLogger(config.logLevel);
  const phases = new Phases();
  await checkPortFree(config.port, config.host);
  phases.done('portCheck');
  if (config.neo4j.uri) log.info(`Connecting to Neo4j at ${redactUri(config.neo4j.uri)}`);
  // After a crash and restart, queries are planned again before requests come back (a cold server
  // under load plans slower than the deadline, and a terminated transaction's plan is not kept):
  // whatever start-up plans (e.g. EXPLAIN of the named queries) belongs here too.
  const warmUp = (db: Database) => migrationsApplied(db);
  const opening = openNeo4j(config, sayTo(log), { onFatal: (err) => opts.onFatal?.(err), warmUp });
  // The schema needs no database: it is built while Neo4j starts (a failure is reported below, in order).
  const schemaBuilt = buildAppSchema();
  schemaBuilt.catch(() => undefined);
  let runtime: Neo4jRuntime;
  try {
    runtime = await opening;
  } catch (err) {
    await schemaBuilt.catch(() => undefined);
    throw err;
  }
  phases.done('neo4j');
  try {
    log.info(runtime.description);
    const migrated = await migrate(runtime.db);
    log.info({ applied: migrated.applied, alreadyApplied: migrated.alreadyApplied.length }, 'migrations done');
    phases.done('migrations');
    // An import run killed midway is invisible to the API; say how to finish or discard it.
    const [unfinished, seeded] = await Promise.all([
      unfinishedRun(runtime.db),
      opts.seed !== false ? seedIfChanged(runtime.db, { progress: false }) : undefined,
    ]);
    if (unfinished) log.warn(describeUnfinished(unfinished));
    if (seeded?.skipped) log.info({ checksum: seeded.checksum }, 'seed unchanged since last applied: skipped');
    else if (seeded) {
      const report = seeded.report;
      if (!report.ok) throw new Error(`seed rejected: ${report.errors.length} error(s), first: ${report.errors[0]?.message}`);
      log.info({ counts: report.counts, checksum: seeded.checksum }, 'seed applied');
    }
    phases.done('seed');
    runtime.settled();
    const schema = await schemaBuilt;
    phases.done('schemaWait');
    const queries = new QueryCatalog();
    void planNamedQueries(runtime.db, queries).then((p) => log.info(p, 'named queries planned'));
    const http = await createHttpApp(schema, { config, db: runtime.db, queries }, log);
    const port = await http.listen();
    // A Neo4j this process just started is cold (no plans, cold JIT): the first requests run one per
    // core until it is warm (neo4j/warm-up-limit.ts). A user's server may have been up for days.
    if (runtime.managed) runtime.db.warmUp.begin();
    phases.done('http');
    const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
    const url = `http://${host}:${port}/graphql`;
    log.info({ url }, `GraphQL ready at ${url}`);
    log.info({ phasesMs: phases.ms, totalMs: phases.totalMs() }, `ready in ${(phases.totalMs() / 1000).toFixed(1)} s`);
    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      runtime,
      log,
      stop: () =>
        (stopping ??= (async () => {
          log.info({ graceMs: config.shutdownGraceMs }, 'stopping: no new connections; in-flight requests may finish');
          try {
            await http.close();
          } finally {
            await runtime.close();
          }
          log.info('stopped');
        })()),
    };
  } catch (err) {
    await runtime.close();
    throw err;
  }
}
