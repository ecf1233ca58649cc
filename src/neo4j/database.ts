/**
 * The one driver of the process and the way every module talks to Neo4j.
 *
 * Always managed transactions (`executeRead` / `executeWrite`) so that a cluster can route reads
 * to followers and the driver retries transient errors; always the database name, which saves a
 * round trip per session. Every query goes through `run`, which counts queries and database time
 * for the request statistics (`QueryStats`).
 */
import neo4j, { Driver, ManagedTransaction, QueryResult, RecordShape, Session, Transaction } from 'neo4j-driver';
import { WarmUpLimit } from './warm-up-limit';

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

/** The request's deadline passed before the database answered (thrown by Database). */
export class DeadlineExceededError extends Error {
  override name = 'DeadlineExceededError';
  constructor(readonly timeoutMs: number) {
    super(`The request took longer than its deadline of ${timeoutMs} ms and was stopped`);
  }
}

/** The database is known to be down (the managed Neo4j is restarting): fail fast, do not wait. */
export class DatabaseDownError extends Error {
  override name = 'DatabaseDownError';
}

/**
 * Whether the database is known to be down, shared by every view of one Database. The managed
 * Neo4j's supervisor marks it down when the server exits and up when it is back, so requests
 * during a restart fail at once (SERVICE_UNAVAILABLE) instead of waiting for the driver's retries.
 */
export class Availability {
  down?: string;
}

/** A request's deadline: when it ends, and the timeout it was given (for the message). */
export interface Deadline {
  at: number;
  timeoutMs: number;
}

export class Database {
  readonly driver: Driver;
  readonly name: string;
  readonly uri: string;
  /** Where this handle records query counts and time; set on per-request views (`withStats`). */
  readonly stats?: QueryStats;
  /** Set on per-request views: every transaction ends by then (Neo4j's timeout and our own timer). */
  readonly deadline?: Deadline;
  /** Set on per-request views: the one session and read transaction all the request's reads share. */
  readonly scope?: RequestScope;
  readonly availability = new Availability();
  /** While Neo4j is cold (after a start or restart), requests run one per core (warm-up-limit.ts). */
  readonly warmUp = new WarmUpLimit();

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
    return this.forRequest(stats);
  }

  /**
   * A per-request view: its queries are counted into `stats` and none runs past `deadline`. With a
   * deadline, the request's reads share one session and read transaction (RequestScope), ended when
   * `signal` aborts (the client went away, or the response is done) or the deadline passes.
   */
  forRequest(stats: QueryStats, deadline?: Deadline, signal?: AbortSignal): Database {
    const view = Object.create(this) as { stats?: QueryStats; deadline?: Deadline; scope?: RequestScope };
    view.stats = stats;
    view.deadline = deadline;
    view.scope = deadline ? new RequestScope(this, stats, deadline, signal) : undefined;
    return view as Database;
  }

  /** Runs one read query: in the request's shared read transaction, else in a managed (routed, retried) one. */
  async read<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<R[]> {
    if (this.scope) return this.scope.read<R>(cypher, params);
    return this.executeRead((tx) => run<R>(tx, cypher, params, this.stats));
  }

  /** Runs one write query in a managed write transaction. */
  async write<R extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<R[]> {
    return this.executeWrite((tx) => run<R>(tx, cypher, params, this.stats));
  }

  async executeRead<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.inSession(neo4j.session.READ, (session, config) => session.executeRead(work, config));
  }

  async executeWrite<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.inSession(neo4j.session.WRITE, (session, config) => session.executeWrite(work, config));
  }

  /**
   * One session for one managed transaction. Fails at once while the database is known to be down.
   * With a deadline, Neo4j is told the time left as the transaction timeout, and a timer of ours
   * ends the wait too (a frozen or unreachable server never answers, so its timeout cannot fire).
   */
  private async inSession<T>(mode: 'READ' | 'WRITE', body: (session: Session, config: { timeout?: number }) => Promise<T>): Promise<T> {
    if (this.availability.down) throw new DatabaseDownError(this.availability.down);
    const deadline = this.deadline;
    const left = deadline ? deadline.at - Date.now() : undefined;
    if (deadline && left! <= 0) throw new DeadlineExceededError(deadline.timeoutMs);
    const session = this.driver.session({ database: this.name, defaultAccessMode: mode });
    const closed = () => session.close().catch(() => undefined);
    if (!deadline) {
      try {
        return await body(session, {});
      } finally {
        await closed();
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlineExceededError(deadline.timeoutMs)), left);
    });
    try {
      return await Promise.race([body(session, { timeout: Math.max(1, Math.ceil(left!)) }), expired]);
    } finally {
      clearTimeout(timer);
      // Not awaited: closing a session whose server froze would wait as long as the server does.
      void closed();
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
    if (this.availability.down) throw new DatabaseDownError(this.availability.down);
    await this.driver.verifyConnectivity({ database: this.name });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/**
 * The reads of one GraphQL request: one session and one read transaction, opened at the first read
 * with the time left before the deadline as Neo4j's transaction timeout, and shared by every query
 * of the request (concurrent queries are pipelined on the transaction's connection), so a request
 * pays one BEGIN and one COMMIT, and its reads see one transaction's view of the graph.
 *
 * It ends in three ways:
 *  - idle: when no query is in flight after the current macrotask (resolvers issue the next level's
 *    queries from microtasks and DataLoader ticks, before that), the transaction commits in the
 *    background; a later read opens a new one;
 *  - `signal` aborts (the HTTP layer aborts it when the response is closed: sent, or the client
 *    went away), or the deadline passes: the session is closed at once, which resets the
 *    connection, so Neo4j stops the running queries instead of finishing them for nobody;
 *  - a query fails: that transaction is dropped (Neo4j has marked it failed), the next read opens
 *    a fresh one.
 * Reads are not retried (a managed transaction's retry would re-run queries of other fields); the
 * request's deadline bounds the whole.
 */
export class RequestScope {
  private session?: Session;
  private tx?: Transaction;
  private inFlight = 0;
  private idleTimer?: NodeJS.Immediate;
  private ended = false;
  /** The request's turn while Neo4j warms up (asked at its first read; only requests that signal their end take part). */
  private admission?: Promise<unknown>;
  private release?: () => void;

  constructor(
    private readonly db: Database,
    private readonly stats: QueryStats,
    private readonly deadline: Deadline,
    private readonly signal?: AbortSignal,
  ) {
    if (signal) {
      if (signal.aborted) this.ended = true;
      else signal.addEventListener('abort', () => this.end(), { once: true });
    }
  }

  /** True once the request's reads have been stopped (client gone, response done or deadline). */
  get isEnded(): boolean {
    return this.ended;
  }

  async read<R extends RecordShape>(cypher: string, params: Params): Promise<R[]> {
    if (this.db.availability.down) throw new DatabaseDownError(this.db.availability.down);
    if (this.signal && this.db.warmUp.active) {
      this.admission ??= this.db.warmUp.admit(this.deadline.at, () => new DeadlineExceededError(this.deadline.timeoutMs)).then((release) => {
        if (this.ended) release();
        else this.release = release;
      });
      try {
        await this.admission;
      } catch (err) {
        this.end();
        throw err;
      }
    }
    const left = this.deadline.at - Date.now();
    if (left <= 0 || this.ended) {
      this.end();
      throw new DeadlineExceededError(this.deadline.timeoutMs);
    }
    const tx = this.transaction(left);
    if (this.idleTimer) clearImmediate(this.idleTimer);
    this.idleTimer = undefined;
    this.inFlight += 1;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.end();
        reject(new DeadlineExceededError(this.deadline.timeoutMs));
      }, left);
    });
    const started = performance.now();
    try {
      const result = await Promise.race([tx.run<R>(cypher, params), expired]);
      this.stats.record(performance.now() - started);
      return result.records.map((r) => r.toObject() as R);
    } catch (err) {
      if (this.ended) throw new DeadlineExceededError(this.deadline.timeoutMs);
      if (this.tx === tx) this.drop();
      throw err;
    } finally {
      clearTimeout(timer);
      this.inFlight -= 1;
      if (this.inFlight === 0 && this.tx) this.idleTimer = setImmediate(() => this.commitIfIdle());
    }
  }

  /** Stops the request's database work: the session closes (resetting its connection) and nothing more runs. */
  end(): void {
    this.ended = true;
    this.release?.();
    if (this.idleTimer) clearImmediate(this.idleTimer);
    this.drop();
  }

  private transaction(left: number): Transaction {
    if (this.tx) return this.tx;
    const session = this.db.driver.session({ database: this.db.name, defaultAccessMode: neo4j.session.READ });
    this.session = session;
    this.tx = session.beginTransaction({ timeout: Math.max(1, Math.ceil(left)) });
    return this.tx;
  }

  private commitIfIdle(): void {
    this.idleTimer = undefined;
    if (this.inFlight > 0 || !this.tx) return;
    const { tx, session } = this;
    this.tx = undefined;
    this.session = undefined;
    void tx
      .commit()
      .catch(() => undefined)
      .finally(() => session?.close().catch(() => undefined));
  }

  /** Not awaited: closing a session whose server froze would wait as long as the server does. */
  private drop(): void {
    const session = this.session;
    this.tx = undefined;
    this.session = undefined;
    void session?.close().catch(() => undefined);
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
