/**
 * The synthetic benchmark graph loads through the real import pipeline (at a tiny scale here;
 * bench/README.md runs it at 50k companies and 1M flows).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from '../../bench/generate';
import { runImport } from '../../src/ingest';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();

it('imports a generated synthetic graph, every node citing the synthetic source', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  await generate({ companies: 30, products: 250, flows: 400, regions: 12, markets: 2 }, dir, 3);
  const report = await runImport(db(), { format: 'curated', paths: [dir], batchCommit: true });
  expect(report.errors).toEqual([]);
  expect(report.ok).toBe(true);

  const [counts] = await db().read<{ flows: number; companies: number; uncited: number }>(
    `MATCH (f:TradeFlow) WITH count(f) AS flows
     MATCH (c:Company) WITH flows, count(c) AS companies
     OPTIONAL MATCH (n) WHERE (n:Company OR n:Product OR n:Region OR n:Market OR n:Fact)
       AND NOT (n)-[:STATED_IN]->(:Excerpt {id: 'excerpt:synthetic-benchmark'})
     RETURN flows, companies, count(n) AS uncited`,
  );
  expect(counts).toEqual({ flows: 400, companies: 30, uncited: 0 });
  const [tree] = await db().read<{ depth: number }>(
    "MATCH p = (:Product {id: 'hs9999:010000'})-[:PART_OF*]->(top:Product) WHERE NOT (top)-[:PART_OF]->() RETURN length(p) AS depth",
  );
  expect(tree).toEqual({ depth: 2 });
  fs.rmSync(dir, { recursive: true, force: true });
});
