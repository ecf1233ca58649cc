/** Graph snapshots for the ingest integration tests: counts and a checksum of every property. */
import { createHash } from 'node:crypto';
import type { Database } from '../../src/neo4j/database';

// What the graph holds for its users: everything but the migration and import-run records and the
// staging area of an unfinished run (src/ingest/staging/), in a stable order, properties included
// (but `importRun`, the id of the run that wrote a flow: two runs of the same input differ only there).
const HIDDEN = ['Migration', 'ImportRun', 'StagedFact', 'StagedUpdate', 'StagedEntity'];
const visible = (v: string): string => `NOT (${HIDDEN.map((l) => `${v}:${l}`).join(' OR ')})`;
const NODES = `MATCH (n) WHERE ${visible('n')}
  WITH n ORDER BY n.id
  RETURN n.id AS id, [l IN labels(n) | l] AS labels, n {.*, importRun: null} AS props`;
const RELS = `MATCH (a)-[r]->(b) WHERE ${visible('a')} AND ${visible('b')}
  WITH a, r, b ORDER BY a.id, type(r), b.id
  RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`;

export interface Snapshot {
  nodes: number;
  rels: number;
  checksum: string;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]));
  return v;
}

export async function snapshot(db: Database): Promise<Snapshot> {
  const nodes = await db.read(NODES);
  const rels = await db.read(RELS);
  // Sorted by their whole canonical form: nodes without an id (the stored trade totals) tie in
  // Neo4j's ORDER BY, and a tie's order may differ from one read to the next.
  const rows = (list: Record<string, unknown>[]) => list.map((r) => JSON.stringify(canonical(r))).sort();
  const nodeRows = rows(nodes.map((r) => ({ ...r, labels: [...(r.labels as string[])].sort() })));
  const checksum = createHash('sha256').update(JSON.stringify([nodeRows, rows(rels)])).digest('hex');
  return { nodes: nodes.length, rels: rels.length, checksum };
}
