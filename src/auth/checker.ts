/**
 * The one place the role rules are enforced: type-graphql's `authChecker`, which runs before every
 * field carrying `@Authorized(role)` (every Mutation and Subscription field has one: a test checks
 * the schema). A resolver cannot skip it: type-graphql wraps the field's resolver with it when the
 * schema is built. No identity -> UNAUTHENTICATED (401); an identity without the role -> FORBIDDEN (403).
 */
import type { AuthCheckerFn } from 'type-graphql';
import { forbidden, unauthenticated } from './errors';
import { includes, isRole, Role, User } from './roles';

export const authChecker: AuthCheckerFn<{ user: User }, Role> = ({ context, info }, roles) => {
  const needed = roles.filter(isRole);
  if (needed.length !== roles.length) throw new Error(`${info.parentType.name}.${info.fieldName} names an unknown role (${roles.join(', ')})`);
  const user = context.user;
  if (needed.length === 0) needed.push('reader');
  if (needed.some((r) => includes(user.roles, r))) return true;
  const what = `${info.parentType.name}.${info.fieldName} needs the ${needed.join(' or ')} role`;
  if (user.anonymous) throw unauthenticated(`${what}: sign in (send an Authorization: Bearer token)`);
  throw forbidden(`${what}; ${user.sub} has ${user.roles.join(', ') || 'no role'}`);
};
