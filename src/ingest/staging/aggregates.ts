/**
 * Commodity levels in one Comtrade import, so that no sum counts a value twice across levels.
 *
 * A Comtrade download may state the same trade at several levels: the `TOTAL` row (all
 * commodities), HS2 chapters, HS4 headings and HS6 subheadings, for the same period, reporter,
 * partner and flow. The API sums every flow a filter matches, and a product filter matches a code
 * and everything under it, so a row stored together with its own detail would count twice. For each
 * coarse row (TOTAL, HS2, HS4) that has detail in the same import (TOTAL is above every code; `85`
 * above `8542` and `854231`):
 * - the detail at one level adds up to it (within 0.1%): the coarse row is skipped, the detail kept
 *   (the coarse value is their sum);
 * - it does not (partial detail, e.g. one HS6 code of a chapter): the coarse row is kept and the
 *   rows under it are skipped, so no total loses the coarse value.
 * Either way a kept row has no kept row above or below it. Both kinds of skipped rows are counted.
 *
 * Memory: one small bit set per dimension group (period, reporter, partner, flow) while reading,
 * plus the coarse rows (TOTAL, HS2, HS4) only; the checks are further reading passes, run only
 * when some group has rows at more than one level.
 */
import type { Reader, ReaderOptions } from '../readers/reader';
import type { RowItem, Where } from '../types';

export const AGGREGATE_SKIP = 'aggregate of finer rows in the same import that add up to it (TOTAL, HS2 or HS4): stored as the detail, so no sum counts it twice';
export const DETAIL_SKIP = 'detail of a coarser row in the same import that it does not add up to (partial detail): the coarser row is stored, so no sum counts it twice';

/** A Comtrade flow id is `flow:comtrade:<classification>:<period>:<reporter>:<partner>:<flow>:<cmdCode>`. */
function split(id: string): { group: string; code: string } {
  const at = id.lastIndexOf(':');
  return { group: id.slice(0, at), code: id.slice(at + 1) };
}

const levelOf = (code: string): number => (code === 'TOTAL' ? 0 : Math.min(code.length, 6));
const levelBit = (code: string): number => 1 << levelOf(code);

/** The codes above a code: TOTAL, then its 2- and 4-digit prefixes. */
function ancestors(code: string): string[] {
  if (code === 'TOTAL') return [];
  const out = ['TOTAL'];
  for (const n of [2, 4]) if (code.length > n) out.push(code.slice(0, n));
  return out;
}

interface Coarse extends Where {
  value?: number;
  /** Sum of the values of the rows under it, per level (2, 4, 6). */
  sums: Map<number, number>;
}

const addsUp = (sum: number, value: number): boolean => Math.abs(sum - value) <= Math.max(1, Math.abs(value) * 0.001);

export class CommodityLevels {
  private readonly levels = new Map<string, number>();
  /** "group|code" of coarse rows -> where they were read (first place; a repeat is dropped elsewhere) and their value. */
  private readonly coarse = new Map<string, Coarse>();

  /** Records a valid flow row. */
  add(item: RowItem): void {
    const node = item.nodes[0];
    if (!node || !node.id.startsWith('flow:comtrade:')) return;
    const { group, code } = split(node.id);
    this.levels.set(group, (this.levels.get(group) ?? 0) | levelBit(code));
    if (levelOf(code) < 6) {
      const key = `${group}|${code}`;
      const value = typeof node.props.value === 'number' ? node.props.value : undefined;
      if (!this.coarse.has(key)) this.coarse.set(key, { file: item.file, line: item.line, value, sums: new Map() });
    }
  }

  private mixed(): boolean {
    for (const bits of this.levels.values()) if ((bits & (bits - 1)) !== 0) return true;
    return false;
  }

  private async *rows(reader: Reader, files: string[], opts: ReaderOptions): AsyncIterable<{ item: RowItem; group: string; code: string }> {
    for (const file of files) {
      for await (const item of reader.read(file, { ...opts, onBytes: undefined })) {
        if (item.errors.length > 0 || item.skip || !item.nodes[0]) continue;
        yield { item, ...split(item.nodes[0].id) };
      }
    }
  }

  /** The rows to skip: coarse rows their detail adds up to, and the detail under coarse rows it does not. */
  async skipped(reader: Reader, files: string[], opts: ReaderOptions): Promise<{ aggregates: Where[]; details: Where[] }> {
    if (this.coarse.size === 0 || !this.mixed()) return { aggregates: [], details: [] };
    for await (const { item, group, code } of this.rows(reader, files, opts)) {
      const value = item.nodes[0]!.props.value;
      for (const a of ancestors(code)) {
        const c = this.coarse.get(`${group}|${a}`);
        if (c) c.sums.set(levelOf(code), (c.sums.get(levelOf(code)) ?? 0) + (typeof value === 'number' ? value : 0));
      }
    }
    const aggregates: Where[] = [];
    const partial = new Set<string>();
    for (const [key, c] of this.coarse) {
      if (c.sums.size === 0) continue; // no detail: stays
      if (c.value !== undefined && [...c.sums.values()].some((s) => addsUp(s, c.value!))) aggregates.push(c);
      else partial.add(key);
    }
    const details: Where[] = [];
    if (partial.size > 0) {
      for await (const { item, group, code } of this.rows(reader, files, opts)) {
        if (ancestors(code).some((a) => partial.has(`${group}|${a}`))) details.push({ file: item.file, line: item.line });
      }
    }
    return { aggregates, details };
  }
}
