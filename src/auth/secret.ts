/**
 * The local development secret: with no AUTH_JWT_SECRET and no AUTH_JWKS_URL (and not in
 * production), `tradegraph serve` and `tradegraph token` share a random HS256 key kept in
 * `.tradegraph/auth-secret` (created on first use, readable by its owner only), so signing in
 * locally needs no configuration and no secret is ever written into the code.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuthConfig } from '../config';

export function hmacSecret(auth: AuthConfig): Uint8Array | undefined {
  if (auth.secret) return new TextEncoder().encode(auth.secret);
  if (!auth.localSecretFile) return undefined;
  return new TextEncoder().encode(readOrCreate(auth.localSecretFile));
}

function readOrCreate(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  try {
    // `wx`: when two processes start at once, the first file wins and both read it.
    fs.writeFileSync(file, secret + '\n', { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return fs.readFileSync(file, 'utf8').trim();
  }
}
