/**
 * Streams a CSV (or tab-separated) file as records with the line number where each starts.
 *
 * csv-parse does the field parsing, one record at a time: a record is assembled from lines until
 * its double quotes balance. Parsing record by record isolates errors: an unclosed quote or a
 * stray character after a closing quote is reported at its own line and parsing resumes with the
 * next line, so one bad row cannot swallow the rest of the file or hide the errors after it.
 */
import { parse } from 'csv-parse/sync';
import { readLines } from './lines';

/** `text`: the record as read (its lines joined), for a rejects file. */
export type CsvEvent = { kind: 'record'; line: number; fields: string[]; text: string } | { kind: 'error'; line: number; message: string; text: string };

/** A quoted field may span lines; past this many lines an open quote is taken as a mistake. */
const MAX_RECORD_LINES = 20;

export interface CsvOptions {
  encoding?: string;
  onBytes?: (n: number) => void;
}

/** Tab when the header has tabs and no more commas than tabs, else comma. */
export function detectDelimiter(headerLine: string): ',' | '\t' {
  const tabs = headerLine.split('\t').length - 1;
  const commas = headerLine.split(',').length - 1;
  return tabs > 0 && tabs >= commas ? '\t' : ',';
}

/** Records parsed by one csv-parse call; a chunk that fails is parsed again record by record. */
const CHUNK_RECORDS = 500;

export async function* readCsv(file: string, opts: CsvOptions = {}): AsyncGenerator<CsvEvent> {
  let delimiter: ',' | '\t' | undefined;
  // Lines waiting to be assembled into a record (re-queued after an unclosed quote).
  const queue: { line: number; text: string }[] = [];
  // Assembled records (balanced quotes) waiting to be parsed.
  let records: { line: number; text: string }[] = [];

  const parseOne = (text: string): string[][] => parse(text, { delimiter, relax_column_count: true, record_delimiter: '\n' }) as string[][];

  function* parseRecords(): Generator<CsvEvent> {
    const chunk = records;
    records = [];
    if (chunk.length === 0) return;
    // Fast path: one parser call for the whole chunk (a parser per record costs 15x more).
    try {
      const rows = parseOne(chunk.map((r) => r.text).join('\n'));
      if (rows.length === chunk.length) {
        for (let i = 0; i < rows.length; i++) yield { kind: 'record', line: chunk[i]!.line, fields: rows[i]!, text: chunk[i]!.text };
        return;
      }
    } catch {
      // some record is malformed: find which, below
    }
    for (const r of chunk) {
      try {
        for (const fields of parseOne(r.text)) yield { kind: 'record', line: r.line, fields, text: r.text };
      } catch (err) {
        yield { kind: 'error', line: r.line, message: describeCsvError(err), text: r.text };
      }
    }
  }

  function* drain(final: boolean): Generator<CsvEvent> {
    while (queue.length > 0) {
      let quotes = 0;
      let end = -1;
      for (let i = 0; i < queue.length && i < MAX_RECORD_LINES; i++) {
        quotes += countQuotes(queue[i]!.text);
        if (quotes % 2 === 0) {
          end = i;
          break;
        }
      }
      if (end === -1) {
        if (!final && queue.length < MAX_RECORD_LINES) break; // wait for more lines
        const first = queue.shift()!;
        yield* parseRecords(); // keep the order of events
        yield { kind: 'error', line: first.line, message: 'unclosed double quote (a quoted value is never closed on this line or the next ones)', text: first.text };
        continue;
      }
      const lines = queue.splice(0, end + 1);
      const text = lines.map((l) => l.text).join('\n');
      if (text.trim() === '') continue; // blank line
      if (delimiter === undefined) {
        delimiter = detectDelimiter(text);
        records.push({ line: lines[0]!.line, text });
        yield* parseRecords(); // the header on its own, so a caller sees it first
        continue;
      }
      if (lines.length === 1 && quotes === 0) {
        // Fast path: a line without any double quote is its fields split on the delimiter, exactly
        // what the parser would return (the parser costs most of the reading time otherwise).
        yield* parseRecords(); // keep the order of events
        yield { kind: 'record', line: lines[0]!.line, fields: text.split(delimiter), text };
        continue;
      }
      records.push({ line: lines[0]!.line, text });
      if (records.length >= CHUNK_RECORDS) yield* parseRecords();
    }
    if (final) yield* parseRecords();
  }

  for await (const l of readLines(file, opts.encoding, opts.onBytes)) {
    if (l.error) {
      yield* parseRecords(); // keep the order of events
      yield { kind: 'error', line: l.line, message: l.error, text: l.text };
      // The row's values would be garbage: report the line and drop it.
      continue;
    }
    queue.push({ line: l.line, text: l.text });
    yield* drain(false);
  }
  yield* drain(true);
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i !== -1; i = s.indexOf('"', i + 1)) n++;
  return n;
}

function describeCsvError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const msg = (e.message ?? String(err)).replace(/ at line \d+/, '');
  return `malformed CSV: ${msg}`;
}
