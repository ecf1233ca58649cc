/**
 * Opens "the" Neo4j of this process: the user's server when NEO4J_URI is set, otherwise a managed
 * local Community server (downloaded and started on demand). Either way the caller gets one
 * `Database` and one `close()` that also stops a managed server.
 */
import type { Config } from '../config';
import { Database } from './database';
import { ManagedNeo4j } from './managed';

export interface Neo4jRuntime {
  db: Database;
  /** Present when this process started Neo4j itself. */
  managed?: ManagedNeo4j;
  /** A line for people: where the data lives and how to connect with Neo4j Browser or cypher-shell. */
  description: string;
  close(): Promise<void>;
}

interface Say {
  info(msg: string): void;
  warn(msg: string): void;
}

export async function openNeo4j(config: Config, say: Say): Promise<Neo4jRuntime> {
  if (config.neo4j.uri) {
    const db = new Database({ ...config.neo4j, uri: config.neo4j.uri });
    await db.verifyConnectivity();
    return {
      db,
      description: `Using Neo4j at ${config.neo4j.uri} (database ${config.neo4j.database})`,
      close: () => db.close(),
    };
  }
  const managed = new ManagedNeo4j(config.managed, say);
  const started = await managed.start();
  // The managed server runs without authentication, bound to 127.0.0.1 only.
  const db = new Database({ uri: started.boltUri, username: 'neo4j', database: config.neo4j.database });
  try {
    await db.verifyConnectivity();
  } catch (err) {
    await managed.stop();
    throw err;
  }
  return {
    db,
    managed,
    description:
      `Local Neo4j ${started.version} at ${started.boltUri} (Browser: ${started.httpUrl}/browser/, ` +
      `no auth; data in ${config.managed.dataDir})`,
    close: async () => {
      await db.close();
      await managed.stop();
    },
  };
}
