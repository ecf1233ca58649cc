/**
 * Starts one real Neo4j for the test run: a managed Community server on free ports with a
 * throwaway data folder, or the server named by NEO4J_URI (whose database the tests WIPE).
 * Its Bolt URI reaches the suites through TRADEGRAPH_TEST_NEO4J_URI, and the managed server's
 * credentials (auth is on) through TRADEGRAPH_TEST_NEO4J_USERNAME / _PASSWORD (test/support/neo4j.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { Database } from '../../src/neo4j/database';
import { ManagedNeo4j } from '../../src/neo4j/managed';
import { migrate } from '../../src/neo4j/migrations';

const say = { info: (m: string) => process.stderr.write(`[neo4j] ${m}\n`), warn: (m: string) => process.stderr.write(`[neo4j] warning: ${m}\n`) };

export default async function globalSetup(): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  let uri = config.neo4j.uri;
  let credentials = { username: config.neo4j.username, password: config.neo4j.password };
  if (uri) {
    say.warn(`tests use NEO4J_URI=${uri} and wipe database ${config.neo4j.database}`);
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-test-'));
    const managed = new ManagedNeo4j(
      { ...config.managed, dataDir, boltPort: 0, httpPort: 0, heap: '1g', pageCache: '128m' },
      say,
    );
    const started = await managed.start();
    uri = started.boltUri;
    // The managed server has auth on, with a password generated into its data folder.
    credentials = { username: started.username, password: started.password };
    process.env.TRADEGRAPH_TEST_NEO4J_USERNAME = started.username;
    process.env.TRADEGRAPH_TEST_NEO4J_PASSWORD = started.password;
    (globalThis as Record<string, unknown>).__TRADEGRAPH_NEO4J__ = { managed, dataDir };
  }
  process.env.TRADEGRAPH_TEST_NEO4J_URI = uri;
  const db = new Database({ ...config.neo4j, ...credentials, uri });
  try {
    await migrate(db);
    process.stderr.write(`\nTests run against a real Neo4j: ${await db.serverInfo()} at ${uri}\n`);
  } finally {
    await db.close();
  }
}
