/**
 * The curated seed (seed/*.jsonl) passes validation, imports in one run, and importing it again
 * changes nothing: the same counts, properties and relationships.
 */
import { formatReport } from '../../src/ingest';
import { seedGraph } from '../../src/ingest/seed';
import { resetGraph, testDatabase, closeTestDatabase } from '../support/neo4j';
import { snapshot } from './ingest-helpers';

afterAll(async () => {
  await closeTestDatabase();
});

it('imports seed/ without errors, and a second time without changes', async () => {
  const db = testDatabase();
  await resetGraph(db);
  const dry = await seedGraph(db, { dryRun: true });
  expect(dry.errors).toEqual([]);
  expect(await snapshot(db)).toEqual({ nodes: 0, rels: 0, checksum: expect.any(String) });

  const first = await seedGraph(db);
  expect(first.errors).toEqual([]);
  expect(first.written).toBe(true);
  const after = await snapshot(db);
  expect(after.nodes).toBeGreaterThan(100);

  const second = await seedGraph(db);
  const changed = Object.entries(second.counts).filter(([, c]) => c.created + c.updated > 0);
  expect({ changed, report: changed.length > 0 ? formatReport(second) : '' }).toEqual({ changed: [], report: '' });
  expect(await snapshot(db)).toEqual(after);
});
