/** Stops the run's managed Neo4j and deletes its throwaway data folder. */
import fs from 'node:fs';
import type { ManagedNeo4j } from '../../src/neo4j/managed';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__TRADEGRAPH_NEO4J__ as
    | { managed: ManagedNeo4j; dataDir: string }
    | undefined;
  if (!state) return;
  await state.managed.stop();
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}
