/**
 * Plugins added by the API layer: depth, page-size and complexity limits (graphql/limits.ts),
 * enforced once the operation is resolved and before any resolver or Cypher query runs.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { RequestContext } from './context';
import { enforceLimits } from './limits';

export function limitsPlugin(schema: GraphQLSchema, config: Config): ApolloServerPlugin<RequestContext> {
  const limits = {
    maxDepth: config.graphql.maxDepth,
    maxComplexity: config.graphql.maxComplexity,
    maxPageSize: config.graphql.maxPageSize,
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          enforceLimits(schema, document, request.variables, operationName, limits);
        },
      };
    },
  };
}

export function extraPlugins(schema: GraphQLSchema, config: Config): ApolloServerPlugin<RequestContext>[] {
  return [limitsPlugin(schema, config)];
}
