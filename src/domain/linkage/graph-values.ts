/**
 * Neo4j nodes and relationship projections -> GraphNode / GraphEdge values, with a caption
 * (`label`) and a summary line (`detail`) a front-end can show without asking for more.
 */
import type { Node as Neo4jNode } from 'neo4j-driver';
import { globalId } from '../../graphql/relay/global-id';
import { EntityValue, toValue } from '../shared/to-value';
import { EntityKind, kindOfLabels } from './entity-kind';
import type { GraphEdgeValue, GraphNode } from './graph.types';

/** A relationship as the linkage queries project it (see cypher/queries/linkage/*.cypher). */
export interface EdgeRow {
  source: string;
  target: string;
  type: string;
  excerptIds: string[] | null;
  note: string | null;
}

const DETAIL_MAX = 160;

function clip(s: string, max = DETAIL_MAX): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : v == null ? undefined : String(v);
}

function joined(...parts: (string | undefined)[]): string | null {
  const kept = parts.filter((p): p is string => p !== undefined && p.length > 0);
  return kept.length > 0 ? clip(kept.join(' · ')) : null;
}

function period(v: EntityValue): string | undefined {
  const a = str(v.periodStart);
  const b = str(v.periodEnd);
  return a && b && a !== b ? `${a}-${b}` : (a ?? b);
}

export function caption(kind: EntityKind, v: EntityValue): { label: string; detail: string | null } {
  switch (kind) {
    case EntityKind.FIGURE: {
      // "export-value-growth: 278.1 percent (2024)"; qualifiers other than exact are kept ("more-than 3000").
      const qualifier = str(v.qualifier) === 'exact' ? undefined : str(v.qualifier);
      const amount = [qualifier, str(v.value), str(v.unit)].filter(Boolean).join(' ');
      const when = period(v);
      const label = `${str(v.metric) ?? v.key}${amount ? `: ${amount}` : ''}${when ? ` (${when})` : ''}`;
      return { label: clip(label, 80), detail: joined(str(v.statement)) };
    }
    case EntityKind.TRADE_FLOW: {
      const amount = v.value != null ? `${String(v.value)} ${str(v.currency) ?? ''}`.trim() : undefined;
      return { label: joined(str(v.direction), str(v.period) ?? period(v), amount) ?? v.key, detail: joined(str(v.statement), str(v.flag)) };
    }
    case EntityKind.SOURCE:
      return { label: clip(str(v.title) ?? v.key, 80), detail: joined(str(v.publisher), str(v.published), str(v.kind)) };
    case EntityKind.EXCERPT:
      return { label: str(v.locator) ?? v.key, detail: joined(str(v.text)) };
    case EntityKind.FACILITY:
      return { label: str(v.name) ?? v.key, detail: joined(str(v.kind), str(v.locationNote)) };
    case EntityKind.PRODUCT: {
      const hs = v.hsCode != null ? `HS ${String(v.hsCode)}` : undefined;
      return { label: str(v.name) ?? str(v.nameZh) ?? v.key, detail: joined(hs, str(v.nameZh)) };
    }
    default:
      return { label: str(v.name) ?? str(v.nameZh) ?? v.key, detail: joined(str(v.kind), str(v.nameZh)) };
  }
}

export function toGraphNode(node: Neo4jNode): GraphNode {
  const value = toValue(node);
  const kind = kindOfLabels(node.labels);
  if (!kind) throw new Error(`Node ${value.key} has no EntityKind (labels ${node.labels.join(':')})`);
  return { id: value.id, key: value.key, kind, ...caption(kind, value), node: value };
}

export function toGraphEdge(row: EdgeRow): GraphEdgeValue {
  const key = `${row.source}|${row.type}|${row.target}`;
  return {
    id: globalId('GraphEdge', key),
    key,
    source: row.source,
    target: row.target,
    type: row.type,
    note: row.note ?? null,
    excerptIds: row.excerptIds ?? [],
  };
}
