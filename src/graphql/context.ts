/**
 * The per-request context: created once per GraphQL request, it carries the database handle, the
 * request's query statistics, its deadline and its DataLoaders (so batching and caching never leak across requests).
 */
import { ANONYMOUS, User } from '../auth';
import type { Config } from '../config';
import { Database, QueryStats } from '../neo4j/database';
import type { QueryCatalog } from '../neo4j/queries';

export interface AppServices {
  config: Config;
  db: Database;
  queries: QueryCatalog;
}

export interface RequestContext extends AppServices {
  stats: QueryStats;
  /** Loaders are created lazily per request and keyed by name (see graphql/loaders.ts). */
  loaders: Map<string, unknown>;
  /** True when the request asked for statistics in `extensions` (debug setting or header). */
  wantsStats: boolean;
  /** Who sent the request (src/auth/): the roles every `@Authorized` field is checked against. */
  user: User;
}

/**
 * The request's deadline starts now: every query of the request must end within REQUEST_TIMEOUT_MS.
 * `ended` (aborted when the HTTP response closes: sent, or the client went away) stops the
 * request's Neo4j work (see RequestScope in neo4j/database.ts).
 */
export function createRequestContext(services: AppServices, wantsStats: boolean, user: User = ANONYMOUS, ended?: AbortSignal): RequestContext {
  const stats = new QueryStats();
  const timeoutMs = services.config.requestTimeoutMs;
  const db = services.db.forRequest(stats, { at: Date.now() + timeoutMs, timeoutMs }, ended);
  return { ...services, db, stats, loaders: new Map(), wantsStats, user };
}
