/** Graph nodes (ChangeSet, Change) as the GraphQL values of change.type.ts. */
import type { Node as Neo4jNode } from 'neo4j-driver';
import { plainProps } from '../shared/to-value';
import type { Change, ChangeSet, RelationshipChange } from './change.type';
import type { RelState } from './state';

const json = <T>(text: unknown, fallback: T): T => (typeof text === 'string' ? (JSON.parse(text) as T) : fallback);

/** A change set, with the digests of the states it was proposed against (not a GraphQL field). */
export function toChangeSet(node: Neo4jNode): ChangeSet & { base: Record<string, string> } {
  const p = plainProps(node.properties) as Record<string, any>;
  return {
    id: p.id,
    status: p.status,
    version: p.version,
    author: p.author,
    createdAt: p.createdAt,
    summary: p.summary ?? null,
    records: json(p.records, []),
    entities: p.entities ?? [],
    reviewer: p.reviewer ?? null,
    reviewComment: p.reviewComment ?? null,
    reviewedAt: p.reviewedAt ?? null,
    base: json(p.base, {}),
  };
}

const toRel = (r: RelState): RelationshipChange => ({ type: r.type, direction: r.dir.toUpperCase(), other: r.other, properties: r.props });

export function toChange(node: Neo4jNode): Change {
  const p = plainProps(node.properties) as Record<string, any>;
  return {
    seq: p.seq,
    at: p.at,
    entity: p.entity,
    action: p.action,
    changeSet: p.changeSet ?? null,
    author: p.author,
    reviewer: p.reviewer ?? null,
    reason: p.reason ?? null,
    before: json(p.before, {}),
    after: json(p.after, {}),
    relationshipsAdded: json<RelState[]>(p.relsAdded, []).map(toRel),
    relationshipsRemoved: json<RelState[]>(p.relsRemoved, []).map(toRel),
  };
}
