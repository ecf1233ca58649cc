/**
 * The roles of curation, stated once. Each role includes the ones before it: an editor may do what
 * a curator may, an admin what an editor may. A rule names the least role a field needs.
 */
export const ROLES = ['reader', 'curator', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(s: unknown): s is Role {
  return typeof s === 'string' && (ROLES as readonly string[]).includes(s);
}

/** Whether a holder of `held` may do what needs `needed`. */
export function includes(held: readonly Role[], needed: Role): boolean {
  const rank = ROLES.indexOf(needed);
  return held.some((r) => ROLES.indexOf(r) >= rank);
}

/** Who sent a request: the token's subject and roles, or the anonymous reader. */
export interface User {
  /** The token's `sub`; `anonymous` for a request without a token. */
  sub: string;
  roles: Role[];
  anonymous: boolean;
}

export const ANONYMOUS: User = Object.freeze({ sub: 'anonymous', roles: ['reader'] as Role[], anonymous: true });
