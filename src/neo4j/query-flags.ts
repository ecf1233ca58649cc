/**
 * Flags derived in TypeScript for the query texts' guards (query-parts.ts): enumerated values
 * computed from the parameters a query receives (which are null, booleans, values of the API's
 * enums checked against a closed list here), never text a client sent. Each flag has a closed list
 * of values; a guard `name=value` naming another value fails at start-up, and a parameter outside
 * the list fails the request (it would otherwise select no variant the file describes).
 *
 * - `parent`   the parent kind of a nested flow field: the query's `// @flag parent=...`, else `$parentAs`
 * - `anchor`   where parts/trade-flows may start its scan (several values at once): the kinds of the
 *              conditions set (the parent, trader, to, product, via, from, reporter: the part's
 *              `conditions`), else `none`; with several, the part picks the one that reaches the
 *              fewest flows at run time
 * - `candidates` `none`, `one` or `several` conditions: whether the part compares their reach
 * - `check`    the kinds parts/trade-flows may check after its scan (several values at once): with
 *              several conditions, every kind set (any one may be the anchor); with one, `place` when it
 *              is a place (a market's walk still needs its membership dates)
 * - `groupBy`  `$groupBy` (TradeGroupBy)
 * - `sort`     `$sort` (the sort enums of the page queries)
 */
import type { Params } from './database';

/** What a derived flag may read: the parameters, and the flags the query fixes (`// @flag`). */
export interface FlagInput {
  readonly params: Params;
  readonly fixed: Readonly<Record<string, string>>;
}

interface DerivedFlag {
  readonly values: readonly string[];
  /** The flag's value(s) for these parameters; every one from `values`. */
  derive(input: FlagInput): string | readonly string[];
}

const PARENTS = ['trader', 'product', 'place', 'channel'] as const;
const KINDS = ['trader', 'channel', 'reporter', 'place', 'product'] as const;

function closed<T extends string>(what: string, value: unknown, values: readonly T[]): T {
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    throw new RangeError(`${what} must be one of ${values.join(', ')}; got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function parentOf({ params, fixed }: FlagInput): string {
  if (fixed.parent !== undefined) return fixed.parent;
  return params.parentAs == null ? 'none' : closed('$parentAs', params.parentAs, PARENTS);
}

/** The kinds of parts/trade-flows' `conditions`, in its order (the parent first). */
export function flowConditions(input: FlagInput): string[] {
  const f = (input.params.filter ?? {}) as Record<string, unknown>;
  const parent = parentOf(input);
  const musts: [string, unknown][] = [
    [parent === 'none' ? '' : parent, parent === 'none' ? null : true],
    ['trader', f.trader],
    ['place', f.to],
    ['product', f.product],
    ['channel', f.via],
    ['place', f.from],
    ['reporter', f.reporter],
  ];
  return musts.filter(([kind, id]) => kind !== '' && id != null).map(([kind]) => kind);
}

export const DERIVED_FLAGS: Readonly<Record<string, DerivedFlag>> = {
  parent: { values: ['none', ...PARENTS], derive: parentOf },
  anchor: {
    values: ['none', ...KINDS],
    derive: (input) => {
      const musts = flowConditions(input);
      return musts.length === 0 ? 'none' : [...new Set(musts)];
    },
  },
  candidates: {
    values: ['none', 'one', 'several'],
    derive: (input) => ['none', 'one'][flowConditions(input).length] ?? 'several',
  },
  check: {
    values: KINDS,
    derive: (input) => {
      const musts = flowConditions(input);
      return musts.length > 1 ? [...new Set(musts)] : musts.filter((k) => k === 'place');
    },
  },
  groupBy: {
    values: ['PRODUCT', 'HS_CHAPTER', 'DESTINATION', 'ORIGIN', 'MARKET', 'COMPANY', 'CHANNEL', 'YEAR'],
    derive: ({ params }) => closed('$groupBy', params.groupBy, DERIVED_FLAGS.groupBy!.values),
  },
  sort: {
    values: ['NAME', 'KEY', 'PERIOD', 'VALUE', 'HS_CODE', 'TITLE', 'PUBLISHED'],
    derive: ({ params }) => closed('$sort', params.sort, DERIVED_FLAGS.sort!.values),
  },
};

/** Checks a guard atom `name=value` against the derived flags (at start-up). */
export function checkDerivedAtom(atom: string): void {
  const [name, value] = atom.split('=') as [string, string];
  const flag = DERIVED_FLAGS[name];
  if (!flag) throw new Error(`Unknown flag ${name} in a guard (known: ${Object.keys(DERIVED_FLAGS).join(', ')})`);
  if (!flag.values.includes(value)) throw new Error(`Flag ${name} has no value ${value} (values: ${flag.values.join(', ')})`);
}

const isPlainMap = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Whether each atom holds for these parameters: `$p`/`$p.k` not null, `$p=true|false` a boolean,
 * `name=value` a derived flag (derived once per flag name).
 */
export function atomTruth(atoms: readonly string[], input: FlagInput): Map<string, boolean> {
  const derived = new Map<string, readonly string[]>();
  const out = new Map<string, boolean>();
  for (const atom of atoms) {
    if (atom.startsWith('$')) {
      const [ref, want] = atom.slice(1).split('=') as [string, string | undefined];
      const [p, k] = ref.split('.') as [string, string | undefined];
      let v: unknown = input.params[p];
      if (k !== undefined) v = isPlainMap(v) ? v[k] : undefined;
      out.set(atom, want === undefined ? v != null : v === (want === 'true'));
    } else {
      const [name, value] = atom.split('=') as [string, string];
      let vs = derived.get(name);
      if (!vs) {
        const flag = DERIVED_FLAGS[name];
        if (!flag) throw new Error(`Unknown flag ${name}`);
        const d = flag.derive(input);
        vs = typeof d === 'string' ? [d] : d;
        derived.set(name, vs);
      }
      out.set(atom, vs.includes(value));
    }
  }
  return out;
}
