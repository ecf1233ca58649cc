/**
 * The one type of what tells people how things go (the CLI's stderr lines, the server's logger,
 * a test's silence): progress and warnings as plain sentences. Every layer that reports takes a Say.
 */
export interface Say {
  info(msg: string): void;
  warn(msg: string): void;
  /** Something broke that an operator must see (a crashed Neo4j); reporters without it use `warn`. */
  error?(msg: string): void;
}
