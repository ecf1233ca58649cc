/**
 * The per-request context: created once per GraphQL request, it carries the database handle, the
 * request's query statistics and its DataLoaders (so batching and caching never leak across requests).
 */
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
}

export function createRequestContext(services: AppServices, wantsStats: boolean): RequestContext {
  const stats = new QueryStats();
  return { ...services, db: services.db.withStats(stats), stats, loaders: new Map(), wantsStats };
}
