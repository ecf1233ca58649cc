/**
 * What the import checks against the model (src/model.ts, stated once): labels, id schemes and the
 * allowed ends of each relationship type. Labels and types cannot be Cypher parameters, so the write
 * templates are filled from the model's closed lists only, never from input.
 */
import { INTEGER_PROPS, isRelType, labelForId, MergeLabel, mergeLabelOf, NODE_LABELS, NodeLabel, RelType, relEnds, REL_TYPES } from '../model';

export { INTEGER_PROPS, isRelType, labelForId, mergeLabelOf, NODE_LABELS, REL_TYPES };
export type { MergeLabel, NodeLabel, RelType };

/** Why a relationship of this type cannot join these ids, or undefined when it may. */
export function relRuleViolation(type: RelType, fromId: string, toId: string): string | undefined {
  const from = labelForId(fromId);
  const to = labelForId(toId);
  if (!from) return `"${fromId}" is not a valid id (see docs/model.md, Ids)`;
  if (!to) return `"${toId}" is not a valid id (see docs/model.md, Ids)`;
  const rules = relEnds(type);
  const ok = rules.some(([f, t]) => (f === '*' || f === from) && (t === '*' || t === to));
  if (ok) return undefined;
  const allowed = rules.map(([f, t]) => `${f}->${t}`).join(', ');
  return `${type} cannot join ${from} "${fromId}" to ${to} "${toId}" (allowed: ${allowed})`;
}
