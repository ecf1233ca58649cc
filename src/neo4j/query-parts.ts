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
 * - A guard (below): a comment that leaves lines out of the text a request runs when it does not
 *   use them (a filter it does not set, a branch it does not take).
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

/** A part's text without its explaining comments; its guards (`// @if`, `// @end`, `// @flag`) stay. */
function stripExplanations(text: string): string {
  return text
    .split('\n')
    .filter((line) => !isComment(line) || isDirective(line))
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
    const body = composeText(raw, stripExplanations(raw(name)), depth + 1);
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

// ---------------------------------------------------------------------------------------------
// Guards: the parts of a text a request does not use, left out per request.
//
// A guard is a comment, so the file as written stays one valid query (every guarded part kept:
// each is written so that it does nothing when its condition is false, `$x IS NULL OR ...`):
//   `<a line of Cypher>  // @if <expr>`    the line alone is guarded
//   `// @if <expr>` ... `// @end`          the lines between (blocks nest)
//   `// @flag <name>=<value>`              a query fixes a derived flag (query-flags.ts) for its parts
// <expr>: atoms joined by `&` (and) and `|` (or; `&` binds first), each may be negated with `!`:
//   `$p`, `$p.k`          parameter p (or key k of map parameter p) is not null
//   `$p=true`, `$p=false` boolean parameter p (or key) is true / false
//   `name=value`          a flag derived in TypeScript from the parameters (src/neo4j/query-flags.ts),
//                         one of a closed list of values
// So a rendered variant depends only on which parameters are null, on booleans and on enumerated
// flags: never on text a client sent. A `UNION`/`UNION ALL` line left with no branch on one side
// (after a `{`, before a `}`, or beside another) is dropped with its branch.

const DIRECTIVE_LINE = /^[ \t]*\/\/[ \t]*@(if|end|flag)\b[ \t]*(.*?)[ \t]*$/;
const TRAILING_GUARD = /^(.*?\S)[ \t]*\/\/[ \t]*@if[ \t]+(.+?)[ \t]*$/;
const ATOM = /^!?(\$[A-Za-z_]\w*(\.[A-Za-z_]\w*)?(=(true|false))?|[a-z][A-Za-z0-9]*=[A-Za-z0-9_-]+)$/;

export const isDirective = (line: string): boolean => DIRECTIVE_LINE.test(line);

/** A guard expression: an OR of ANDs of (possibly negated) atoms. */
export type GuardExpr = { atom: string; not: boolean }[][];

export function parseGuard(expr: string): GuardExpr {
  const out = expr.split('|').map((term) =>
    term.split('&').map((f) => {
      const t = f.trim();
      if (!ATOM.test(t)) throw new Error(`Bad guard ${JSON.stringify(expr)}: ${JSON.stringify(t)} is not $param, $param.key, $param=true|false or flag=value`);
      return t.startsWith('!') ? { atom: t.slice(1), not: true } : { atom: t, not: false };
    }),
  );
  return out;
}

const holds = (g: GuardExpr, truth: (atom: string) => boolean): boolean => g.some((term) => term.every((f) => truth(f.atom) !== f.not));

/** What a text's guards refer to: the atoms (in order of first use) and the flags it fixes (`// @flag`). */
export function guardsOf(text: string): { atoms: string[]; fixed: Record<string, string> } {
  const atoms = new Set<string>();
  const fixed: Record<string, string> = {};
  let depth = 0;
  for (const line of text.split('\n')) {
    const d = DIRECTIVE_LINE.exec(line);
    if (d) {
      if (d[1] === 'if') {
        depth++;
        for (const term of parseGuard(d[2]!)) for (const f of term) atoms.add(f.atom);
      } else if (d[1] === 'end') {
        if (--depth < 0) throw new Error('`// @end` without `// @if`');
      } else {
        const m = /^([a-z][A-Za-z0-9]*)=([A-Za-z0-9_-]+)$/.exec(d[2]!);
        if (!m) throw new Error(`Bad // @flag ${JSON.stringify(d[2])}: want name=value`);
        fixed[m[1]!] = m[2]!;
      }
      continue;
    }
    if (isComment(line)) continue;
    const t = TRAILING_GUARD.exec(line);
    if (t) for (const term of parseGuard(t[2]!)) for (const f of term) atoms.add(f.atom);
  }
  if (depth !== 0) throw new Error('`// @if` without `// @end`');
  return { atoms: [...atoms], fixed };
}

const UNION_LINE = /^[ \t]*UNION( ALL)?[ \t]*$/;
const OPENS = /\{[ \t]*$/;
const CLOSES = /^[ \t]*\}/;

/**
 * `text` with the guarded lines whose guard does not hold left out, and the guards themselves
 * (directive lines, trailing `// @if`) removed; a UNION left without a branch on a side goes too.
 */
export function applyGuards(text: string, truth: (atom: string) => boolean): string {
  const kept: string[] = [];
  const open: boolean[] = [];
  for (const line of text.split('\n')) {
    const d = DIRECTIVE_LINE.exec(line);
    if (d) {
      if (d[1] === 'if') open.push(holds(parseGuard(d[2]!), truth));
      else if (d[1] === 'end') open.pop();
      continue;
    }
    if (open.includes(false)) continue;
    if (isComment(line)) {
      kept.push(line);
      continue;
    }
    const t = TRAILING_GUARD.exec(line);
    if (t) {
      if (holds(parseGuard(t[2]!), truth)) kept.push(t[1]!);
      continue;
    }
    kept.push(line);
  }
  // UNIONs left without a branch on one side.
  const code = (i: number) => !isComment(kept[i]!) && kept[i]!.trim() !== '';
  const out: string[] = [];
  for (let i = 0; i < kept.length; i++) {
    const line = kept[i]!;
    if (UNION_LINE.test(line)) {
      let prev = out.length - 1;
      while (prev >= 0 && (isComment(out[prev]!) || out[prev]!.trim() === '')) prev--;
      let next = i + 1;
      while (next < kept.length && !code(next)) next++;
      const before = prev < 0 || OPENS.test(out[prev]!) || UNION_LINE.test(out[prev]!);
      const after = next >= kept.length || CLOSES.test(kept[next]!) || UNION_LINE.test(kept[next]!);
      if (before || after) continue;
    }
    out.push(line);
  }
  return out.join('\n');
}
