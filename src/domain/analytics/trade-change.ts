/**
 * Trade value change per group between two years: the tradeTotals of each year, joined on group,
 * currency and direction (pure join, unit-tested; the totals come from analytics/trade-totals).
 */
import type { TradeChange, TradeTotal } from './analytics.types';

const id = (t: TradeTotal) => `${t.key}\u0000${t.currency ?? ''}\u0000${t.direction ?? ''}`;

/** Groups present in either year; largest relative growth first, new groups (no base) after, then by change. */
export function joinChanges(from: TradeTotal[], to: TradeTotal[]): TradeChange[] {
  const rows = new Map<string, TradeChange>();
  const row = (t: TradeTotal): TradeChange => {
    let r = rows.get(id(t));
    if (!r) {
      r = { key: t.key, label: t.label, node: t.node ?? null, currency: t.currency, direction: t.direction, fromValue: 0, toValue: 0, change: 0, changePercent: null };
      rows.set(id(t), r);
    }
    return r;
  };
  for (const t of from) row(t).fromValue = t.value;
  for (const t of to) row(t).toValue = t.value;
  const out = [...rows.values()].map((r) => ({
    ...r,
    change: r.toValue - r.fromValue,
    changePercent: r.fromValue !== 0 ? (100 * (r.toValue - r.fromValue)) / Math.abs(r.fromValue) : null,
  }));
  return out.sort(
    (a, b) =>
      (a.changePercent === null ? 1 : 0) - (b.changePercent === null ? 1 : 0) ||
      (b.changePercent ?? 0) - (a.changePercent ?? 0) ||
      b.change - a.change ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
      ((a.currency ?? '') < (b.currency ?? '') ? -1 : 1),
  );
}
