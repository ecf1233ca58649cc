/**
 * The resolvers of every domain folder, assembled into the schema by graphql/schema.ts.
 */
export const domainResolvers: Function[] = [];
