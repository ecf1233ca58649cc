/**
 * Authentication and roles: who sent a request (`authenticate`, from its bearer token) and what
 * they may do (`authChecker` and the roles). docs: README, "Curation".
 */
import type { AuthConfig } from '../config';
import { unauthenticated } from './errors';
import { ANONYMOUS, User } from './roles';
import { Verify } from './tokens';

export { authChecker } from './checker';
export { ROLES, includes, isRole } from './roles';
export type { Role, User } from './roles';
export { createVerifier, issueToken } from './tokens';
export type { Verify } from './tokens';

/**
 * The request's user from its Authorization header. No header: the anonymous reader (or, with
 * anonymous reading off, an identity with no role, refused by every field). A header that is not
 * a valid bearer token is refused outright (UNAUTHENTICATED), whatever the request asks.
 */
export async function authenticate(auth: AuthConfig, verify: Verify, header: string | undefined): Promise<User> {
  if (header === undefined || header.trim() === '') {
    if (!auth.anonymousRead) throw unauthenticated('This server does not allow anonymous reading: send an Authorization: Bearer token');
    return ANONYMOUS;
  }
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw unauthenticated('The Authorization header must be `Bearer <token>`');
  return verify(m[1]!);
}

export { ANONYMOUS };
