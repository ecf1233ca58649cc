/**
 * The common representation every reader produces: node upserts and relationship upserts,
 * grouped per input record ("row") so that errors, duplicates and conflicts point at file:line.
 */
import type { NodeLabel, RelType } from './model';

export type PropValue = string | number | boolean | string[] | number[];
export type Props = Record<string, PropValue>;

export interface NodeUpsert {
  label: NodeLabel;
  id: string;
  props: Props;
}

export interface RelUpsert {
  type: RelType;
  fromId: string;
  toId: string;
  props: Props;
  /** Provenance of the relationship itself; merged (set union) with what the graph already has. */
  excerptIds: string[];
}

export interface Where {
  file: string;
  line: number;
}

/** What one input record (a JSON line, a CSV row) turns into. */
export interface RowItem extends Where {
  /** Identity of the record for duplicate detection (usually its node id, or a relationship key). */
  key?: string;
  /** Content digest input: same key + different content = conflict. */
  content?: string;
  /** Identity of the fact it states, by its dimensions: same factKey + different value = conflict. */
  factKey?: string;
  factValue?: string;
  nodes: NodeUpsert[];
  /** Every endpoint must exist in the import or already in the graph. */
  rels: RelUpsert[];
  errors: string[];
}

export interface ImportError {
  file: string;
  line: number;
  message: string;
}

/** Anything with info/warn taking a message, e.g. the CLI's `say` or a pino logger. */
export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
}
