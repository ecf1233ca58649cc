/**
 * The README's example queries, executed as written against the seeded graph over HTTP.
 * Each block must answer without errors, and with what the README says it shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedGraph } from '../../src/ingest/seed';
import { PROJECT_ROOT } from '../../src/paths';
import { dataOf, useApi } from '../support/api';
import { useTestGraph } from '../support/neo4j';

const db = useTestGraph();
const api = useApi(db);

const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

beforeAll(async () => {
  const report = await seedGraph(db());
  expect(report.ok).toBe(true);
});

async function run(query: string): Promise<any> {
  const res = await api.gql(query);
  expect(res.status).toBe(200);
  return dataOf(res);
}

/** What each README block is meant to show, in README order. */
const expectations: ((data: any) => void)[] = [
  (data) => {
    const growth = data.figures.nodes;
    expect(growth.map((f: any) => f.value)).toEqual(expect.arrayContaining([278.1, 55.2, 103.7]));
    for (const f of growth) {
      expect(f.excerpts.length).toBeGreaterThan(0);
      expect(f.excerpts[0].text).toContain(String(f.value));
      expect(f.excerpts[0].source.title).toBeTruthy();
    }
  },
  (data) => {
    expect(data.search[0]).toMatchObject({ key: 'company:changan-automobile', kind: 'COMPANY' });
  },
  (data) => {
    const path = data.howConnected;
    expect(path.nodes[0].key).toBe('company:changan-automobile');
    expect(path.nodes[path.nodes.length - 1].key).toBe('market:asean');
    expect(path.edges).toHaveLength(path.length);
    for (const edge of path.edges) expect(edge.excerpts.length).toBeGreaterThan(0);
  },
  (data) => {
    const facility = data.facility;
    expect(facility.locationNote).toBe('in Thailand, Vietnam, and other locations');
    expect(facility.operators.map((c: any) => c.name).sort()).toEqual(["Chang'an Automobile", 'Zongshen Group']);
    expect(facility.locations.map((l: any) => l.region.iso3).sort()).toEqual(['THA', 'VNM']);
  },
];

describe('README example queries', () => {
  it('has one expectation per example', () => {
    expect(blocks).toHaveLength(expectations.length);
  });

  blocks.forEach((query, i) => {
    it(`example ${i + 1} answers as the README says`, async () => {
      expectations[i]!(await run(query));
    });
  });
});
