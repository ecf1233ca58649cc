/**
 * The document intake (`tradegraph extract`): a document -> a draft curated file for review.
 *   document.ts  file -> metadata + paragraphs (text, Markdown, HTML; front matter)
 *   segment.ts   paragraphs -> sentences with locators; language; Chinese word boundaries (ICU)
 *   lexicon.ts   the graph's names -> mentions in a sentence
 *   quantities.ts, periods.ts   numbers with unit and qualifier; period, baseline, frame
 *   facts.ts     sentences -> figures, facilities, flows, links (never more than the text says)
 *   draft.ts     -> the .jsonl text with review comments
 */
import type { Database } from '../neo4j/database';
import { QueryCatalog } from '../neo4j/queries';
import { readDocument } from './document';
import { buildDraft, type Draft, type DraftOptions } from './draft';
import type { FacilityRef } from './facts';
import { Lexicon, type LexiconEntry } from './lexicon';

export { readDocument, parseDocument, DocumentError } from './document';
export { buildDraft, DraftError } from './draft';
export type { Draft, DraftOptions } from './draft';
export { Lexicon } from './lexicon';

/** The graph's names and facilities, read once per run. */
export async function loadGraphKnowledge(db: Database, queries = new QueryCatalog()): Promise<{ lexicon: Lexicon; facilities: FacilityRef[] }> {
  const [entries, facilities] = await Promise.all([
    db.read<LexiconEntry & Record<string, unknown>>(queries.get('extract/lexicon')),
    db.read<FacilityRef & Record<string, unknown>>(queries.get('extract/facilities')),
  ]);
  return { lexicon: new Lexicon(entries), facilities: facilities.map((f) => ({ id: f.id, operators: [...f.operators].sort(), locations: [...f.locations].sort() })) };
}

export async function extractDocument(db: Database, file: string, opts: DraftOptions = {}): Promise<Draft> {
  const doc = readDocument(file);
  const { lexicon, facilities } = await loadGraphKnowledge(db);
  return buildDraft(doc, lexicon, { facilities, ...opts });
}
