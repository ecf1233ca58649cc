/**
 * The managed Neo4j's credentials: authentication is on, the user is `neo4j`, and its password is
 * generated once and kept in `<dataDir>/tradegraph-auth.json` (mode 0600), beside the database it
 * protects. A page in the developer's browser can reach 127.0.0.1 (Bolt over WebSocket is not
 * covered by CORS), so without a password any web page could read and write the graph.
 *
 * A new store's `neo4j` user has the default password `neo4j`, which Neo4j only accepts for
 * changing it. So after every start: the saved password works, or the default one does and is
 * changed to a newly generated one (a fresh store, or one made while auth was off).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { ManagedNeo4jError } from './errors';

export const MANAGED_USER = 'neo4j';
const DEFAULT_PASSWORD = 'neo4j';

export interface Credentials {
  username: string;
  password: string;
}

export function credentialsFile(dataDir: string): string {
  return path.join(dataDir, 'tradegraph-auth.json');
}

/** The saved credentials of the managed Neo4j on `dataDir`, if any. */
export function readCredentials(dataDir: string): Credentials | undefined {
  try {
    const c = JSON.parse(fs.readFileSync(credentialsFile(dataDir), 'utf8')) as Partial<Credentials>;
    return typeof c.username === 'string' && typeof c.password === 'string' ? { username: c.username, password: c.password } : undefined;
  } catch {
    return undefined;
  }
}

function saveCredentials(dataDir: string, c: Credentials): void {
  const file = credentialsFile(dataDir);
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(c, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
}

async function authenticates(boltUri: string, c: Credentials): Promise<boolean> {
  const driver = neo4j.driver(boltUri, neo4j.auth.basic(c.username, c.password));
  try {
    await driver.verifyAuthentication();
    return true;
  } catch (err) {
    if (err instanceof Neo4jError && /Unauthorized|CredentialsExpired|AuthenticationRateLimit/.test(err.code)) return false;
    throw err;
  } finally {
    await driver.close();
  }
}

/** Makes sure the running server on `boltUri` has the saved password, setting it on a new store. */
export async function ensureCredentials(boltUri: string, dataDir: string): Promise<Credentials> {
  const saved = readCredentials(dataDir);
  if (saved && (await authenticates(boltUri, saved))) return saved;
  const fresh: Credentials = { username: MANAGED_USER, password: randomBytes(18).toString('base64url') };
  // Saved before it is set: if we die in between, the next start still finds the default password.
  saveCredentials(dataDir, fresh);
  const driver = neo4j.driver(boltUri, neo4j.auth.basic(MANAGED_USER, DEFAULT_PASSWORD));
  try {
    await driver.executeQuery('ALTER CURRENT USER SET PASSWORD FROM $old TO $new', { old: DEFAULT_PASSWORD, new: fresh.password }, { database: 'system' });
  } catch (err) {
    if (err instanceof Neo4jError && /Unauthorized/.test(err.code)) {
      throw new ManagedNeo4jError(
        `The Neo4j on ${dataDir} has a password tradegraph does not know (not the one in ${credentialsFile(dataDir)}); ` +
          'put the right one there, or delete the data with `tradegraph neo4j wipe`',
      );
    }
    throw err;
  } finally {
    await driver.close();
  }
  return fresh;
}
