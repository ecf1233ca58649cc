/**
 * Reader of the HS nomenclature CSV `section,hscode,description,parent,level` (the open-data
 * "datasets/harmonized-system" layout: levels 2, 4, 6; chapters have parent TOTAL).
 *
 * Rows become Product nodes `hs<edition>:<code>` (edition from the `hsEdition` option, default
 * HS2022) with PART_OF to their parent; chapters hang under `hs<edition>:TOTAL`, the root that
 * stands for all commodities (Comtrade's cmdCode TOTAL), taken from the file's own root row
 * `TOTAL,TOTAL,Total of all HS2022 commodities,TOTAL,5` when it has one. Codes a spreadsheet
 * stripped of their leading zero are restored (and counted). One Source (kind reference-data) and one
 * Excerpt per file; every product is STATED_IN the excerpt of the file it came from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { emptyItem, node, rel } from '../build';
import { normalizeName, slugify } from '../text';
import { csvRows, fieldCountError } from './csv-rows';
import type { RowItem } from '../types';
import type { Reader, ReaderOptions } from './reader';

const COLUMNS = ['section', 'hscode', 'description', 'parent', 'level'] as const;
type Column = (typeof COLUMNS)[number];

interface FileInfo {
  edition: string;
  rows: number;
  modified: string;
  hasChapters: boolean;
}

export function hsSourceIds(file: string, edition: string): { source: string; excerpt: string } {
  const slug = `${edition.toLowerCase()}-${slugify(path.basename(file))}`;
  return { source: `source:hs-${slug}`, excerpt: `excerpt:hs-${slug}` };
}

export const HS_LEADING_ZERO = 'HS code lost its leading zero (a spreadsheet read it as a number, e.g. 1 for 01): restored';

export function hsRootId(edition: string): string {
  return `hs${edition.slice(2)}:TOTAL`;
}

export class HsReader implements Reader {
  private readonly files = new Map<string, FileInfo>();

  async *read(file: string, opts: ReaderOptions): AsyncIterable<RowItem> {
    const edition = opts.hsEdition;
    if (!/^HS\d{4}$/.test(edition)) {
      const item = emptyItem(file, 0);
      item.errors.push(`hsEdition ${JSON.stringify(edition)} must look like HS2022`);
      yield item;
      return;
    }
    const prefix = `hs${edition.slice(2)}:`;
    const { excerpt } = hsSourceIds(file, edition);
    let rows = 0;
    let hasChapters = false;
    let hasRoot = false;
    const columns = (fields: string[]): { header: { index: Record<Column, number>; width: number } } | { error: string } => {
      const names = fields.map((f) => f.trim().toLowerCase());
      const missing = COLUMNS.filter((c) => !names.includes(c));
      if (missing.length > 0) return { error: `not an HS nomenclature header: expected columns ${COLUMNS.join(',')}; missing ${missing.join(', ')}` };
      return { header: { index: Object.fromEntries(COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<Column, number>, width: fields.length } };
    };
    for await (const row of csvRows(file, opts, columns)) {
      const { item } = row;
      if (row.fields === undefined) {
        yield item;
        continue;
      }
      const { index, width } = row.header;
      rows += 1;
      const f = row.fields;
      if (f.length !== width) {
        item.errors.push(fieldCountError(f, width));
        item.raw = row.text;
        yield item;
        continue;
      }
      const get = (c: Column): string => (f[index[c]] ?? '').trim();
      const levelRaw = get('level');
      const section = get('section');
      const description = normalizeName(get('description'));
      const errors = item.errors;
      const notices: string[] = [];
      // Codes that lost their leading zero in a spreadsheet (1 for 01, 10121 for 010121) are restored
      // when the row agrees: the restored code starts with its (restored) parent, at the stated level.
      const rawCode = get('hscode');
      const rawParent = get('parent');
      const pad = (c: string): string => (/^\d{1}$|^\d{3}$|^\d{5}$/.test(c) ? `0${c}` : c);
      let code = rawCode;
      let parent = rawParent;
      if (pad(rawCode) !== rawCode || pad(rawParent) !== rawParent) {
        const c = pad(rawCode);
        const p = pad(rawParent);
        if (String(c.length) === levelRaw && (p === 'TOTAL' ? c.length === 2 : c.startsWith(p) && c.length === p.length + 2)) {
          code = c;
          parent = p;
          notices.push(HS_LEADING_ZERO);
        }
      }
      if (notices.length > 0) item.notices = notices;
      if (code === 'TOTAL') {
        // The file's own root row: `TOTAL,TOTAL,Total of all HS2022 commodities,TOTAL,5`.
        if (parent !== 'TOTAL') errors.push(`parent ${JSON.stringify(parent)} of the TOTAL root must be TOTAL`);
        if (description === '') errors.push('description is empty');
        if (errors.length === 0) {
          const root = hsRootId(edition);
          hasRoot = true;
          item.key = root;
          item.nodes.push(node('Product', root, { name: description, hsCode: 'TOTAL', hsEdition: edition, hsLevel: undefined, hsSection: undefined }));
          item.rels.push(rel('STATED_IN', root, excerpt));
        }
        if (errors.length > 0) item.raw = row.text;
        yield item;
        continue;
      }
      const level = Number(levelRaw);
      const codeOk = /^(?:\d{2}|\d{4}|\d{6})$/.test(code);
      if (!codeOk) errors.push(`hscode ${JSON.stringify(rawCode)} must be 2, 4 or 6 digits`);
      if (!['2', '4', '6'].includes(levelRaw)) errors.push(`level ${JSON.stringify(levelRaw)} must be 2, 4 or 6`);
      else if (codeOk && code.length !== level) errors.push(`level ${level} does not match the ${code.length}-digit code ${code}`);
      const expectedParent = code.length === 2 ? 'TOTAL' : code.slice(0, code.length - 2);
      if (codeOk && parent !== expectedParent) errors.push(`parent ${JSON.stringify(parent)} must be ${expectedParent} for code ${code}`);
      if (!/^(?:[IVXL]+|TOTAL)$/.test(section)) errors.push(`section ${JSON.stringify(section)} must be a roman numeral`);
      if (description === '') errors.push('description is empty');
      if (errors.length === 0) {
        const id = prefix + code;
        if (code.length === 2) hasChapters = true;
        item.key = id;
        item.nodes.push(node('Product', id, { name: description, hsCode: code, hsEdition: edition, hsLevel: level, hsSection: section }));
        item.rels.push(rel('PART_OF', id, prefix + parent), rel('STATED_IN', id, excerpt));
      } else item.raw = row.text;
      yield item;
    }
    // A header-only or empty file states nothing: no Source, no Excerpt.
    if (rows === 0) return;
    this.files.set(file, { edition, rows, modified: fs.statSync(file).mtime.toISOString().slice(0, 10), hasChapters: hasChapters && !hasRoot });
  }

  fileItems(): RowItem[] {
    const items: RowItem[] = [];
    for (const [file, info] of this.files) {
      const { source, excerpt } = hsSourceIds(file, info.edition);
      const base = path.basename(file);
      items.push(
        {
          file,
          line: 0,
          key: source,
          nodes: [
            node('Source', source, {
              title: `Harmonized System ${info.edition} nomenclature (${base})`,
              publisher: 'World Customs Organization',
              kind: 'reference-data',
              file: base,
              retrieved: info.modified,
              language: 'en',
            }),
          ],
          rels: [],
          errors: [],
        },
        {
          file,
          line: 0,
          key: excerpt,
          nodes: [node('Excerpt', excerpt, { text: `${info.edition} nomenclature file ${base}: ${info.rows} HS entries (section, code, description, parent, level)`, locator: 'whole file, one entry per row', language: 'en' })],
          rels: [rel('EXCERPT_OF', excerpt, source)],
          errors: [],
        },
      );
      if (info.hasChapters) {
        const root = hsRootId(info.edition);
        items.push({
          file,
          line: 0,
          key: root,
          // Several files of one edition each name the root: same content, written once.
          content: `root ${root}`,
          nodes: [node('Product', root, { name: `All commodities (${info.edition})`, hsCode: 'TOTAL', hsEdition: info.edition })],
          rels: [rel('STATED_IN', root, excerpt)],
          errors: [],
        });
      }
    }
    return items;
  }
}
