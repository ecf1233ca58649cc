/**
 * A document file -> its metadata and its paragraphs of plain text.
 *
 * Formats by extension: `.txt` (plain text), `.md`/`.markdown` (rendered with `markdown-it`), `.html`/
 * `.htm` (flattened with `html-to-text`). Any of them may open with YAML front matter (`gray-matter`)
 * giving the source's `title`, `publisher`, `url`, `published`, `retrieved`, `kind`, `language`, `id`.
 *
 * Paragraphs: blocks separated by blank lines; a text with no blank line at all (one paragraph per
 * line, as the founding document is) has one paragraph per non-empty line. Inside a block, line
 * breaks are joined (with a space, or nothing between Chinese characters). Paragraph text is kept
 * as written (only outer whitespace trimmed), so excerpts are verbatim slices of the document.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { convert } from 'html-to-text';
import MarkdownIt from 'markdown-it';

export type DocumentFormat = 'text' | 'markdown' | 'html';

export interface DocumentMeta {
  id?: string;
  title?: string;
  publisher?: string;
  url?: string;
  published?: string;
  retrieved?: string;
  kind?: string;
  language?: string;
  note?: string;
}

export interface ReadDocument {
  file: string;
  format: DocumentFormat;
  meta: DocumentMeta;
  paragraphs: string[];
}

export class DocumentError extends Error {
  override name = 'DocumentError';
}

const FORMATS: Record<string, DocumentFormat> = { '.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html' };
const META_KEYS: (keyof DocumentMeta)[] = ['id', 'title', 'publisher', 'url', 'published', 'retrieved', 'kind', 'language', 'note'];

export function formatOf(file: string): DocumentFormat {
  const format = FORMATS[path.extname(file).toLowerCase()];
  if (!format) throw new DocumentError(`${file}: unknown document format ${JSON.stringify(path.extname(file))}; expected one of ${Object.keys(FORMATS).join(', ')}`);
  return format;
}

/** Front-matter values as strings: YAML reads `2024-01-16` as a Date, which is a day here. */
function metaOf(data: Record<string, unknown>, file: string): DocumentMeta {
  const meta: DocumentMeta = {};
  for (const [key, value] of Object.entries(data)) {
    if (!META_KEYS.includes(key as keyof DocumentMeta)) {
      throw new DocumentError(`${file}: front matter: unknown field ${JSON.stringify(key)}; expected ${META_KEYS.join(', ')}`);
    }
    if (value === null || value === undefined) continue;
    meta[key as keyof DocumentMeta] = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  }
  return meta;
}

function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
}

const HAN_END = /\p{Script=Han}$/u;
const HAN_START = /^\p{Script=Han}/u;

function joinLines(lines: string[]): string {
  let out = '';
  for (const line of lines.map((l) => l.trim()).filter((l) => l !== '')) {
    out = out === '' ? line : HAN_END.test(out) && HAN_START.test(line) ? out + line : `${out} ${line}`;
  }
  return out;
}

export function paragraphsOf(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  const hasBlank = /\n[ \t\u3000]*\n/.test(normalized.trim());
  if (!hasBlank) return lines.map((l) => l.trim()).filter((l) => l !== '');
  return normalized
    .split(/\n[ \t\u3000]*\n/)
    .map((block) => joinLines(block.split('\n')))
    .filter((p) => p !== '');
}

export function parseDocument(raw: string, file: string, format: DocumentFormat = formatOf(file)): ReadDocument {
  let parsed: { data: Record<string, unknown>; content: string };
  try {
    parsed = matter(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new DocumentError(`${file}: front matter is not valid YAML: ${(err as Error).message}`);
  }
  const meta = metaOf(parsed.data, file);
  const body = format === 'html' ? htmlToText(parsed.content) : format === 'markdown' ? htmlToText(new MarkdownIt().render(parsed.content)) : parsed.content;
  const paragraphs = paragraphsOf(body);
  if (paragraphs.length === 0) throw new DocumentError(`${file}: the document has no text`);
  return { file, format, meta, paragraphs };
}

export function readDocument(file: string): ReadDocument {
  const format = formatOf(file);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new DocumentError(`${file}: cannot read: ${(err as Error).message}`);
  }
  if (raw.includes('\uFFFD')) throw new DocumentError(`${file}: not valid UTF-8 (save it as UTF-8 first)`);
  return parseDocument(raw, file, format);
}
