/**
 * Shared query parts. A line of a query file that is exactly `__SOME_PART__` is replaced by the
 * fragment cypher/queries/parts/some-part.cypher (which may name parts in turn), so every query that
 * filters, groups or summarizes trade flows does it the same way (parts/trade-flows,
 * parts/flow-dimension, parts/trade-summary). The same words inside a comment or a longer line are
 * left alone. Parts are fixed files: nothing from a request is written into a query's text; the
 * QueryCatalog composes every query once, at start-up.
 */

const PART_LINE = /^[ \t]*__([A-Z][A-Z0-9_]*)__[ \t]*$/gm;
/** Parts naming parts deeper than this are a cycle. */
const MAX_DEPTH = 4;

/** `__TRADE_FLOWS__` -> `parts/trade-flows`. */
export function partName(placeholder: string): string {
  return `parts/${placeholder.toLowerCase().replace(/_/g, '-')}`;
}

/** `text` with its part lines replaced by the parts' texts (looked up by name in `raw`). */
export function composeText(raw: (name: string) => string, text: string, depth = 0): string {
  return text.replace(PART_LINE, (_line, placeholder: string) => {
    if (depth >= MAX_DEPTH) throw new Error(`Query parts nested deeper than ${MAX_DEPTH} at __${placeholder}__ (a cycle?)`);
    return composeText(raw, raw(partName(placeholder)).trimEnd(), depth + 1);
  });
}
