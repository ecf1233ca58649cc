/**
 * Bearer tokens: verified with `jose` against the shared secret (HS256) or the identity
 * provider's JWKS (RS256, ES256, ...: what its keys say), issuer and audience checked when
 * configured. The roles come from the configured claim; unknown role names are ignored.
 */
import { createRemoteJWKSet, errors as joseErrors, JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { AuthConfig } from '../config';
import { unauthenticated } from './errors';
import { isRole, Role, User } from './roles';
import { hmacSecret } from './secret';

export type Verify = (token: string) => Promise<User>;

/** The roles a token's payload grants, read from `claim` (a name, a dotted path, or a URL claim name). */
export function rolesOf(payload: JWTPayload, claim: string): Role[] {
  let value: unknown = (payload as Record<string, unknown>)[claim];
  if (value === undefined && !claim.includes('://')) {
    value = claim.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), payload);
  }
  const list = typeof value === 'string' ? value.split(/[\s,]+/) : Array.isArray(value) ? value : [];
  return [...new Set(list.map((r) => (typeof r === 'string' ? r.toLowerCase() : r)).filter(isRole))];
}

export function createVerifier(auth: AuthConfig): Verify {
  const jwks = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : undefined;
  let secret: Uint8Array | undefined;
  const options = { issuer: auth.issuer, audience: auth.audience };
  return async (token) => {
    let payload: JWTPayload;
    try {
      if (jwks) payload = (await jwtVerify(token, jwks, options)).payload;
      else {
        secret ??= hmacSecret(auth);
        if (!secret) throw unauthenticated('This server verifies no tokens: set AUTH_JWT_SECRET or AUTH_JWKS_URL');
        payload = (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
      }
    } catch (err) {
      throw unauthenticated(describe(err));
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw unauthenticated('The token has no subject (sub)');
    return { sub: payload.sub, roles: rolesOf(payload, auth.rolesClaim), anonymous: false };
  };
}

function describe(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'The token has expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `The token's ${err.claim} claim is not accepted`;
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return "The token's signature is not valid";
  if (err instanceof joseErrors.JOSEError) return `The token is not valid (${err.code})`;
  if (err instanceof Error && 'extensions' in err) return err.message;
  return 'The token could not be verified';
}

export interface IssueOptions {
  sub: string;
  roles: Role[];
  /** A jose time span: `8h`, `30m`, `7d`. */
  expiresIn: string;
}

/** A local token, signed with the shared or local secret (`tradegraph token`, tests). */
export async function issueToken(auth: AuthConfig, o: IssueOptions): Promise<string> {
  const secret = hmacSecret(auth);
  if (!secret) throw new Error('No secret to sign with: set AUTH_JWT_SECRET (local tokens are HS256; an identity provider issues its own)');
  const jwt = new SignJWT({ [auth.rolesClaim]: o.roles }).setProtectedHeader({ alg: 'HS256' }).setSubject(o.sub).setIssuedAt().setExpirationTime(o.expiresIn);
  if (auth.issuer) jwt.setIssuer(auth.issuer);
  if (auth.audience) jwt.setAudience(auth.audience);
  return jwt.sign(secret);
}
