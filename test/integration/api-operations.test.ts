/**
 * Every example operation (operations/*.graphql) against the SEEDED graph (seed/*.jsonl through the
 * import pipeline): each answers within the limits, without errors, and with the facts the seed holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedGraph } from '../../src/ingest/seed';
import { PROJECT_ROOT } from '../../src/neo4j/queries';
import { useTestGraph } from '../support/neo4j';
import { dataOf, useApi } from './api-harness';

const db = useTestGraph();
// The default limits: the example operations must pass them as they are.
const api = useApi(db);
const OPERATIONS_DIR = path.join(PROJECT_ROOT, 'operations');

beforeAll(async () => {
  const report = await seedGraph(db());
  if (!report.ok) throw new Error(`seed failed: ${JSON.stringify(report.errors).slice(0, 500)}`);
});

async function run(name: string, variables: Record<string, unknown> = {}) {
  const query = fs.readFileSync(path.join(OPERATIONS_DIR, `${name}.graphql`), 'utf8');
  const res = await api.gql(query, variables, { stats: true });
  return { data: dataOf(res), stats: res.body.extensions.stats };
}

const names = (list: { name: string }[]) => list.map((x) => x.name);

describe('example operations on the seeded graph', () => {
  it('covers every analyst question with one operation file each', () => {
    expect(fs.readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith('.graphql')).sort()).toEqual([
      'agricultural-export-support.graphql',
      'fastest-growing-figures.graphql',
      'imported-consumer-goods.graphql',
      'motorcycle-exporters-asean.graphql',
      'single-exporter-dependence.graphql',
      'single-source-facts.graphql',
      'specialty-to-foreign-market.graphql',
    ]);
  });

  it('motorcycle exporters to ASEAN: figures and the companies present there', async () => {
    const { data } = await run('motorcycle-exporters-asean');
    // The founding document states no flow; the answer is what it does state.
    expect(data.flows.totalCount).toBe(data.flows.nodes.length);
    expect(data.market.name).toBe('ASEAN');
    const factories = data.market.figures.nodes.find((f: any) => f.about.some((a: any) => a.name === 'Zongshen Group'));
    expect(names(factories.about.filter((a: any) => a.__typename === 'Company')).sort()).toEqual(["Chang'an Automobile", 'Zongshen Group']);
    const moto = data.motorcycles.nodes.find((p: any) => p.name === 'Motorcycles');
    expect(moto.figures.nodes.map((f: any) => [f.value, f.unit, f.periodStart, f.baselineEnd])).toContainEqual([55.2, 'percent', 2024, 2020]);
  });

  it('agricultural export support in Wulong, Shizhu and Kaizhou', async () => {
    const { data } = await run('agricultural-export-support');
    expect(names(data.wulong.products)).toEqual(['Wulong bamboo shoots']);
    expect(names(data.shizhu.products)).toEqual(['Shizhu water shield']);
    expect(names(data.kaizhou.products)).toEqual(['Kaizhou mulberry leaf eggs']);
    expect(data.wulong.products[0].classifiedAs[0].hsEntry.hsCode).toBe('200591');
    for (const d of [data.wulong, data.shizhu, data.kaizhou]) {
      // Policies in force in Chongqing are in force in its districts.
      expect(names(d.policies)).toEqual(expect.arrayContaining(['Cross-border e-commerce', 'Chongqing Trade Global']));
      expect(d.figures.nodes.some((f: any) => /first time|independent/i.test(f.statement))).toBe(true);
    }
  });

  it('specialty to foreign market: origin, classification, channels in force', async () => {
    const { data } = await run('specialty-to-foreign-market');
    expect(data.product.name).toBe('Wulong bamboo shoots');
    expect(data.product.origins[0].region.name).toBe('Wulong District');
    expect(names(data.product.origins[0].region.ancestors).slice(0, 2)).toEqual(['Chongqing', 'China']);
    expect(data.product.classifiedAs[0].hsEntry.hsCode).toBe('200591');
    expect(names(data.channels.nodes)).toContain('Cross-border e-commerce');
  });

  it('single-exporter dependence answers (empty while the seed holds no flows)', async () => {
    const { data } = await run('single-exporter-dependence');
    for (const list of Object.values(data) as any[][]) {
      for (const c of list) expect(c.topExporter.share).toBeGreaterThan(0);
    }
  });

  it('imported consumer goods: classifications and the import growth figure', async () => {
    const { data } = await run('imported-consumer-goods');
    expect(data.consumerGoods.figures.nodes.map((f: any) => f.value)).toContain(21.1);
    expect(data.cosmetics.classifiedAs.map((c: any) => c.hsEntry.hsCode)).toEqual(['3304']);
    expect(data.milkPowder.classifiedAs.map((c: any) => c.hsEntry.hsCode).sort()).toEqual(['0402', '190110']);
    expect(data.beef.classifiedAs.map((c: any) => c.hsEntry.hsCode).sort()).toEqual(['0201', '0202']);
    expect(names(data.channels.nodes)).toContain('Cross-border e-commerce');
  });

  it('fastest-growing figures between the 13th and 14th FYP', async () => {
    const { data } = await run('fastest-growing-figures');
    const values = data.figures.nodes.map((f: any) => f.value);
    expect(values.slice(0, 3)).toEqual([278.1, 103.7, 55.2]);
    expect(values).toEqual([...values].sort((a: number, b: number) => b - a));
    for (const f of data.figures.nodes) {
      expect(f.baselineEnd).toBeLessThanOrEqual(2020);
      expect(f.periodStart).toBeGreaterThanOrEqual(2021);
      expect(f.sources.length).toBeGreaterThan(0);
    }
  });

  it('facts resting on a single source', async () => {
    const { data } = await run('single-source-facts');
    expect(data.facts.totalCount).toBeGreaterThan(0);
    for (const f of data.facts.nodes) {
      expect(f.sources).toHaveLength(1);
      expect(f.excerpts.length).toBeGreaterThan(0);
    }
  });
});
