// tradegraph + Apollo Client: the cache setup the README documents (test/integration/apollo-client.test.ts runs it).
import { InMemoryCache, type TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import possibleTypes from '../../schema/possible-types.json';
import connectionFields from '../../schema/connection-fields.json';

export function createTradegraphCache(): InMemoryCache {
  const typePolicies: TypePolicies = {};
  // Every connection field pages with relayStylePagination; its other arguments keep lists apart.
  for (const [type, fields] of Object.entries(connectionFields)) {
    typePolicies[type] = {
      fields: Object.fromEntries(Object.entries(fields).map(([field, keyArgs]) => [field, relayStylePagination(keyArgs)])),
    };
  }
  // node(id:) reads from the cache when the object is there: a global id is base64 of `Type:key`.
  typePolicies.Query!.fields!.node = {
    read: (existing, { args, toReference }) =>
      existing ?? (typeof args?.id === 'string' ? toReference({ __typename: atob(args.id).split(':')[0], id: args.id }) : undefined),
  };
  // possibleTypes: which object types match `... on Named`, `... on Fact`, `... on Node`, `... on Place`.
  return new InMemoryCache({ possibleTypes, typePolicies });
}
