/**
 * A bad configuration ends the CLI with one clear line and a non-zero exit, no stack dump.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'main.js');

function runCli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('tradegraph command line', () => {
  it.each([
    ['serve', { PORT: 'eighty' }, 'tradegraph: Invalid configuration: PORT="eighty"'],
    ['migrate', { NEO4J_URI: 'http://example.invalid' }, 'tradegraph: Invalid configuration: NEO4J_URI="http://example.invalid" must start with one of'],
  ])('`%s` with a bad setting fails with one line', (command, env, start) => {
    const r = runCli([command], env);
    expect(r.status).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(start);
  });

  it('fails with one line when the configured Neo4j is unreachable', () => {
    const r = runCli(['migrate'], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(r.status).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tradegraph: Cannot reach Neo4j/);
  });

  it('documents every subcommand with --help', () => {
    for (const args of [['--help'], ['serve', '--help'], ['migrate', '--help'], ['seed', '--help'], ['import', '--help'], ['neo4j', '--help'], ['neo4j', 'start', '--help'], ['schema', '--help']]) {
      const r = runCli(args, {});
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Usage: tradegraph/);
    }
  });
});
