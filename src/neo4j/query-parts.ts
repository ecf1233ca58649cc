/**
 * The two kinds of placeholder a query file may have, both written into its text by the
 * QueryCatalog (queries.ts):
 *
 * - A part: a line that is exactly `__SOME_PART__` is replaced by the fragment
 *   cypher/queries/parts/some-part.cypher (which may name parts in turn), so every query that
 *   filters, groups, summarizes or pages does it the same way (parts/trade-flows,
 *   parts/flow-dimension, parts/trade-summary, parts/keyset-page, the filters of the page queries).
 *   Parts are fixed files, composed once at start-up.
 * - A slot: `__NAME__` inside a longer line (`SHORTEST __K__`, `(n:__LABEL__)`), filled only with
 *   a label or type of the model or a range-checked integer (see Slot in queries.ts).
 *
 * Comment lines (`//`) are left alone by both: they may name parts and slots to explain them.
 */

const isComment = (line: string) => line.trim().startsWith('//');

/** A text without its `//` comment lines (they explain a file to an analyst; the one comment stripper). */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !isComment(line))
    .join('\n')
    .trim();
}

const PART_LINE = /^([ \t]*)__([A-Z][A-Z0-9_]*)__[ \t]*$/gm;
/** A slot: `__NAME__` (the `_` before it may belong to a name, as in `$ids___MERGE_LABEL__`). */
export const SLOT = /__([A-Z][A-Z0-9_]*?)__/g;
/** Parts naming parts deeper than this are a cycle. */
const MAX_DEPTH = 4;

/** `__TRADE_FLOWS__` -> `parts/trade-flows`. */
export function partName(placeholder: string): string {
  return `parts/${placeholder.toLowerCase().replace(/_/g, '-')}`;
}

/**
 * `text` with its part lines replaced by the parts' texts (looked up by name in `raw`), at the part
 * line's indentation, each headed by a comment naming its file.
 */
export function composeText(raw: (name: string) => string, text: string, depth = 0): string {
  return text.replace(PART_LINE, (_line, indent: string, placeholder: string) => {
    if (depth >= MAX_DEPTH) throw new Error(`Query parts nested deeper than ${MAX_DEPTH} at __${placeholder}__ (a cycle?)`);
    // The part's own comment lines explain the file; in the composed text one line says where it starts.
    const name = partName(placeholder);
    const body = composeText(raw, stripComments(raw(name)), depth + 1);
    return `// ${name}.cypher\n${body}`
      .split('\n')
      .map((line) => (line.length > 0 ? indent + line : line))
      .join('\n');
  });
}


/** The slot names of a composed text, in order of first use (comment lines excluded). */
export function slotNames(text: string): string[] {
  const names = new Set<string>();
  for (const line of text.split('\n')) if (!isComment(line)) for (const m of line.matchAll(SLOT)) names.add(m[1]!);
  return [...names];
}

/** `text` with each slot of its non-comment lines replaced by `value(name)`. */
export function fillSlots(text: string, value: (name: string) => string): string {
  return text
    .split('\n')
    .map((line) => (isComment(line) ? line : line.replace(SLOT, (_m, name: string) => value(name))))
    .join('\n');
}
