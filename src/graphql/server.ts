/**
 * Apollo Server assembly: schema, plugins (drain, landing page, stats, limits, status), parser and
 * validation limits (tokens, aliases), error mapping. Apollo's own signal handlers are off: the
 * serve command owns shutdown (drain, close the driver, stop Neo4j, log "stopped").
 */
import type http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { RequestContext } from './context';
import { formatErrorFor } from './errors';
import { maxAliases } from './limits';
import { statsPlugin } from './stats.plugin';
import { extraPlugins, stringifyAnswer } from './plugins';
import { PersistedOperationsCache } from './persisted-operations';

export function createApolloServer(
  schema: GraphQLSchema,
  config: Config,
  log: Logger,
  httpServer: http.Server,
): ApolloServer<RequestContext> {
  const plugins: ApolloServerPlugin<RequestContext>[] = [
    // In-flight requests get the grace period to finish, then their connections are closed.
    ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
    config.env === 'production'
      ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
      : ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: true }),
    statsPlugin,
    ...extraPlugins(schema, config),
  ];
  return new ApolloServer<RequestContext>({
    schema,
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: config.debug,
    csrfPrevention: true,
    // graphql-js stops lexing past this many tokens: a 50,000-alias document costs no more than a small one.
    parseOptions: { maxTokens: config.graphql.maxTokens },
    validationRules: [maxAliases(config.graphql.maxAliases) as never],
    stopOnTerminationSignals: false,
    // The example operations are known by hash from the start (schema/persisted-operations.json).
    persistedQueries: { cache: new PersistedOperationsCache() },
    formatError: formatErrorFor(log, config.debug),
    // The response plugin measured the answer's JSON already: sent as it is, not serialized twice.
    stringifyResult: stringifyAnswer,
    logger: log,
    plugins,
  });
}
