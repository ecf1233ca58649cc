/**
 * Cross-record checks over a whole import, with memory bounded by `KeyIndex` (one short digest per
 * record key, spilled to disk past a limit), never by the records' content:
 * - the same key (node id, relationship) twice with different content is an error naming both lines;
 *   twice with the same content is a harmless repetition (written once);
 * - two facts with the same dimensions (figure: metric, subjects, periods; flow: direction,
 *   endpoints, product, period) but different values are conflicting facts (curated files only,
 *   whose facts are few; Comtrade flow ids already are their dimensions);
 * - every relationship endpoint must be defined in the import or exist in the graph: references
 *   are remembered with the first place they occur and resolved after the pass.
 */
import { createHash } from 'node:crypto';
import { KeyIndex, Seen, DEFAULT_MEMORY_LIMIT } from './key-index';
import type { ImportError, RowItem, Where } from './types';

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
  private readonly keys: KeyIndex;
  /** Fact dimensions -> the fact's value (as the digest), spilled like the keys past the limit. */
  private readonly facts: KeyIndex;
  /** Node ids defined by an item besides its key (rare: most items define one node, their key). */
  private readonly defined = new Set<string>();
  private readonly references = new Map<string, Reference>();
  private readonly files: string[] = [];

  constructor(memoryLimit: number = DEFAULT_MEMORY_LIMIT) {
    this.keys = new KeyIndex(memoryLimit);
    this.facts = new KeyIndex(memoryLimit);
  }

  private fileIndex(file: string): number {
    let i = this.files.indexOf(file);
    if (i === -1) i = this.files.push(file) - 1;
    return i;
  }

  private where(s: Seen): string {
    return `${this.files[s.fileIndex]}:${s.line}`;
  }

  /**
   * Records a valid item. Returns 'new', 'repeat' (same content seen before: skip it), or
   * 'conflict' with messages for the item. Past the memory limit, duplicates of keys are only
   * found by `finish()`.
   */
  add(item: RowItem, opts: { references?: boolean } = {}): { status: 'new' | 'repeat' | 'conflict'; errors: string[] } {
    const fileIndex = this.fileIndex(item.file);
    const errors: string[] = [];
    let status: 'new' | 'repeat' | 'conflict' = 'new';
    if (item.key !== undefined) {
      const digest = digestOf(item);
      const seen = this.keys.add(item.key, { digest, fileIndex, line: item.line });
      if (seen && seen.digest === digest) status = 'repeat';
      else if (seen) {
        status = 'conflict';
        errors.push(conflictMessage(item.key, this.where(seen)));
      }
    }
    if (item.factKey !== undefined && status === 'new') {
      const value = (item.factValue ?? '').replace(/\s+/g, ' ').trim();
      const seen = this.facts.add(item.factKey, { digest: value, fileIndex, line: item.line });
      if (seen && seen.digest !== value) {
        status = 'conflict';
        errors.push(factConflictMessage(item.key ?? 'this record', value, seen.digest, this.where(seen)));
      }
    }
    if (status === 'new' && opts.references !== false) {
      for (const n of item.nodes) {
        // The key index already knows an item's own id: a second entry per row would double memory.
        if (n.id !== item.key) this.defined.add(n.id);
        this.references.delete(n.id);
      }
      // An item's relationships start at its own node(s): only the other ends are references.
      const own = new Set(item.nodes.map((n) => n.id));
      for (const r of item.rels) {
        if (!own.has(r.fromId)) this.refer(r.fromId, item);
        if (!own.has(r.toId)) this.refer(r.toId, item);
      }
    }
    return { status, errors };
  }

  private isDefined(id: string): boolean {
    return this.defined.has(id) || this.keys.hasInMemory(id);
  }

  private refer(id: string, at: Where): void {
    if (this.isDefined(id)) return;
    const ref = this.references.get(id);
    if (ref) ref.count += 1;
    else this.references.set(id, { file: at.file, line: at.line, count: 1 });
  }

  /**
   * After the reading pass: conflicts among spilled keys (as errors at the later line), and the
   * references that spilled keys resolve are dropped.
   */
  async finish(): Promise<ImportError[]> {
    const { conflicts, found } = await this.keys.finish(this.references.keys());
    for (const id of found) this.references.delete(id);
    const errors = conflicts.map((c) => ({ file: this.files[c.again.fileIndex]!, line: c.again.line, message: conflictMessage(c.key, this.where(c.first)) }));
    const facts = await this.facts.finish([]);
    for (const c of facts.conflicts) {
      errors.push({ file: this.files[c.again.fileIndex]!, line: c.again.line, message: factConflictMessage('this record', c.again.digest, c.first.digest, this.where(c.first)) });
    }
    return errors;
  }

  /**
   * As `finish`, for imports that track no references (staged Comtrade runs): conflicts among
   * spilled keys as errors at the later line, and repeats (same content) found only now.
   */
  async finishLate(): Promise<{ conflicts: ImportError[]; repeats: Where[] }> {
    const { conflicts, repeats } = await this.keys.finish([]);
    return {
      conflicts: conflicts.map((c) => ({ file: this.files[c.again.fileIndex]!, line: c.again.line, message: conflictMessage(c.key, this.where(c.first)) })),
      repeats: repeats.map((r) => ({ file: this.files[r.again.fileIndex]!, line: r.again.line })),
    };
  }

  /** Ids referenced but not defined by the import, with where they are first referenced. */
  unresolved(): Map<string, Reference> {
    return this.references;
  }

  dispose(): void {
    this.keys.dispose();
    this.facts.dispose();
  }
}

function factConflictMessage(id: string, value: string, earlier: string, where: string): string {
  return `conflicting facts: ${id} states ${value} where the fact at ${where} states ${earlier} for the same dimensions`;
}

function conflictMessage(key: string, earlier: string): string {
  return `${key} is defined twice with different content: here and at ${earlier}`;
}
