/**
 * Structured logs (pino, JSON lines) for the server; the CLI prints plain lines for people.
 */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: { service: 'tradegraph' } });
}
