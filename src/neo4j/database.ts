/**
 * The one driver of the process and the way every module talks to Neo4j.
 *
 * Always managed transactions (`executeRead` / `executeWrite`) so that a cluster can route reads
 * to followers and the driver retries transient errors; always the database name, which saves a
 * round trip per session. Every query goes through `run`, which counts queries and database time
 * for the request statistics (`QueryStats`).
 */
import neo4j, { Driver, ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver';

export interface Neo4jConnection {
  uri: string;
  username: string;
  password?: string;
  database: string;
}

/** Counts Cypher queries and the time spent waiting for them (per request or per run). */
export class QueryStats {
  queries = 0;
  dbTimeMs = 0;
  record(ms: number): void {
    this.queries += 1;
    this.dbTimeMs += ms;
  }
}

export type Params = Record<string, unknown>;

export class Database {
  readonly driver: Driver;
  readonly name: string;
  readonly uri: string;
  /** Where this handle records query counts and time; set on per-request views (`withStats`). */
  readonly stats?: QueryStats;

  constructor(conn: Neo4jConnection) {
    this.uri = conn.uri;
    this.name = conn.database;
    const auth = conn.password !== undefined ? neo4j.auth.basic(conn.username, conn.password) : undefined;
    this.driver = neo4j.driver(conn.uri, auth, {
      // Integers come back as JS numbers where safe; counts and years never exceed 2^53.
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 30_000,
      // Managed transactions retry transient errors; an HTTP request should not wait the driver's
      // default 30 s before it can report the database unavailable.
      maxTransactionRetryTime: 5_000,
    });
  }

  /**
   * A view of this database (same driver) that records every query into `stats`; the request
   * context gives each GraphQL request one, so all its queries are counted without threading stats.
   */
  withStats(stats: QueryStats): Database {
    const view = Object.create(this) as { stats?: QueryStats };
    view.stats = stats;
    return view as Database;
  }

  /** Runs one read query in a managed (routed, retried) read transaction. */
  async read<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<R[]> {
    return this.executeRead((tx) => run<R>(tx, cypher, params, this.stats));
  }

  /** Runs one write query in a managed write transaction. */
  async write<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<R[]> {
    return this.executeWrite((tx) => run<R>(tx, cypher, params, this.stats));
  }

  async executeRead<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  async executeWrite<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs one query in an auto-commit transaction: needed by `CALL { ... } IN TRANSACTIONS`,
   * which commits in batches of its own and so cannot run inside a managed transaction.
   */
  async autoCommit<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<R[]> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      const result = await session.run<R>(cypher, params);
      return result.records.map((r) => r.toObject() as R);
    } finally {
      await session.close();
    }
  }

  /** Server version and edition, e.g. "Neo4j/5.26.19 community". */
  async serverInfo(): Promise<string> {
    const rows = await this.read<{ name: string; versions: string[]; edition: string }>(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
    );
    const row = rows[0];
    return row ? `${row.name} ${row.versions.join(',')} ${row.edition}` : 'unknown';
  }

  async verifyConnectivity(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.name });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** Runs a query inside a transaction, returning plain record objects and recording stats. */
export async function run<R extends RecordShape = RecordShape>(
  tx: ManagedTransaction,
  cypher: string,
  params: Params = {},
  stats?: QueryStats,
): Promise<R[]> {
  const started = performance.now();
  const result: QueryResult<R> = await tx.run<R>(cypher, params);
  stats?.record(performance.now() - started);
  return result.records.map((r) => r.toObject() as R);
}
