/**
 * `tradegraph query <name>`: prints the exact Cypher a named query runs (shared parts written in,
 * slots rendered), paste-able into Neo4j Browser; `--list` names every query and its slots.
 * A query with guards (src/neo4j/query-parts.ts) prints as written (every guarded line kept) unless
 * a variant is named: `--params '{"filter":{"trader":"company:x"}}'` (the variant a request with these
 * parameters runs, flags derived as at run time) or `--flag '$filter.trader' --flag anchor=trader`
 * (exactly these guard atoms hold); `--guards` lists the atoms a query's guards use.
 */
import { Command } from 'commander';
import { intSlot, labelSlot, QueryCatalog, relTypeSlot, Slot } from '../../neo4j/queries';

/** The largest integer a slot may be given here (each caller checks its own, smaller, range). */
const MAX_INT_SLOT = 10_000;

/** `NAME=value`: a relationship type for TYPE, an integer for digits, else a label (all checked). */
function parseSlot(text: string, slots: Record<string, Slot>): Record<string, Slot> {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`--slot wants NAME=value; got ${JSON.stringify(text)}`);
  const name = text.slice(0, eq);
  const value = text.slice(eq + 1);
  slots[name] = name === 'TYPE' ? relTypeSlot(value) : /^\d+$/.test(value) ? intSlot(name, Number(value), 0, MAX_INT_SLOT) : labelSlot(value);
  return slots;
}

export function registerQuery(program: Command): void {
  program
    .command('query')
    .argument('[name]', 'a named query, e.g. company/page (see --list)')
    .description('Print the exact Cypher text a named query runs (parts written in, slots filled), paste-able into Neo4j Browser')
    .option('--list', 'list the named queries (with their slots)')
    .option('--slot <NAME=value>', 'fill a slot: MAX_HOPS=4, K=3, LABEL=Company, TYPE=MEMBER_OF (repeatable)', parseSlot, {})
    .option('--params <json>', 'print the variant a request with these parameters runs (its guards decided as at run time)')
    .option('--flag <atom>', "print the variant in which exactly these guard atoms hold: '$filter.trader', '$withCount=true', anchor=trader (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--guards', 'list the atoms the query\'s guards use')
    .action((name: string | undefined, opts: { list?: boolean; slot: Record<string, Slot>; params?: string; flag: string[]; guards?: boolean }) => {
      const catalog = new QueryCatalog();
      if (opts.list || !name) {
        for (const n of catalog.names()) {
          const slots = catalog.slotsOf(n);
          const note = n.startsWith('parts/') ? '  (a fragment, written into the queries that name it)' : slots.length ? `  (slots: ${slots.join(', ')})` : '';
          process.stdout.write(`${n}${note}\n`);
        }
        return;
      }
      if (opts.guards) {
        for (const atom of catalog.guardsOf(name).atoms) process.stdout.write(`${atom}\n`);
        return;
      }
      const slots = catalog.slotsOf(name).length || Object.keys(opts.slot).length ? opts.slot : undefined;
      if (opts.params !== undefined && opts.flag.length > 0) throw new Error('--params and --flag name a variant each; give one');
      const text =
        opts.params !== undefined
          ? catalog.variant(name, JSON.parse(opts.params) as Record<string, unknown>, slots)
          : opts.flag.length > 0
            ? catalog.variantWith(name, opts.flag, slots)
            : slots
              ? catalog.render(name, slots)
              : catalog.get(name);
      process.stdout.write(`${text.trimEnd()}\n`);
    });
}
