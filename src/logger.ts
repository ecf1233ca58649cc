/**
 * Structured logs (pino, JSON lines, one line per event: a stack trace is a JSON string field, never
 * lines of its own) for the server; the CLI prints plain lines for people. Fields that carry secrets
 * are censored wherever they appear; URIs are redacted where they are written (config.redactUri).
 */
import pino from 'pino';
import type { Say } from './say';

export type Logger = pino.Logger;

const SECRET_FIELDS = ['password', 'NEO4J_PASSWORD', 'authorization', '*.password', '*.NEO4J_PASSWORD', '*.authorization', 'headers.authorization', 'req.headers.authorization'];

/** `destination` lets tests read the lines the server writes. */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = { level, base: { service: 'tradegraph' }, redact: { paths: SECRET_FIELDS, censor: '***' } };
  return destination ? pino(options, destination) : pino(options);
}

/** The logger as a `Say`, for layers that report in sentences (the managed Neo4j, the runtime). */
export function sayTo(log: Logger): Say {
  return { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) };
}
