import { Command } from 'commander';
import { loadConfig } from '../../config';
import { RunningService, startService } from '../../service';
import { reportFailure } from '../failure';

/**
 * `tradegraph serve`. Shutdown is ours (Apollo's signal handlers are off): on SIGTERM or SIGINT,
 * stop accepting, let in-flight requests finish (SHUTDOWN_GRACE_MS at most), close the driver,
 * stop the managed Neo4j, log "stopped" and exit 0. A managed Neo4j that cannot be restarted ends
 * the process with exit code 1, so that systemd or Kubernetes can take over.
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start Neo4j (managed unless NEO4J_URI is set), apply migrations and the seed, and serve GraphQL')
    .option('--no-seed', 'do not load the curated seed graph')
    .action(async (opts: { seed: boolean }) => {
      const config = loadConfig();
      // Assigned once, below, but read before that by the signal handlers (undefined: still starting).
      // eslint-disable-next-line prefer-const
      let service: RunningService | undefined;
      let exiting = false;
      const shutdown = (reason: string, code: number) => {
        if (exiting) return;
        exiting = true;
        service?.log.info({ reason }, 'shutting down');
        void (service ? service.stop() : Promise.resolve())
          .catch((err) => reportFailure(err))
          .finally(() => process.exit(code));
      };
      // A signal during start-up ends the process at once: the exit guard and the launcher's
      // watchdog stop a Neo4j that was starting.
      const onSignal = (signal: string) => {
        if (service) return shutdown(signal, 0);
        process.stderr.write(`tradegraph: ${signal} during start-up; stopping\n`);
        process.exit(signal === 'SIGINT' ? 130 : 143);
      };
      process.on('SIGINT', () => onSignal('SIGINT'));
      process.on('SIGTERM', () => onSignal('SIGTERM'));
      // A crash still stops the managed Neo4j (its watchdog also covers a hard kill of this process).
      process.once('uncaughtException', (err) => {
        reportFailure(err);
        shutdown('uncaughtException', 1);
      });
      service = await startService(config, {
        seed: opts.seed,
        onFatal: (err) => {
          service?.log.error({ err: err.message }, 'Neo4j is gone and could not be restarted; exiting');
          shutdown('Neo4j could not be restarted', 1);
        },
      });
      process.stderr.write(`tradegraph: GraphQL at ${service.url} (Ctrl-C to stop)\n`);
      // The password is shown to a person at a terminal, never written into a redirected log.
      const login = process.stderr.isTTY ? service.runtime.login : service.runtime.loginHint;
      if (login) process.stderr.write(`tradegraph: ${login}\n`);
    });
}
