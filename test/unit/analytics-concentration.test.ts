/**
 * Concentration arithmetic: shares, Herfindahl-Hirschman index on the 0..10,000 scale.
 */
import { concentration, herfindahl, withShares } from '../../src/domain/analytics/concentration';
import { joinChanges } from '../../src/domain/analytics/trade-change';

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

describe('joinChanges', () => {
  const t = (key: string, currency: string, value: number) => ({ key, label: key, currency, direction: null, value, flows: 1, qualitativeFlows: 0 });
  it('joins two years on group and currency, zero where absent, growth first and new groups last', () => {
    const rows = joinChanges([t('a', 'USD', 100), t('b', 'USD', 50), t('a', 'EUR', 10)], [t('a', 'USD', 150), t('c', 'USD', 5), t('a', 'EUR', 40)]);
    expect(rows.map((r) => [r.key, r.currency, r.fromValue, r.toValue, r.changePercent])).toEqual([
      ['a', 'EUR', 10, 40, 300],
      ['a', 'USD', 100, 150, 50],
      ['b', 'USD', 50, 0, -100],
      ['c', 'USD', 0, 5, null],
    ]);
  });
});
