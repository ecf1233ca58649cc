/**
 * Plugins added by the API layer (depth and complexity limits live here).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { RequestContext } from './context';

export function extraPlugins(_schema: GraphQLSchema, _config: Config): ApolloServerPlugin<RequestContext>[] {
  return [];
}
