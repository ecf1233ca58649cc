/**
 * Cross-record checks over a whole import, with memory proportional to the number of distinct
 * records (one short digest per key), never to their content:
 * - the same key (node id, relationship) twice with different content is an error naming both lines;
 *   twice with the same content is a harmless repetition (written once);
 * - two facts with the same dimensions (figure: metric, subjects, periods; flow: direction,
 *   endpoints, product, period) but different values are conflicting facts;
 * - every relationship endpoint must be defined in the import or exist in the graph: references
 *   are remembered with the first place they occur and resolved after the pass.
 */
import { createHash } from 'node:crypto';
import type { RowItem, Where } from './types';

interface Seen {
  digest: string;
  fileIndex: number;
  line: number;
  id?: string;
}

export interface Reference extends Where {
  count: number;
}

/** Props that describe where a record was read, not what it says (excluded from the digest). */
const VOLATILE_PROPS = new Set(['sourceRow']);

export function digestOf(item: RowItem): string {
  const content =
    item.content ??
    JSON.stringify([
      item.nodes.map((n) => [n.label, n.id, Object.entries(n.props).filter(([k]) => !VOLATILE_PROPS.has(k))]),
      item.rels.map((r) => [r.type, r.fromId, r.toId, r.props, r.excerptIds]),
    ]);
  return createHash('sha1').update(content).digest('base64').slice(0, 16);
}

export class ImportChecks {
  private readonly keys = new Map<string, Seen>();
  private readonly facts = new Map<string, Seen>();
  private readonly defined = new Set<string>();
  private readonly references = new Map<string, Reference>();
  private readonly files: string[] = [];

  private fileIndex(file: string): number {
    let i = this.files.indexOf(file);
    if (i === -1) i = this.files.push(file) - 1;
    return i;
  }

  private where(s: Seen): string {
    return `${this.files[s.fileIndex]}:${s.line}`;
  }

  /**
   * Records a valid item. Returns 'new', 'repeat' (same content seen before: skip it), or error
   * messages (conflicts) to attach to the item.
   */
  add(item: RowItem): { status: 'new' | 'repeat' | 'conflict'; errors: string[] } {
    const fileIndex = this.fileIndex(item.file);
    const errors: string[] = [];
    let status: 'new' | 'repeat' | 'conflict' = 'new';
    if (item.key !== undefined) {
      const digest = digestOf(item);
      const seen = this.keys.get(item.key);
      if (!seen) this.keys.set(item.key, { digest, fileIndex, line: item.line });
      else if (seen.digest === digest) status = 'repeat';
      else {
        status = 'conflict';
        errors.push(`${item.key} is defined twice with different content: here and at ${this.where(seen)}`);
      }
    }
    if (item.factKey !== undefined && status === 'new') {
      const digest = item.factValue ?? '';
      const seen = this.facts.get(item.factKey);
      if (!seen) this.facts.set(item.factKey, { digest, fileIndex, line: item.line, id: item.key });
      else if (seen.digest !== digest) {
        status = 'conflict';
        errors.push(`conflicting facts: ${item.key} states ${digest.trim()} where ${seen.id} at ${this.where(seen)} states ${seen.digest.trim()} for the same dimensions`);
      }
    }
    if (status === 'new') {
      for (const n of item.nodes) {
        // The key map already knows an item's own id: a second set entry per row would double memory.
        if (n.id !== item.key) this.defined.add(n.id);
        this.references.delete(n.id);
      }
      for (const r of item.rels) {
        this.refer(r.fromId, item);
        this.refer(r.toId, item);
      }
    }
    return { status, errors };
  }

  /** Marks ids as defined by the import (file-level items, created nodes). */
  define(ids: Iterable<string>): void {
    for (const id of ids) {
      this.defined.add(id);
      this.references.delete(id);
    }
  }

  private isDefined(id: string): boolean {
    return this.defined.has(id) || (this.keys.has(id) && !this.relKey(id));
  }

  /** Relationship keys contain spaces; node ids never do. */
  private relKey(key: string): boolean {
    return key.includes(' ');
  }

  private refer(id: string, at: Where): void {
    if (this.isDefined(id)) return;
    const ref = this.references.get(id);
    if (ref) ref.count += 1;
    else this.references.set(id, { file: at.file, line: at.line, count: 1 });
  }

  /** Ids referenced but not defined by the import, with where they are first referenced. */
  unresolved(): Map<string, Reference> {
    return this.references;
  }
}
