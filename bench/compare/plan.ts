/**
 * Reading a PROFILE plan (pure; unit-tested): total db hits and the costliest operators.
 */
export interface PlanNode {
  operatorType: string;
  dbHits?: number;
  rows?: number;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'object' && v !== null && 'toNumber' in v ? (v as { toNumber(): number }).toNumber() : Number(v ?? 0));

export function planTotals(root: PlanNode, topN = 3): { dbHits: number; top: string[] } {
  const all: { op: string; hits: number; rows: number }[] = [];
  const walk = (n: PlanNode) => {
    const details = n.arguments?.Details;
    const op = `${n.operatorType.replace(/@neo4j$/, '')}${typeof details === 'string' && details ? ` ${details.replace(/\s+/g, ' ').slice(0, 90)}` : ''}`;
    all.push({ op, hits: num(n.dbHits), rows: num(n.rows) });
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  const dbHits = all.reduce((a, x) => a + x.hits, 0);
  const top = [...all]
    .sort((a, b) => b.hits - a.hits)
    .slice(0, topN)
    .filter((x) => x.hits > 0)
    .map((x) => `${x.op.replace(/\|/g, '\\|')} (${x.hits.toLocaleString('en')}, ${x.rows.toLocaleString('en')} rows)`);
  return { dbHits, top };
}

/** A query's name: its first `// name: ...` comment line, else its first 60 characters. */
export function queryLabel(cypher: string): string {
  const comment = cypher.split('\n').find((l) => l.trim().startsWith('//'));
  if (comment) return comment.trim().replace(/^\/\/\s*/, '').split(':')[0]!.slice(0, 60);
  return cypher.replace(/\s+/g, ' ').trim().slice(0, 60).replace(/\|/g, '\\|') + '...';
}
