/**
 * The input files of `neo4j-admin database import full`, written from validated import items
 * (`tradegraph import --initial`): the same nodes, properties and relationships a staged run
 * publishes, provenance included (Source, Excerpt, STATED_IN, sourceRow, importRun, ImportRun).
 *
 * - Flows stream to `flows.csv` and their relationships to `rels.csv` batch by batch (memory stays
 *   one batch); each line carries the row it came from in an ignored `at` column, so that rows found
 *   to repeat only after the pass can be filtered out. The flows' header goes in its own file at the
 *   end, when the property types are known (neo4j-admin reads `header.csv,body.csv`).
 * - The few other nodes (a file version's Source and Excerpt, created regions and HS codes) and the
 *   ImportRun are written at the end, one file per label set.
 * - CSV: every string quoted ("" inside), arrays joined with `;`, multi-line fields allowed.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { INTEGER_PROPS, mergeLabelOf, NodeLabel } from '../model';
import { FLOW_PROPS } from '../staging/queries';
import type { RowSink } from '../staging/import';
import type { NodeUpsert, RowItem } from '../types';

type CsvType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'double[]';

/**
 * Flow columns after `id`: what a Comtrade row owns, its line, the run that wrote it, and its
 * `sourceCount` (the aggregates step's number of distinct sources: one, the file version, for every
 * Comtrade flow), so that the refresh after the load finds it current instead of writing it on
 * every flow.
 */
const ROW_COLUMNS = [...FLOW_PROPS, 'sourceRow'];
const ROW_COLUMN_SET = new Set<string>(ROW_COLUMNS);
const FLOW_COLUMNS = [...ROW_COLUMNS, 'importRun', 'sourceCount'];
export const ARRAY_DELIMITER = ';';

function typeOf(key: string, v: unknown): CsvType {
  if (Array.isArray(v)) return v.every((x) => typeof x === 'number') && v.length > 0 ? 'double[]' : 'string[]';
  if (typeof v === 'number') return INTEGER_PROPS.has(key) || key === 'sourceCount' ? 'long' : 'double';
  if (typeof v === 'boolean') return 'boolean';
  return 'string';
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) {
    for (const x of v) if (String(x).includes(ARRAY_DELIMITER)) throw new Error(`an array element contains "${ARRAY_DELIMITER}", the bulk importer's array delimiter: ${String(x)}`);
    return quote(v.join(ARRAY_DELIMITER));
  }
  if (typeof v === 'string') return quote(v);
  return String(v);
}

/** Both labels of a node: its merge label (Fact) and its own (TradeFlow), once if the same. */
function labelsOf(label: NodeLabel): string[] {
  return [...new Set([mergeLabelOf(label), label])];
}

export interface BulkFileSet {
  /** `--nodes=` arguments (`Labels=header,body`). */
  nodes: string[];
  /** `--relationships=` arguments. */
  relationships: string[];
}

/** Streams an import's validated rows into neo4j-admin import files in `dir`. */
export class BulkFiles implements RowSink {
  private readonly flowsFile: string;
  private readonly relsFile: string;
  private flowsFd: number;
  private relsFd: number;
  private readonly flowTypes = new Map<string, CsvType>();
  private flowLabels?: string[];
  private entityItems: RowItem[] = [];
  flowCount = 0;

  constructor(
    readonly dir: string,
    readonly runId: string,
  ) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    this.flowsFile = path.join(dir, 'flows.csv');
    this.relsFile = path.join(dir, 'rels.csv');
    this.flowsFd = fs.openSync(this.flowsFile, 'w');
    this.relsFd = fs.openSync(this.relsFile, 'w');
  }

  async flows(items: (RowItem & { fileIndex: number })[]): Promise<void> {
    let nodes = '';
    let rels = '';
    const run = cell(this.runId);
    for (const item of items) {
      const n = item.nodes[0]!;
      this.flowLabels ??= labelsOf(n.label);
      const at = quote(`${item.fileIndex}:${item.line}`);
      const p = n.props;
      for (const k in p) {
        if (!ROW_COLUMN_SET.has(k)) throw new Error(`${item.file}:${item.line}: flow property ${k} has no column in the bulk files`);
        if (p[k] !== undefined && !this.flowTypes.has(k)) this.flowTypes.set(k, typeOf(k, p[k]));
      }
      let line = quote(n.id);
      for (const k of ROW_COLUMNS) line += ',' + cell(p[k]);
      nodes += `${line},${run},1,${at}\n`;
      for (const r of item.rels) rels += `${quote(r.fromId)},${quote(r.toId)},${r.type},${at}\n`;
    }
    this.flowTypes.set('importRun', 'string');
    this.flowTypes.set('sourceCount', 'long');
    fs.writeSync(this.flowsFd, nodes);
    fs.writeSync(this.relsFd, rels);
    this.flowCount += items.length;
  }

  async drop(at: Set<string>): Promise<void> {
    fs.closeSync(this.flowsFd);
    fs.closeSync(this.relsFd);
    for (const file of [this.flowsFile, this.relsFile]) {
      const kept = `${file}.kept`;
      const out = fs.openSync(kept, 'w');
      const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
      let buf = '';
      for await (const line of lines) {
        const tag = line.slice(line.lastIndexOf(',"') + 2, -1);
        if (at.has(tag)) continue;
        buf += line + '\n';
        if (buf.length > 1 << 20) {
          fs.writeSync(out, buf);
          buf = '';
        }
      }
      fs.writeSync(out, buf);
      fs.closeSync(out);
      fs.renameSync(kept, file);
    }
    this.flowCount -= at.size;
    this.flowsFd = fs.openSync(this.flowsFile, 'a');
    this.relsFd = fs.openSync(this.relsFile, 'a');
  }

  async entities(items: RowItem[]): Promise<void> {
    this.entityItems = items;
  }

  /** The ids of the other nodes (regions, HS codes, Sources, Excerpts), per label: what the aggregates refresh after the load follows. */
  entityIds(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const item of this.entityItems) for (const n of item.nodes) (out[n.label] ??= []).push(n.id);
    return out;
  }

  /** Closes the streams, writes headers, the other nodes and the run; returns neo4j-admin's arguments. */
  finish(run: Record<string, unknown>): BulkFileSet {
    fs.closeSync(this.flowsFd);
    fs.closeSync(this.relsFd);
    const nodes: string[] = [];
    const flowHeader = path.join(this.dir, 'flows-header.csv');
    const column = (k: string): string => `${k}:${this.flowTypes.get(k) ?? 'string'}`;
    fs.writeFileSync(flowHeader, `id:ID,${FLOW_COLUMNS.map(column).join(',')},at:IGNORE\n`);
    if (this.flowCount > 0) nodes.push(`${(this.flowLabels ?? ['Fact', 'TradeFlow']).join(':')}=${flowHeader},${this.flowsFile}`);
    // The other nodes, one file per label set; their relationships go with the flows' (no `at`).
    const byLabels = new Map<string, PlainNode[]>();
    let rels = '';
    for (const item of this.entityItems) {
      for (const n of item.nodes) {
        const key = labelsOf(n.label).join(':');
        byLabels.set(key, [...(byLabels.get(key) ?? []), n]);
      }
      for (const r of item.rels) rels += `${quote(r.fromId)},${quote(r.toId)},${r.type},\n`;
    }
    byLabels.set('ImportRun', [{ id: String(run.id), props: run as NodeUpsert['props'] }]);
    for (const [labels, list] of byLabels) {
      const file = path.join(this.dir, `nodes-${labels.replace(/:/g, '-')}.csv`);
      nodes.push(`${labels}=${file}`);
      fs.writeFileSync(file, nodeTable(list));
    }
    fs.appendFileSync(this.relsFile, rels);
    const relHeader = path.join(this.dir, 'rels-header.csv');
    fs.writeFileSync(relHeader, ':START_ID,:END_ID,:TYPE,at:IGNORE\n');
    return { nodes, relationships: [`${relHeader},${this.relsFile}`] };
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

type PlainNode = Pick<NodeUpsert, 'id' | 'props'>;

/** A header and one line per node; columns = the union of their properties, typed by their values. */
function nodeTable(nodes: PlainNode[]): string {
  const types = new Map<string, CsvType>();
  for (const n of nodes) for (const [k, v] of Object.entries(n.props)) if (k !== 'id' && v !== undefined && v !== null && !types.has(k)) types.set(k, typeOf(k, v));
  const keys = [...types.keys()];
  const header = ['id:ID', ...keys.map((k) => `${k}:${types.get(k)}`)].join(',');
  const lines = nodes.map((n) => [quote(n.id), ...keys.map((k) => cell(n.props[k]))].join(','));
  return [header, ...lines].join('\n') + '\n';
}
