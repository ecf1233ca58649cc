/**
 * Deleting a managed server's data: the database, the logs, the generated conf, the state file and
 * the generated password (it belongs to the deleted store: the next start generates a new one, so it
 * never prints a password the new store does not have).
 * Only what the managed server creates is removed, so a data dir shared with other files is safe;
 * the folder itself goes only if nothing else is left in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ManagedNeo4jConfig } from '../../config';
import { credentialsFile } from './auth';
import { serverLayout } from './conf';
import { ManagedNeo4jError } from './errors';
import { status } from './state';

export async function wipeData(cfg: Pick<ManagedNeo4jConfig, 'dataDir'>): Promise<void> {
  const dataDir = path.resolve(cfg.dataDir);
  const s = await status({ dataDir });
  if (s.running) {
    throw new ManagedNeo4jError(`Refusing to wipe ${dataDir}: Neo4j is running on it (pid ${s.pid}, ${s.boltUri}); stop it first`);
  }
  const layout = serverLayout(dataDir);
  // `run` is where Neo4j keeps its pid file when started by its own scripts; it may create it here too.
  for (const p of [layout.dataDir, layout.logsDir, layout.confDir, path.join(dataDir, 'run'), layout.stateFile, credentialsFile(dataDir)]) {
    await fs.promises.rm(p, { recursive: true, force: true });
  }
  try {
    await fs.promises.rmdir(dataDir);
  } catch {
    // not empty (someone else's files) or already gone
  }
}
