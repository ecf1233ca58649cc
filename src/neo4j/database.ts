/**
 * The one driver of the process and the way every module talks to Neo4j.
 *
 * Always managed transactions (`executeRead` / `executeWrite`) so that a cluster can route reads
 * to followers and the driver retries transient errors; always the database name, which saves a
 * round trip per session. Every query goes through `run`, which counts queries and database time
 * for the request statistics (`QueryStats`).
 */
import neo4j, { Driver, ManagedTransaction, QueryResult, RecordShape, Session } from 'neo4j-driver';
import { Release, WarmUpLimit } from './warm-up-limit';
import { RecentReads } from './recent-reads';

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
  private reason?: string;
  /** How many times it went down since the process started (a restarted Neo4j lost its plans). */
  outages = 0;

  get down(): string | undefined {
    return this.reason;
  }

  set down(reason: string | undefined) {
    if (reason !== undefined && this.reason === undefined) this.outages += 1;
    this.reason = reason;
  }
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
  /** Set on per-request views: the request's sessions, where its reads run as auto-commit queries. */
  readonly scope?: RequestScope;
  readonly availability = new Availability();
  /** While Neo4j is cold (after a start or restart), requests run one per core (warm-up-limit.ts). */
  readonly warmUp = new WarmUpLimit();
  /** The texts requests ran most, with their last parameters: replayed on a restarted Neo4j (recent-reads.ts). */
  readonly recent = new RecentReads();

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
   * deadline, the request's reads run as auto-commit queries on its own sessions (RequestScope), ended when
   * `signal` aborts (the client went away, or the response is done) or the deadline passes. Its reads
   * are noted in `recent` unless `replay` (the replay of those reads, recent-reads.ts, which also
   * yields its warm-up turns to requests' reads).
   */
  forRequest(stats: QueryStats, deadline?: Deadline, signal?: AbortSignal, replay = false): Database {
    const view = Object.create(this) as { stats?: QueryStats; deadline?: Deadline; scope?: RequestScope };
    view.stats = stats;
    view.deadline = deadline;
    view.scope = deadline ? new RequestScope(this, stats, deadline, signal, replay) : undefined;
    return view as Database;
  }

  /** Runs one read query: on the request's sessions (auto-commit), else in a managed (routed, retried) read transaction. */
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
 * The reads of one GraphQL request: each query runs as an auto-commit read (one RUN and PULL, one
 * write to the socket; no BEGIN, COMMIT or RESET) with the time left before the deadline as Neo4j's
 * transaction timeout, on the request's own sessions: one, reused level after level, plus one more
 * for each query running at the same time (a session runs one auto-commit query at a time).
 *
 * Why not one read transaction for the whole request: it cost two more messages per request (BEGIN,
 * then COMMIT or RESET) and bought no consistency, since Neo4j reads are read-committed (a later
 * query of the same transaction sees what others committed meanwhile; operations manual, "Database
 * internals and transactional behavior").
 *
 * The sessions end in three ways:
 *  - idle: when no query is in flight after the current macrotask (resolvers issue the next level's
 *    queries from microtasks and DataLoader ticks, before that), the idle sessions are closed (their
 *    connections went back to the pool when their results were read); a later read opens one again;
 *  - `signal` aborts (the HTTP layer aborts it when the response is closed: sent, or the client
 *    went away), or the deadline passes: every session is closed at once, which resets a busy
 *    connection, so Neo4j stops the running queries instead of finishing them for nobody;
 *  - a query fails: its error is the caller's; the session stays usable (the driver resets it).
 * The request's deadline bounds the whole.
 */
export class RequestScope {
  private readonly open = new Set<Session>();
  private idle: Session[] = [];
  private inFlight = 0;
  private idleTimer?: NodeJS.Immediate;
  private ended = false;

  constructor(
    private readonly db: Database,
    private readonly stats: QueryStats,
    private readonly deadline: Deadline,
    private readonly signal?: AbortSignal,
    /** A replay of recent reads: not noted again, and behind requests' reads for warm-up turns. */
    private readonly replay = false,
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
    // While Neo4j warms up, a text's first run waits for its turn (warm-up-limit.ts); others run at once.
    let release: Release | undefined;
    if (this.db.warmUp.active) {
      try {
        release = await this.db.warmUp.admit(cypher, this.deadline.at, () => new DeadlineExceededError(this.deadline.timeoutMs), this.signal, this.replay);
      } catch (err) {
        this.end();
        throw err instanceof DeadlineExceededError ? err : new DeadlineExceededError(this.deadline.timeoutMs);
      }
    }
    const left = this.deadline.at - Date.now();
    if (left <= 0 || this.ended) {
      release?.(false);
      this.end();
      throw new DeadlineExceededError(this.deadline.timeoutMs);
    }
    if (this.idleTimer) clearImmediate(this.idleTimer);
    this.idleTimer = undefined;
    if (!this.replay) this.db.recent.note(cypher, params);
    const session = this.idle.pop() ?? this.session();
    this.inFlight += 1;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.end();
        reject(new DeadlineExceededError(this.deadline.timeoutMs));
      }, left);
    });
    const started = performance.now();
    let planned = false;
    try {
      const result = await Promise.race([runWithoutCallerStack(() => session.run<R>(cypher, params, { timeout: Math.max(1, Math.ceil(left)) })), expired]);
      this.stats.record(performance.now() - started);
      planned = true;
      return result.records.map((r) => r.toObject() as R);
    } catch (err) {
      if (this.ended) throw new DeadlineExceededError(this.deadline.timeoutMs);
      throw err;
    } finally {
      release?.(planned);
      clearTimeout(timer);
      this.inFlight -= 1;
      if (!this.ended) this.idle.push(session);
      if (this.inFlight === 0 && !this.ended) this.idleTimer = setImmediate(() => this.closeIdle());
    }
  }

  /** Stops the request's database work: its sessions close (resetting busy connections) and nothing more runs. */
  end(): void {
    this.ended = true;
    if (this.idleTimer) clearImmediate(this.idleTimer);
    this.idleTimer = undefined;
    this.idle = [];
    for (const session of this.open) close(session);
    this.open.clear();
  }

  private session(): Session {
    const session = this.db.driver.session({ database: this.db.name, defaultAccessMode: neo4j.session.READ });
    this.open.add(session);
    return session;
  }

  private closeIdle(): void {
    this.idleTimer = undefined;
    if (this.inFlight > 0) return;
    for (const session of this.idle) {
      this.open.delete(session);
      close(session);
    }
    this.idle = [];
  }
}

/**
 * The driver records the caller's stack for every query (a `new Error().stack`, formatted at once),
 * to append it to a failure's stack: about 3% of the server's CPU on flow-by-id (bench/compare/cpu-profile). A request's reads
 * report failures through GraphQL errors whose stack nobody sees, so none is recorded for them.
 */
function runWithoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Not awaited: closing a session whose server froze would wait as long as the server does. */
function close(session: Session): void {
  void session.close().catch(() => undefined);
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
