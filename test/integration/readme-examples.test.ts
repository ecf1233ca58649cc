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
  (data) => {
    // The headline question: firms, products, markets, each flow with its source.
    const flows = data.tradeFlows.nodes;
    expect(data.tradeFlows.totalCount).toBeGreaterThanOrEqual(3);
    const rows = flows.map((f: any) => [f.trader?.name, f.product?.name ?? null, f.to?.name]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Changan Ford Automobile Co.', 'Automobiles', 'Philippines'],
        ['Zongshen Group', 'General purpose engines', 'United States of America'],
        ['Zongshen Group', null, 'United States of America'],
      ]),
    );
    for (const f of flows) {
      expect(f.excerpts.length).toBeGreaterThan(0);
      expect(f.excerpts[0].source.url).toMatch(/^https?:\/\//);
      if (f.value !== null) expect(f.excerpts.some((e: any) => /billion|\d/.test(e.text))).toBe(true);
    }
    const qualitative = flows.find((f: any) => f.product?.name === 'General purpose engines');
    expect(qualitative).toMatchObject({ value: null, quantity: null });
  },
  (data) => {
    const keys = data.search.map((h: any) => h.key);
    expect(keys[0]).toBe('excerpt:cq-fyp-p5-s1');
    expect(data.search[0].excerpts[0].states.map((p: any) => p.key)).toEqual(expect.arrayContaining(['policy:chongqing-trade-global', 'policy:hundred-groups-thousand-enterprises']));
  },
  (data) => {
    expect(data.metrics.find((m: any) => m.metric === 'export-value-growth').units).toEqual(['percent']);
    expect(data.periods.length).toBeGreaterThan(1);
    expect(data.sourceKinds.map((k: any) => k.kind)).toEqual(expect.arrayContaining(['official-document', 'news', 'reference-data']));
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
