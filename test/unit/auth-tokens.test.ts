/**
 * Tokens and roles without a server: what a token grants, what is refused and why.
 */
import { SignJWT } from 'jose';
import { authenticate, createVerifier, includes, issueToken } from '../../src/auth';
import { rolesOf } from '../../src/auth/tokens';
import type { AuthConfig } from '../../src/config';

const auth: AuthConfig = { secret: 'a-test-secret-of-at-least-thirty-two-chars', rolesClaim: 'roles', anonymousRead: true };
const verify = createVerifier(auth);
const key = new TextEncoder().encode(auth.secret);

describe('tokens', () => {
  it('a local token names its subject and roles', async () => {
    const token = await issueToken(auth, { sub: 'alice', roles: ['editor'], expiresIn: '1h' });
    await expect(authenticate(auth, verify, `Bearer ${token}`)).resolves.toEqual({ sub: 'alice', roles: ['editor'], anonymous: false });
  });

  it('refuses an expired token, a bad signature, a malformed header: UNAUTHENTICATED with status 401', async () => {
    const expired = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('bob').setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(key);
    const otherKey = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('bob').sign(new TextEncoder().encode('x'.repeat(40)));
    for (const [header, message] of [
      [`Bearer ${expired}`, /expired/],
      [`Bearer ${otherKey}`, /signature/],
      ['Bearer not.a.token', /not valid/],
      ['Basic dXNlcjpwdw==', /Bearer/],
    ] as const) {
      const err = await authenticate(auth, verify, header).then(
        () => undefined,
        (e: any) => e,
      );
      expect(err?.message).toMatch(message);
      expect(err.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
    }
  });

  it('no header: the anonymous reader, unless anonymous reading is off', async () => {
    await expect(authenticate(auth, verify, undefined)).resolves.toMatchObject({ anonymous: true, roles: ['reader'] });
    await expect(authenticate({ ...auth, anonymousRead: false }, verify, undefined)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('checks issuer and audience when configured', async () => {
    const strict: AuthConfig = { ...auth, issuer: 'https://id.example', audience: 'tradegraph' };
    const good = await issueToken(strict, { sub: 'carol', roles: ['curator'], expiresIn: '5m' });
    await expect(createVerifier(strict)(good)).resolves.toMatchObject({ sub: 'carol' });
    const wrong = await issueToken({ ...strict, audience: 'other' }, { sub: 'carol', roles: ['curator'], expiresIn: '5m' });
    await expect(createVerifier(strict)(wrong)).rejects.toThrow(/aud claim/);
  });
});

describe('roles', () => {
  it('reads the roles claim by name, dotted path or as a space-separated string; unknown roles are ignored', () => {
    expect(rolesOf({ roles: ['Editor', 'owner'] }, 'roles')).toEqual(['editor']);
    expect(rolesOf({ realm_access: { roles: ['curator'] } }, 'realm_access.roles')).toEqual(['curator']);
    expect(rolesOf({ 'https://tradegraph.example/roles': 'reader admin' }, 'https://tradegraph.example/roles')).toEqual(['reader', 'admin']);
    expect(rolesOf({}, 'roles')).toEqual([]);
  });

  it('each role includes the ones below it', () => {
    expect(includes(['admin'], 'curator')).toBe(true);
    expect(includes(['editor'], 'editor')).toBe(true);
    expect(includes(['curator'], 'editor')).toBe(false);
    expect(includes(['reader'], 'curator')).toBe(false);
    expect(includes([], 'reader')).toBe(false);
  });
});
