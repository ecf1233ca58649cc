/**
 * The common representation every reader produces: node upserts and relationship upserts,
 * grouped per input record ("row") so that errors, duplicates and conflicts point at file:line.
 */
import type { Say } from '../say';
import type { NodeLabel, RelType } from './model';

export type PropValue = string | number | boolean | string[] | number[];
export type Props = Record<string, PropValue>;

export interface NodeUpsert {
  label: NodeLabel;
  id: string;
  props: Props;
  /**
   * The properties this statement owns: every property its record type can carry, given or not.
   * Owned properties it does not give are removed from the node; other properties are left alone.
   */
  owned: string[];
}

export interface RelUpsert {
  type: RelType;
  fromId: string;
  toId: string;
  props: Props;
  /** Provenance of the relationship itself; merged (set union) with what the graph already has, unless owned. */
  excerptIds: string[];
  /** The relationship properties this statement owns (as for nodes: owned but not given = removed). */
  owned: string[];
  /**
   * Stated by a field of the record that owns it (a region's `partOf`): its `excerptIds` are the
   * record's and replace the stored ones, unless a `link` record stated it too (then they accumulate).
   */
  ownsExcerpts?: boolean;
}

/**
 * A record's claim on the relationships one of its fields states: every relationship of `type` from
 * (`out`) or into (`in`) node `id` that the import does not state is removed, unless a `link` stated it.
 */
export interface RelClaim {
  type: RelType;
  id: string;
  direction: 'out' | 'in';
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
  /** The relationships the record owns through its fields (curated records only). */
  claims?: RelClaim[];
  errors: string[];
}

export interface ImportError {
  file: string;
  line: number;
  message: string;
}

/** What the import reports through (the CLI's `say` or a pino logger): the one Say type. */
export type Logger = Say;
