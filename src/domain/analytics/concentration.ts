/**
 * Concentration of a market or product's trade over its exporters (pure arithmetic, unit-tested).
 *
 * Shares are fractions of the group's total (0..1). The Herfindahl-Hirschman index is the sum of
 * the squared shares in percent, on the usual 0..10,000 scale: 10,000 means a single exporter,
 * below 1,500 is commonly read as unconcentrated and above 2,500 as highly concentrated (US DoJ /
 * FTC merger guidelines). Only positive values count as shares.
 */
import type { EntityValue } from '../shared/to-value';

export interface ExporterValue {
  key: string;
  label: string;
  /** The exporter's node, as the API shows it. */
  node?: EntityValue | null;
  value: number;
  flows: number;
}

export interface ExporterWithShare extends ExporterValue {
  share: number;
}

export interface ConcentrationMeasures {
  total: number;
  flows: number;
  exporterCount: number;
  exporters: ExporterWithShare[];
  topExporter: ExporterWithShare | null;
  topShare: number | null;
  hhi: number | null;
  singleExporter: boolean;
}

export function withShares<T extends { value: number }>(rows: T[]): (T & { share: number })[] {
  const total = rows.reduce((s, r) => s + Math.max(r.value, 0), 0);
  return rows.map((r) => ({ ...r, share: total > 0 ? Math.max(r.value, 0) / total : 0 }));
}

export function herfindahl(shares: readonly number[]): number {
  // p * p, as aggregates/concentration computes it in Cypher (the stored hhi must be the same double).
  return shares.reduce((s, x) => {
    const p = 100 * x;
    return s + p * p;
  }, 0);
}

export function concentration(exporters: ExporterValue[]): ConcentrationMeasures {
  const sorted = [...exporters].sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : 1));
  const shared = withShares(sorted);
  const total = sorted.reduce((s, e) => s + e.value, 0);
  const top = shared[0] ?? null;
  const positive = shared.filter((e) => e.value > 0);
  return {
    total,
    flows: sorted.reduce((s, e) => s + e.flows, 0),
    exporterCount: sorted.length,
    exporters: shared,
    topExporter: top,
    topShare: top ? top.share : null,
    hhi: positive.length > 0 ? round(herfindahl(positive.map((e) => e.share))) : null,
    singleExporter: sorted.length === 1,
  };
}

/** HHI to 2 decimals: enough for any reading of it, and free of float noise in answers. */
function round(x: number): number {
  return Math.round(x * 100) / 100;
}
