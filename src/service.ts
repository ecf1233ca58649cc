/**
 * The main job: Neo4j (external or managed) -> migrations -> seed -> GraphQL over HTTP.
 * `startService` returns once the server listens; `stop()` drains HTTP, closes the driver and
 * stops a managed Neo4j, in that order.
 */
import type { Config } from './config';
import { createLogger, Logger } from './logger';
import { openNeo4j, Neo4jRuntime } from './neo4j/runtime';
import { migrate } from './neo4j/migrations';
import { QueryCatalog } from './neo4j/queries';
import { buildAppSchema } from './graphql/schema';
import { createHttpApp } from './http/app';
import { seedIfChanged } from './ingest/seed';

export interface RunningService {
  url: string;
  port: number;
  runtime: Neo4jRuntime;
  log: Logger;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  seed?: boolean;
}

export async function startService(config: Config, opts: ServiceOptions = {}): Promise<RunningService> {
  const log = createLogger(config.logLevel);
  const say = { info: (m: string) => log.info(m), warn: (m: string) => log.warn(m) };
  const runtime = await openNeo4j(config, say);
  try {
    log.info(runtime.description);
    const migrated = await migrate(runtime.db);
    log.info({ applied: migrated.applied, alreadyApplied: migrated.alreadyApplied.length }, 'migrations done');
    if (opts.seed !== false) {
      const seeded = await seedIfChanged(runtime.db, { progress: false });
      if (seeded.skipped) log.info({ checksum: seeded.checksum }, 'seed unchanged since last applied: skipped');
      else {
        const report = seeded.report;
        if (!report.ok) throw new Error(`seed rejected: ${report.errors.length} error(s), first: ${report.errors[0]?.message}`);
        log.info({ counts: report.counts, checksum: seeded.checksum }, 'seed applied');
      }
    }
    const schema = await buildAppSchema();
    const queries = new QueryCatalog();
    const http = await createHttpApp(schema, { config, db: runtime.db, queries }, log);
    const port = await http.listen();
    const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
    const url = `http://${host}:${port}/graphql`;
    log.info({ url }, `GraphQL ready at ${url}`);
    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      runtime,
      log,
      stop: () =>
        (stopping ??= (async () => {
          await http.close();
          await runtime.close();
          log.info('stopped');
        })()),
    };
  } catch (err) {
    await runtime.close();
    throw err;
  }
}
