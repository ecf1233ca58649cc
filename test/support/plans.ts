/**
 * The operators of a query's plan, for tests that check how Neo4j runs a named query (which index
 * it seeks, that it does not sort or scan): PROFILE gives each operator's rows, EXPLAIN only the plan.
 */
import type { Database } from '../../src/neo4j/database';

export interface PlanOperator {
  type: string;
  rows: number;
  details: string;
}

/** Runs `text` under PROFILE (or EXPLAIN) and lists its plan's operators, root first. */
export async function planOperators(db: Database, text: string, params: Record<string, unknown>, mode: 'PROFILE' | 'EXPLAIN' = 'PROFILE'): Promise<PlanOperator[]> {
  const session = db.driver.session({ database: db.name });
  try {
    const summary = (await session.run(`${mode} ${text}`, params)).summary;
    const ops: PlanOperator[] = [];
    const walk = (p: any) => {
      ops.push({ type: p.operatorType, rows: p.rows ?? 0, details: String(p.arguments?.Details ?? '') });
      for (const c of p.children ?? []) walk(c);
    };
    walk(mode === 'PROFILE' ? summary.profile : summary.plan);
    return ops;
  } finally {
    await session.close();
  }
}
