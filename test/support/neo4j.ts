/**
 * The real Neo4j of the test run, for integration suites.
 *
 * Community Edition has one user database, so suites are isolated in time rather than space:
 * they run one at a time and `useTestGraph()` empties the graph before each suite (constraints,
 * indexes and the migration records stay).
 */
import { loadConfig } from '../../src/config';
import { Database, Neo4jConnection } from '../../src/neo4j/database';

let db: Database | undefined;

/**
 * How to reach the run's Neo4j: its URI and credentials (the managed test server has auth on, with
 * the password global setup read from its data folder; with NEO4J_URI, the user's credentials).
 */
export function testConnection(): Neo4jConnection {
  const uri = process.env.TRADEGRAPH_TEST_NEO4J_URI;
  if (!uri) throw new Error('TRADEGRAPH_TEST_NEO4J_URI is not set: run the tests through jest (global setup starts Neo4j)');
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const password = process.env.TRADEGRAPH_TEST_NEO4J_PASSWORD ?? config.neo4j.password;
  const username = process.env.TRADEGRAPH_TEST_NEO4J_USERNAME ?? config.neo4j.username;
  return { ...config.neo4j, uri, username, password };
}

/**
 * Environment for a config the suites build (merge it under their own settings): the run's
 * credentials, and a deadline long enough for a cold query on a loaded machine (the deadline
 * itself is tested by its own suite).
 */
export function testEnv(): Record<string, string> {
  const c = testConnection();
  return { NEO4J_USERNAME: c.username, ...(c.password !== undefined ? { NEO4J_PASSWORD: c.password } : {}), REQUEST_TIMEOUT_MS: '120000' };
}

/** The run's database, connected (one driver per test file). */
export function testDatabase(): Database {
  db ??= new Database(testConnection());
  return db;
}

/**
 * Deletes every node and relationship except the migration records. Relationships go first, in
 * batches: DETACH DELETE of a hub with 100k+ relationships would not fit one transaction's memory.
 */
export async function resetGraph(database: Database = testDatabase()): Promise<void> {
  await database.autoCommit('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
  await database.autoCommit('MATCH (n) WHERE NOT n:Migration CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

export async function closeTestDatabase(): Promise<void> {
  await db?.close();
  db = undefined;
}

/** Registers an empty graph before the suite and closes the driver after it. */
export function useTestGraph(): () => Database {
  beforeAll(async () => {
    await resetGraph(testDatabase());
  });
  afterAll(async () => {
    await closeTestDatabase();
  });
  return testDatabase;
}
