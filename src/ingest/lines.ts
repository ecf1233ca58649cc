/**
 * Streams a file as decoded text lines, never holding more than one chunk and one line in memory.
 *
 * Lines are split on the byte 0x0A before decoding (safe for UTF-8, GB18030 and single-byte
 * encodings, none of which uses 0x0A inside a multi-byte character), then each line is decoded
 * strictly, so that an invalid byte sequence is reported with its line number instead of being
 * silently replaced by U+FFFD. A UTF-8 byte order mark is dropped.
 */
import fs from 'node:fs';

export interface DecodedLine {
  /** 1-based line number. */
  line: number;
  text: string;
  /** Set when the line could not be decoded; `text` is then a lossy decoding. */
  error?: string;
}

/** Longest line accepted (bytes); a longer one is reported and skipped so memory stays bounded. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export function checkEncoding(encoding: string): string | undefined {
  try {
    new TextDecoder(encoding);
    return undefined;
  } catch {
    return `unknown encoding "${encoding}" (try utf-8, gb18030, gbk, big5, latin1, windows-1252, shift_jis)`;
  }
}

export async function* readLines(
  file: string,
  encoding = 'utf-8',
  onBytes?: (n: number) => void,
): AsyncGenerator<DecodedLine> {
  const strict = new TextDecoder(encoding, { fatal: true });
  const lossy = new TextDecoder(encoding);
  const utf8 = strict.encoding === 'utf-8';
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overlong = false;
  let lineNo = 0;
  let guess: string | undefined;

  const decode = (bytes: Buffer): DecodedLine => {
    lineNo += 1;
    let b = bytes;
    if (b.length > 0 && b[b.length - 1] === 0x0d) b = b.subarray(0, b.length - 1);
    if (lineNo === 1 && (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff]))) {
      return { line: lineNo, text: '', error: 'the file is UTF-16 (byte order mark FF FE / FE FF); save it as UTF-8' };
    }
    try {
      const text = strict.decode(b);
      // A declared legacy encoding decodes almost any bytes, so a UTF-8 line in a GB18030 or
      // Latin-1 file would silently turn into mojibake: non-ASCII text that is also valid UTF-8
      // is taken as a sign of mixed encodings.
      if (!utf8 && hasNonAscii(b) && firstInvalidUtf8(b) === -1) {
        return { line: lineNo, text, error: `this line is valid UTF-8 although the file was declared ${strict.encoding}: mixed encodings? Convert the file to one encoding` };
      }
      return { line: lineNo, text };
    } catch {
      const text = lossy.decode(b);
      // One message for every bad line of a file (no byte offsets in it), so that the report
      // groups them: "1,352 rows: not valid UTF-8 ...; first at line 2".
      if (utf8) {
        guess ??= guessEncoding(b);
        return { line: lineNo, text, error: `not valid UTF-8 text: the file looks like ${guess}; re-run with --encoding ${guess}` };
      }
      const hint = firstInvalidUtf8(b) === -1 ? '; the line is valid UTF-8: mixed encodings? Convert the file to one encoding' : '';
      return { line: lineNo, text, error: `invalid ${strict.encoding} byte sequence${hint}` };
    }
  };

  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    onBytes?.(chunk.length);
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, nl);
      start = nl + 1;
      if (overlong) {
        overlong = false;
        pending = [];
        pendingBytes = 0;
        continue;
      }
      const bytes = pending.length > 0 ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      pendingBytes = 0;
      yield decode(bytes);
    }
    if (start < chunk.length && !overlong) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > MAX_LINE_BYTES) {
        lineNo += 1;
        yield { line: lineNo, text: '', error: `line longer than ${MAX_LINE_BYTES} bytes (is this a text file with line breaks?)` };
        overlong = true;
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  if (pending.length > 0 && !overlong) yield decode(Buffer.concat(pending));
}

/**
 * The likely encoding of a line that is not UTF-8: GB18030 when it decodes strictly as GB18030 and
 * its non-ASCII bytes come in pairs (Chinese characters), else Windows-1252 (Comtrade's web
 * downloads: accented letters are single bytes among ASCII, "C\xF4te d'Ivoire").
 */
export function guessEncoding(b: Buffer): 'gb18030' | 'windows-1252' {
  let run = 0;
  for (const x of b) {
    if (x >= 0x80) run++;
    else if (run % 2 === 1) return 'windows-1252';
    else run = 0;
  }
  if (run % 2 === 1) return 'windows-1252';
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(b);
    return 'gb18030';
  } catch {
    return 'windows-1252';
  }
}

function hasNonAscii(b: Buffer): boolean {
  for (const x of b) if (x >= 0x80) return true;
  return false;
}

function startsWith(b: Buffer, prefix: number[]): boolean {
  return prefix.every((v, i) => b[i] === v);
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}
