/**
 * Apollo Server assembly: schema, plugins (drain, landing page, stats, limits), error mapping.
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
import { statsPlugin } from './stats.plugin';
import { extraPlugins } from './plugins';

export function createApolloServer(
  schema: GraphQLSchema,
  config: Config,
  log: Logger,
  httpServer: http.Server,
): ApolloServer<RequestContext> {
  const development = config.env === 'development';
  const plugins: ApolloServerPlugin<RequestContext>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    config.env === 'production'
      ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
      : ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: true }),
    statsPlugin,
    ...extraPlugins(schema, config),
  ];
  return new ApolloServer<RequestContext>({
    schema,
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: development,
    csrfPrevention: true,
    formatError: formatErrorFor(log, development),
    logger: log,
    plugins,
  });
}
