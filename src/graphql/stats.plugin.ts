/**
 * Adds the request's Cypher statistics to the response `extensions.stats` when asked for
 * (GRAPHQL_DEBUG_STATS, or the `x-tradegraph-stats: 1` request header).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context';

export const STATS_HEADER = 'x-tradegraph-stats';

export const statsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.wantsStats || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = {
          ...result.extensions,
          stats: {
            cypherQueries: contextValue.stats.queries,
            dbTimeMs: Math.round(contextValue.stats.dbTimeMs * 100) / 100,
          },
        };
      },
    };
  },
};
