/** The managed local Neo4j: used when NEO4J_URI is not set. See managed-neo4j.ts. */
export { ManagedNeo4j, NEO4J_MAIN_CLASS } from './managed-neo4j';
export type { StartOptions, StartedNeo4j } from './managed-neo4j';
export { ManagedNeo4jError } from './errors';
export { wipeData } from './wipe';
export { status } from './state';
export type { ServerStatus } from './state';
export { credentialsFile, readCredentials } from './auth';
export type { Credentials } from './auth';
export type { Supervision } from './managed-neo4j';
