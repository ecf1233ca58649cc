/**
 * Opens "the" Neo4j of this process: the user's server when NEO4J_URI is set, otherwise a managed
 * local Community server (downloaded and started on demand). Either way the caller gets one
 * `Database` and one `close()` that also stops a managed server.
 */
import { Config, redactUri } from '../config';
import type { Say } from '../say';
import { Database } from './database';
import { ManagedNeo4j } from './managed';
import { replayReads } from './recent-reads';

export interface Neo4jRuntime {
  db: Database;
  /** Present when this process started Neo4j itself. */
  managed?: ManagedNeo4j;
  /** A line for the log: where the data lives and how to connect (no secret in it). */
  description: string;
  /** For the person at a terminal: how to log in to the managed Neo4j (user and password). */
  login?: string;
  /** The same without the password (for stderr that is not a terminal, e.g. a log file). */
  loginHint?: string;
  /** The managed Neo4j's user and password (auth is on), for tools that open drivers of their own. */
  credentials?: { username: string; password: string };
  /** The start-up queries are done (a managed Neo4j may now write its class-data archive). */
  settled(): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The managed Neo4j crashed and could not be restarted: the process should end non-zero. */
  onFatal?(err: Error): void;
  /**
   * Run against a restarted managed Neo4j before requests are let through again (e.g. planning the
   * queries requests will run: a cold server under full load otherwise plans them all at once, and
   * every request meets its deadline). Bounded by WARM_UP_MS; a failure only ends the warm-up.
   */
  warmUp?(db: Database): Promise<unknown>;
}

/** The longest a restarted server is kept from requests for its warm-up. */
const WARM_UP_MS = 30_000;
/** Replaying recent reads on a restarted server starts none after this (recent-reads.ts)... */
const REPLAY_BUDGET_MS = 30_000;
/** ...and gives each this long (a read stopped midway leaves no plan). */
const REPLAY_TIMEOUT_MS = 10_000;

export async function openNeo4j(config: Config, say: Say, options: OpenOptions = {}): Promise<Neo4jRuntime> {
  if (config.neo4j.uri) {
    const db = new Database({ ...config.neo4j, uri: config.neo4j.uri });
    await db.verifyConnectivity();
    return {
      db,
      description: `Using Neo4j at ${redactUri(config.neo4j.uri)} (database ${config.neo4j.database})`,
      settled: () => undefined,
      close: () => db.close(),
    };
  }
  const managed = new ManagedNeo4j(config.managed, say);
  const started = await managed.start();
  // Bound to 127.0.0.1, with authentication: the password was generated for this data dir.
  const db = new Database({ uri: started.boltUri, username: started.username, password: started.password, database: config.neo4j.database });
  // While a crashed server restarts, requests fail at once instead of waiting for the driver.
  managed.supervise({
    onDown: (reason) => {
      db.availability.down = reason;
    },
    onUp: async () => {
      if (options.warmUp) {
        // The app's own handle refuses queries while the server is marked down; a probe of its own warms it.
        const probe = new Database({ uri: started.boltUri, username: started.username, password: started.password, database: config.neo4j.database });
        let timer: NodeJS.Timeout | undefined;
        const bound = new Promise((resolve) => (timer = setTimeout(resolve, WARM_UP_MS)));
        await Promise.race([options.warmUp(probe).catch((err: Error) => say.warn(`Warming up the restarted Neo4j failed: ${err.message}`)), bound]);
        clearTimeout(timer);
        void probe.close().catch(() => undefined);
      }
      // A restarted Neo4j has no plans: each text's first run takes a turn, one per core, shortest
      // first, while texts already planned run at once (warm-up-limit.ts)...
      db.warmUp.begin();
      db.availability.down = undefined;
      // ...and, in the same turns, the reads requests ran most before the crash are run once each, so
      // that texts no request has asked for yet are planned when a core is free (holding requests
      // back until they all were made the first answer come 5 s later, measured under 10 clients).
      const reads = db.recent.hottest();
      void replayReads(db, reads, { concurrency: 1, budgetMs: REPLAY_BUDGET_MS, timeoutMs: REPLAY_TIMEOUT_MS }).then((r) =>
        say.info(`Replayed ${r.replayed} of the ${reads.length} reads requests ran most (${r.failed} failed, ${r.skipped} not started) in ${(r.ms / 1000).toFixed(1)} s`),
      );
    },
    onGiveUp: (err) => options.onFatal?.(err),
  });
  try {
    await db.verifyConnectivity();
  } catch (err) {
    await managed.stop();
    throw err;
  }
  return {
    db,
    managed,
    description:
      `Local Neo4j ${started.version} at ${started.boltUri} (Browser: ${started.httpUrl}/browser/, ` +
      `user ${started.username}, password in ${started.credentialsFile}; data in ${config.managed.dataDir})`,
    login: `Neo4j Browser ${started.httpUrl}/browser/ and cypher-shell -a ${started.boltUri}: user ${started.username}, password ${started.password}`,
    credentials: { username: started.username, password: started.password },
    loginHint: `Neo4j Browser ${started.httpUrl}/browser/ and cypher-shell -a ${started.boltUri}: user ${started.username}, password in ${started.credentialsFile}`,
    settled: () => managed.settled(),
    close: async () => {
      await db.close();
      await managed.stop();
    },
  };
}
