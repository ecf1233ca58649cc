/**
 * The reading loop every CSV reader shares (Comtrade, HS nomenclature): records from `readCsv`, a
 * CSV-level error (an unclosed quote, a bad encoding) as an item with the text as read, the first
 * record as the header, then each row with its fields. A header the reader cannot use ends the
 * file with one fatal item: nothing else in it can be read.
 */
import { emptyItem } from '../build';
import { readCsv } from '../csv';
import { TYPOGRAPHIC_QUOTES } from '../text';
import type { RowItem } from '../types';
import type { ReaderOptions } from './reader';

export interface CsvRow<H> {
  /** The row's item (file, line), to be filled by the reader. */
  item: RowItem;
  fields: string[];
  /** The record as read (for the rejects file). */
  text: string;
  header: H;
  /** 1 for the first row after the header. */
  index: number;
}

/** `header` parses the first record: the header, or why the file cannot be read. */
export async function* csvRows<H>(
  file: string,
  opts: Pick<ReaderOptions, 'encoding' | 'onBytes'>,
  header: (fields: string[]) => { header: H } | { error: string },
): AsyncGenerator<CsvRow<H> | { item: RowItem; fields?: undefined }> {
  let parsed: H | undefined;
  let index = 0;
  for await (const ev of readCsv(file, { encoding: opts.encoding, onBytes: opts.onBytes })) {
    const item = emptyItem(file, ev.line);
    if (ev.kind === 'error') {
      item.errors.push(ev.message);
      item.raw = ev.text;
      yield { item };
      continue;
    }
    if (parsed === undefined) {
      const h = header(ev.fields);
      if ('error' in h) {
        item.errors.push(h.error);
        item.fatal = true;
        yield { item };
        return;
      }
      parsed = h.header;
      continue;
    }
    index += 1;
    yield { item, fields: ev.fields, text: ev.text, header: parsed, index };
  }
}

/** The error for a row whose field count differs from the header's, with a hint when typographic quotes seem to be the cause. */
export function fieldCountError(fields: string[], width: number): string {
  const hint = fields.some((f) => TYPOGRAPHIC_QUOTES.test(f)) ? ' (a value seems quoted with typographic quotes such as „...“ or “...”: CSV needs ASCII double quotes "...")' : '';
  return `row has ${fields.length} fields but the header has ${width}${hint}`;
}
