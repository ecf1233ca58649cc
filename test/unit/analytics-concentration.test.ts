/**
 * Concentration arithmetic: shares, Herfindahl-Hirschman index on the 0..10,000 scale.
 */
import { concentration, herfindahl, withShares } from '../../src/domain/analytics/concentration';

describe('concentration', () => {
  it('computes shares, the top exporter and the HHI', () => {
    const c = concentration([
      { key: 'b', label: 'B', value: 50, flows: 1 },
      { key: 'a', label: 'A', value: 350, flows: 3 },
    ]);
    expect(c).toMatchObject({ total: 400, flows: 4, exporterCount: 2, topShare: 0.875, hhi: 7812.5, singleExporter: false });
    expect(c.exporters.map((e) => [e.key, e.share])).toEqual([
      ['a', 0.875],
      ['b', 0.125],
    ]);
  });

  it('gives 10,000 for a single exporter and near 10,000/n for n equal ones', () => {
    expect(concentration([{ key: 'a', label: 'A', value: 5, flows: 1 }])).toMatchObject({ hhi: 10000, singleExporter: true, topShare: 1 });
    expect(herfindahl([0.25, 0.25, 0.25, 0.25])).toBe(2500);
  });

  it('has no HHI or top exporter without exporters, and zero shares of a zero total', () => {
    expect(concentration([])).toMatchObject({ total: 0, exporterCount: 0, topExporter: null, topShare: null, hhi: null, singleExporter: false });
    expect(withShares([{ value: 0 }])).toEqual([{ value: 0, share: 0 }]);
  });
});
