/**
 * Neo4j values -> GraphQL values. Every entity type is named after its primary label, so one mapper
 * serves all: the node's properties become fields, `id` becomes the Relay global id and `key` the
 * raw graph id, and `__typename` resolves interfaces and unions.
 */
import { isDate, isDateTime, isInt, isLocalDateTime, Node as Neo4jNode } from 'neo4j-driver';
import { globalId } from '../../graphql/relay/global-id';
import type { NodeValue } from '../../graphql/relay/node';
import { NODE_LABELS, NodeLabel } from '../../model';

/** The GraphQL object types of the graph's nodes: one per model row, named after its label (a Figure is also a Fact; the model's label wins). */
export const NODE_TYPES: readonly NodeLabel[] = NODE_LABELS;
export type NodeTypeName = NodeLabel;

export type EntityValue = NodeValue & Record<string, unknown>;

/** Plain JS values: temporal types as ISO strings, integers as numbers. */
export function plainValue(v: unknown): unknown {
  // Most properties are strings, numbers and booleans: they skip the driver's type checks below
  // (4% of the server's CPU on a page of 500 flows, bench/compare/cpu-profile.js at 1M).
  if (typeof v !== 'object' || v === null) return v;
  if (isInt(v)) return v.toNumber();
  if (isDate(v) || isDateTime(v) || isLocalDateTime(v)) return v.toString();
  if (Array.isArray(v)) return v.map(plainValue);
  return v;
}

export function plainProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = plainValue(v);
  return out;
}

export function typeOfLabels(labels: readonly string[]): NodeTypeName | undefined {
  return NODE_TYPES.find((t) => labels.includes(t));
}

export function toValue(node: Neo4jNode): EntityValue {
  const type = typeOfLabels(node.labels);
  if (!type) throw new Error(`Node with labels ${node.labels.join(':')} has no GraphQL type`);
  const props = plainProps(node.properties as Record<string, unknown>);
  const key = String(props.id);
  return { aliases: [], ...props, __typename: type, id: globalId(type, key), key };
}

/**
 * A node projected to some of its properties (selected-properties.ts): `values[i]` is property
 * `names[i]`. A null is a property the node does not have, left out as a whole node leaves it out
 * (so that defaults such as `aliases: []` apply alike).
 */
export function projectedValue(type: string, names: readonly string[], values: readonly unknown[]): EntityValue {
  const props: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) if (values[i] !== null && values[i] !== undefined) props[names[i]!] = plainValue(values[i]);
  const key = String(props.id);
  return { aliases: [], ...props, __typename: type, id: globalId(type, key), key };
}
