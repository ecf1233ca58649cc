/**
 * Commodity levels in one Comtrade import, so that no sum counts a value twice across levels.
 *
 * A Comtrade download may state the same trade at several levels: the `TOTAL` row (all
 * commodities), HS2 chapters, HS4 headings and HS6 subheadings, for the same period, reporter,
 * partner and flow. The API sums every flow a filter matches, and a product filter matches a code
 * and everything under it, so storing both a row and its own detail would count the value twice.
 * Rule: a row is stored unless the same import states finer detail under its code for the same
 * dimensions (TOTAL is above every code; `85` is above `8542` and `854231`); then it is skipped and
 * counted. Partial detail keeps the rest: HS2 rows for chapters without HS4 rows stay.
 *
 * Memory: one small bit set per dimension group (period, reporter, partner, flow) while reading,
 * plus the coarse rows (TOTAL, HS2, HS4) only; the check itself is a second reading pass, run only
 * when some group has rows at more than one level.
 */
import type { Reader, ReaderOptions } from '../readers/reader';
import type { RowItem, Where } from '../types';

export const AGGREGATE_SKIP = 'aggregate of finer rows in the same import (TOTAL, HS2 or HS4 rows whose detail is imported too): stored as the detail, so no sum counts it twice';

/** A Comtrade flow id is `flow:comtrade:<classification>:<period>:<reporter>:<partner>:<flow>:<cmdCode>`. */
function split(id: string): { group: string; code: string } {
  const at = id.lastIndexOf(':');
  return { group: id.slice(0, at), code: id.slice(at + 1) };
}

const levelBit = (code: string): number => (code === 'TOTAL' ? 1 : 1 << Math.min(code.length, 6));

/** The codes above a code: TOTAL, then its 2- and 4-digit prefixes. */
function ancestors(code: string): string[] {
  if (code === 'TOTAL') return [];
  const out = ['TOTAL'];
  for (const n of [2, 4]) if (code.length > n) out.push(code.slice(0, n));
  return out;
}

export class CommodityLevels {
  private readonly levels = new Map<string, number>();
  /** "group|code" of coarse rows -> where they were read (first place; a repeat is dropped elsewhere). */
  private readonly coarse = new Map<string, Where>();

  /** Records a valid flow row. */
  add(item: RowItem): void {
    const id = item.nodes[0]?.id;
    if (!id || !id.startsWith('flow:comtrade:')) return;
    const { group, code } = split(id);
    this.levels.set(group, (this.levels.get(group) ?? 0) | levelBit(code));
    if (code === 'TOTAL' || code.length < 6) {
      const key = `${group}|${code}`;
      if (!this.coarse.has(key)) this.coarse.set(key, { file: item.file, line: item.line });
    }
  }

  private mixed(): boolean {
    for (const bits of this.levels.values()) if ((bits & (bits - 1)) !== 0) return true;
    return false;
  }

  /** The coarse rows that finer rows of the same import detail (a second pass over the files, only when levels are mixed). */
  async covered(reader: Reader, files: string[], opts: ReaderOptions): Promise<Where[]> {
    if (this.coarse.size === 0 || !this.mixed()) return [];
    const hit = new Map<string, Where>();
    for (const file of files) {
      for await (const item of reader.read(file, { ...opts, onBytes: undefined })) {
        if (item.errors.length > 0 || item.skip || !item.nodes[0]) continue;
        const { group, code } = split(item.nodes[0].id);
        for (const a of ancestors(code)) {
          const key = `${group}|${a}`;
          const where = this.coarse.get(key);
          if (where) hit.set(key, where);
        }
      }
    }
    return [...hit.values()];
  }
}
