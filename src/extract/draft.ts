/**
 * The draft curated file of one document: its source, one excerpt per sentence, the proposed
 * records, and `//` comment lines listing what the reviewer must decide. Nothing is imported: a
 * person reviews the draft and runs `tradegraph import --format curated` on it.
 */
import path from 'node:path';
import type { DocumentMeta, ReadDocument } from './document';
import { extractFacts, type DraftRecord, type Extraction, type FacilityRef } from './facts';
import type { Lexicon } from './lexicon';
import { sentencesOf, type Language } from './segment';

export interface DraftOptions {
  meta?: DocumentMeta;
  prefix?: string;
  subject?: string;
  /** How the source's `file` field names the document (default: its base name). */
  fileRef?: string;
  language?: Language;
  facilities?: FacilityRef[];
}

export interface Draft {
  source: DraftRecord;
  excerpts: DraftRecord[];
  extraction: Extraction;
  text: string;
}

const SOURCE_KINDS = ['official-document', 'news', 'secondary-report', 'official-statistics', 'customs-data', 'reference-data', 'synthetic'];

const slug = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

export class DraftError extends Error {
  override name = 'DraftError';
}

export function buildDraft(doc: ReadDocument, lexicon: Lexicon, opts: DraftOptions = {}): Draft {
  const meta: DocumentMeta = { ...doc.meta, ...Object.fromEntries(Object.entries(opts.meta ?? {}).filter(([, v]) => v !== undefined)) };
  const base = slug(path.basename(doc.file).replace(/\.[^.]+$/, ''));
  const sourceId = meta.id ?? `source:${base}`;
  if (!/^source:[a-z0-9][a-z0-9.-]*$/.test(sourceId)) throw new DraftError(`source id ${JSON.stringify(sourceId)} must look like source:slug`);
  const prefix = opts.prefix ?? sourceId.slice('source:'.length);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(prefix)) throw new DraftError(`prefix ${JSON.stringify(prefix)} must be lower-case letters, digits and dashes`);
  const kind = meta.kind ?? 'news';
  if (!SOURCE_KINDS.includes(kind)) throw new DraftError(`kind ${JSON.stringify(kind)} must be one of ${SOURCE_KINDS.join(', ')}`);
  const sentences = sentencesOf(doc.paragraphs, opts.language);
  const languages = [...new Set(sentences.map((s) => s.language))];
  const source: DraftRecord = {
    type: 'source',
    id: sourceId,
    title: meta.title ?? path.basename(doc.file),
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    ...(meta.published ? { published: meta.published } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    file: opts.fileRef ?? path.basename(doc.file),
    kind,
    language: meta.language ?? (languages.length === 1 ? languages[0] : languages.join(',')),
    ...(meta.retrieved ? { retrieved: meta.retrieved } : {}),
    ...(meta.note ? { note: meta.note } : {}),
  };
  if (!meta.title) source.note = [source.note, 'Draft: the title is the file name; give the real title (front matter or --title).'].filter(Boolean).join(' ');
  const excerpts: DraftRecord[] = sentences.map((s) => ({
    type: 'excerpt',
    id: `excerpt:${prefix}-p${s.paragraph}-s${s.sentence}`,
    source: sourceId,
    locator: s.locator,
    language: s.language,
    text: s.text,
  }));
  const documentYear = meta.published ? Number(meta.published.slice(0, 4)) : undefined;
  const extraction = extractFacts(sentences, lexicon, { prefix, subject: opts.subject, documentYear, facilities: opts.facilities });
  return { source, excerpts, extraction, text: render(doc, source, excerpts, extraction) };
}

function render(doc: ReadDocument, source: DraftRecord, excerpts: DraftRecord[], x: Extraction): string {
  const line = (r: DraftRecord) => {
    const { pending, ...record } = r;
    return pending ? `// pending (${String(pending)}): ${JSON.stringify(record)}` : JSON.stringify(record);
  };
  const byType = (t: string) => x.records.filter((r) => r.type === t);
  const out = [
    `// DRAFT from ${path.basename(doc.file)} by \`tradegraph extract\`: review every record (ids, metrics, subjects, periods, notes) before \`tradegraph import --format curated\`.`,
    '// Source and one excerpt per sentence, verbatim.',
    line(source),
    ...excerpts.map(line),
  ];
  const sections: [string, string][] = [
    ['facility', '// Facilities the text describes (collective where it names several companies or places).'],
    ['figure', '// Figures: the number of each is quoted from its excerpt in its note.'],
    ['flow', '// Trade flows the text states (qualitative where it gives no value).'],
    ['link', '// Relationships the text states.'],
  ];
  for (const [type, heading] of sections) {
    const records = byType(type);
    if (records.length > 0) out.push(heading, ...records.map(line));
  }
  out.push(`// Entities matched in the graph (${x.matched.size}): ${[...x.matched.entries()].map(([id, s]) => `${id} (${[...s].join(' | ')})`).join('; ') || 'none'}.`);
  for (const r of x.review) {
    const what = r.kind === 'unknown-name' ? 'not in the graph: add an entity or an alias?' : r.kind === 'ambiguous-name' ? 'ambiguous:' : 'to pair:';
    out.push(`// review ${r.excerpt}: ${what} ${r.text}`);
  }
  return `${out.join('\n')}\n`;
}
