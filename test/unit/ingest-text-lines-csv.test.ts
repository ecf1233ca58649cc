import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCsv, detectDelimiter, CsvEvent } from '../../src/ingest/csv';
import { firstInvalidUtf8, readLines, checkEncoding } from '../../src/ingest/lines';
import { normalizeName, slugify } from '../../src/ingest/text';
import { parseAmount } from '../../src/ingest/numbers';

const FIX = path.join(__dirname, '..', 'fixtures', 'ingest');

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

function tmpFile(content: string | Buffer): string {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-')), 'f.csv');
  fs.writeFileSync(f, content);
  return f;
}

describe('text normalization', () => {
  it('trims, applies NFC, collapses spaces and turns typographic quotes into ASCII', () => {
    expect(normalizeName('  Chang’an   Automobile ')).toBe("Chang'an Automobile");
    expect(normalizeName('„Areas, nes“')).toBe('"Areas, nes"');
    expect(normalizeName('Cafe\u0301')).toBe('Café'.normalize('NFC'));
  });
  it('slugifies file names', () => {
    expect(slugify('Comtrade 2022 (CN).csv')).toBe('comtrade-2022-cn-csv');
  });
});

describe('strict amounts', () => {
  it.each([
    ['', true, 'V is empty'],
    ['NaN', false, 'V is not a number: "NaN"'],
    ['1,234', false, 'V is not a number: "1,234"'],
    ['-5', false, 'V must not be negative: -5'],
  ])('rejects %j', (raw, required, message) => {
    const errors: string[] = [];
    expect(parseAmount(raw, 'V', required, errors)).toBeUndefined();
    expect(errors).toEqual([message]);
  });
  it('accepts decimals and exponents, and empty optional cells', () => {
    const errors: string[] = [];
    expect(parseAmount('8123456.5', 'V', true, errors)).toBe(8123456.5);
    expect(parseAmount('1e3', 'V', true, errors)).toBe(1000);
    expect(parseAmount(' ', 'V', false, errors)).toBeUndefined();
    expect(errors).toEqual([]);
  });
});

describe('readLines', () => {
  it('drops a UTF-8 BOM and CR of CRLF line ends', async () => {
    const lines = await collect(readLines(path.join(FIX, 'comtrade', 'legacy-bom-crlf.csv')));
    expect(lines[0]!.text.startsWith('Classification,')).toBe(true);
    expect(lines.every((l) => !l.text.endsWith('\r') && !l.error)).toBe(true);
  });

  it('reports each line that is not valid UTF-8 with one message naming the likely encoding, and keeps the others', async () => {
    const lines = await collect(readLines(path.join(FIX, 'curated', 'mixed-encoding.jsonl')));
    expect(lines.map((l) => l.error === undefined)).toEqual([true, false, true]);
    // The same message on every bad line of a file, so the report groups them into one line.
    expect(lines[1]!.error).toBe('not valid UTF-8 text: the file looks like windows-1252; re-run with --encoding windows-1252');
  });

  it('decodes GB18030 when told, and flags it as invalid UTF-8 when not', async () => {
    const file = path.join(FIX, 'comtrade', 'legacy-gb18030.csv');
    const asUtf8 = await collect(readLines(file));
    expect(asUtf8.filter((l) => l.error).map((l) => l.line)).toEqual([2, 3]);
    const asGb = await collect(readLines(file, 'gb18030'));
    expect(asGb.every((l) => !l.error)).toBe(true);
    expect(asGb[1]!.text).toContain(',泰国,');
  });

  it('reports mixed encodings either way round', async () => {
    const file = path.join(FIX, 'comtrade', 'legacy-mixed-encodings.csv');
    const asUtf8 = await collect(readLines(file));
    expect(asUtf8.filter((l) => l.error).map((l) => l.line)).toEqual([2]);
    const asGb = await collect(readLines(file, 'gb18030'));
    expect(asGb.filter((l) => l.error).map((l) => [l.line, l.error])).toEqual([[3, expect.stringMatching(/mixed encodings/)]]);
    // Latin-1 decodes every byte: UTF-8 lines in a Latin-1 file (here: the UTF-8 BOM line, and
    // "Café" in UTF-8) are caught by being valid UTF-8; line 2 is the real Latin-1 line.
    const latin = await collect(readLines(path.join(FIX, 'curated', 'mixed-encoding.jsonl'), 'latin1'));
    const mixed = expect.stringMatching(/valid UTF-8 although the file was declared windows-1252: mixed encodings/);
    expect(latin.map((l) => l.error ?? 'ok')).toEqual([mixed, 'ok', mixed]);
  });

  it('splits lines across chunk boundaries and handles a last line without newline', async () => {
    const long = 'x'.repeat(3 * (1 << 20));
    const lines = await collect(readLines(tmpFile(`a\n${long}\nb`)));
    expect(lines.map((l) => l.text.length)).toEqual([1, long.length, 1]);
  });

  it('locates the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(Buffer.from('abc'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe4, 0xb8]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from('中文'))).toBe(-1);
  });

  it('rejects an unknown encoding name', () => {
    expect(checkEncoding('klingon')).toMatch(/unknown encoding/);
    expect(checkEncoding('gb18030')).toBeUndefined();
  });
});

const withoutText = ({ text: _t, ...rest }: CsvEvent): Omit<CsvEvent, 'text'> => rest;

describe('readCsv', () => {
  it('detects tab or comma from the header', () => {
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a,b,c')).toBe(',');
  });

  it('isolates an unclosed quote at its own line and goes on with the next records', async () => {
    const events = (await collect(readCsv(tmpFile('a,b,c\n1,"x,y",3\n4,"open,5\n6,7,8\n9,"bad"x,10\n11,12,13\n')))).map(withoutText);
    expect(events).toEqual([
      { kind: 'record', line: 1, fields: ['a', 'b', 'c'] },
      { kind: 'record', line: 2, fields: ['1', 'x,y', '3'] },
      { kind: 'error', line: 3, message: expect.stringMatching(/unclosed double quote/) },
      { kind: 'record', line: 4, fields: ['6', '7', '8'] },
      { kind: 'error', line: 5, message: expect.stringMatching(/malformed CSV: Invalid Closing Quote/) },
      { kind: 'record', line: 6, fields: ['11', '12', '13'] },
    ]);
  });

  it('keeps quoted values spanning lines, numbered by their first line', async () => {
    const events = await collect(readCsv(tmpFile('a,b\n"multi\nline",2\n3,4\n')));
    expect(events[1]!.text).toBe('"multi\nline",2'); // the record as read, for a rejects file
    expect(events.slice(1).map(withoutText)).toEqual([
      { kind: 'record', line: 2, fields: ['multi\nline', '2'] },
      { kind: 'record', line: 4, fields: ['3', '4'] },
    ]);
  });

  it('reads tab-separated files', async () => {
    const events = await collect(readCsv(path.join(FIX, 'comtrade', 'api-subset-monthly.txt')));
    expect(withoutText(events[0]!)).toEqual({ kind: 'record', line: 1, fields: ['period', 'reporterCode', 'flowCode', 'partnerCode', 'cmdCode', 'primaryValue', 'netWgt'] });
    expect(events).toHaveLength(3);
  });
});
