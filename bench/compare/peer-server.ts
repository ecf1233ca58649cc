/**
 * The peer: @neo4j/graphql v7 on Apollo Server 5 (standalone), over the same Neo4j.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7706 PORT=4107 node dist/bench/compare/peer-server.js
 *
 * Prints one line `peer: listening on <url>` once it serves. As a library, `startPeer` returns
 * the server and its driver (the profiler wraps the driver to capture the peer's Cypher).
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { Driver } from 'neo4j-driver';
import { PEER_TYPE_DEFS } from './peer-typedefs';

export interface RunningPeer {
  url: string;
  driver: Driver;
  stop(): Promise<void>;
}

export function peerDriver(uri: string): Driver {
  return neo4j.driver(uri, undefined, { maxConnectionPoolSize: 50, disableLosslessIntegers: true });
}

export async function peerSchema(driver: Driver) {
  const neoSchema = new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver });
  return neoSchema.getSchema();
}

export async function startPeer(uri: string, port: number, driver: Driver = peerDriver(uri)): Promise<RunningPeer> {
  const schema = await peerSchema(driver);
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    // The library reads the database name from the context (one round trip less per session).
    context: async () => ({ sessionConfig: { database: process.env.NEO4J_DATABASE ?? 'neo4j' } }),
  });
  return {
    url,
    driver,
    stop: async () => {
      await server.stop();
      await driver.close();
    },
  };
}

if (require.main === module) {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('peer-server: set NEO4J_URI');
  startPeer(uri, Number(process.env.PORT ?? 4107))
    .then((peer) => {
      process.stdout.write(`peer: listening on ${peer.url}\n`);
      const stop = () => void peer.stop().finally(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    })
    .catch((err: Error) => {
      process.stderr.write(`peer-server: ${err.stack ?? err.message}\n`);
      process.exit(1);
    });
}
