/**
 * `tradegraph token --role editor --sub alice`: a local development token (HS256, signed with
 * AUTH_JWT_SECRET or, outside production, the local secret file `tradegraph serve` reads too),
 * printed on stdout for `Authorization: Bearer <token>`.
 */
import { Command, Option } from 'commander';
import { issueToken, ROLES } from '../../auth';
import type { Role } from '../../auth';
import { loadConfig } from '../../config';
import { say } from '../say';

export function registerToken(program: Command): void {
  program
    .command('token')
    .description('Issue a local development token (HS256) for Authorization: Bearer')
    .addOption(new Option('--role <role...>', 'role(s) the token grants').choices([...ROLES]).makeOptionMandatory())
    .option('--sub <subject>', 'who the token names (recorded as author and reviewer of changes)', 'dev')
    .option('--expires <span>', 'lifetime, e.g. 30m, 8h, 7d', '8h')
    .action(async (opts: { role: Role[]; sub: string; expires: string }) => {
      const config = loadConfig();
      if (config.auth.jwksUrl) say.warn('AUTH_JWKS_URL is set: the server verifies tokens against the identity provider, not this local token');
      const token = await issueToken(config.auth, { sub: opts.sub, roles: opts.role, expiresIn: opts.expires });
      process.stdout.write(`${token}\n`);
    });
}
