/**
 * The closed whitelist of labels and relationship types (docs/model.md). Labels and types cannot be
 * Cypher parameters, so the write templates are filled from these lists only, never from input.
 */

export const NODE_LABELS = [
  'Source',
  'Excerpt',
  'Region',
  'Market',
  'Company',
  'Product',
  'Policy',
  'Facility',
  'Figure',
  'TradeFlow',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** The label carrying the uniqueness constraint a node is merged on (`Fact` for figures and flows). */
export type MergeLabel = Exclude<NodeLabel, 'Figure' | 'TradeFlow'> | 'Fact';

export function mergeLabelOf(label: NodeLabel): MergeLabel {
  return label === 'Figure' || label === 'TradeFlow' ? 'Fact' : label;
}

type Target = MergeLabel | '*';

/** Allowed (from label, to label) per relationship type; `*` = any entity. */
export const REL_RULES = {
  EXCERPT_OF: [['Excerpt', 'Source']],
  STATED_IN: [['*', 'Excerpt']],
  PART_OF: [
    ['Region', 'Region'],
    // The HS tree (hs records), and a named product under a broader named product (a category).
    ['Product', 'Product'],
  ],
  MEMBER_OF: [['Region', 'Market']],
  CLASSIFIED_AS: [['Product', 'Product']],
  ORIGINATES_IN: [['Product', 'Region']],
  HEADQUARTERED_IN: [['Company', 'Region']],
  OPERATES: [['Company', 'Facility']],
  // The company does business in, or integrates with, that market or country (a source says so).
  ACTIVE_IN: [
    ['Company', 'Market'],
    ['Company', 'Region'],
  ],
  LOCATED_IN: [['Facility', 'Region']],
  SUPPORTS: [
    ['Policy', 'Company'],
    ['Policy', 'Product'],
    ['Policy', 'Region'],
    ['Policy', 'Market'],
    ['Policy', 'Policy'],
  ],
  APPLIES_IN: [['Policy', 'Region']],
  ABOUT: [['Fact', '*']],
  TRADER: [['Fact', 'Company']],
  OF_PRODUCT: [['Fact', 'Product']],
  FROM: [
    ['Fact', 'Region'],
    ['Fact', 'Market'],
  ],
  TO: [
    ['Fact', 'Region'],
    ['Fact', 'Market'],
  ],
  REPORTED_BY: [['Fact', 'Region']],
  VIA: [['Fact', 'Policy']],
} as const satisfies Record<string, readonly (readonly [Target, Target])[]>;

export type RelType = keyof typeof REL_RULES;
export const REL_TYPES = Object.keys(REL_RULES) as RelType[];

export function isRelType(s: string): s is RelType {
  return Object.prototype.hasOwnProperty.call(REL_RULES, s);
}

/** Id scheme -> the label a node with that id is merged on (docs/model.md, "Ids"). */
const PREFIX_LABELS: [RegExp, MergeLabel][] = [
  [/^iso:[A-Z]{3}$/, 'Region'],
  [/^m49:\d{3}$/, 'Region'],
  [/^gb:\d{6}$/, 'Region'],
  [/^hs\d{4}:(?:\d{2,10}|TOTAL)$/, 'Product'],
  [/^market:[a-z0-9][a-z0-9-]*$/, 'Market'],
  [/^company:[a-z0-9][a-z0-9-]*$/, 'Company'],
  [/^product:[a-z0-9][a-z0-9-]*$/, 'Product'],
  [/^policy:[a-z0-9][a-z0-9-]*$/, 'Policy'],
  [/^facility:[a-z0-9][a-z0-9-]*$/, 'Facility'],
  [/^figure:[a-z0-9][a-z0-9-]*$/, 'Fact'],
  [/^flow:[A-Za-z0-9][A-Za-z0-9:._-]*$/, 'Fact'],
  [/^source:[a-z0-9][a-z0-9.-]*$/, 'Source'],
  [/^excerpt:[a-z0-9][a-z0-9.-]*$/, 'Excerpt'],
];

/** The merge label for a well-formed id, or undefined when the id follows no scheme. */
export function labelForId(id: string): MergeLabel | undefined {
  for (const [re, label] of PREFIX_LABELS) if (re.test(id)) return label;
  return undefined;
}

/** Why a relationship of this type cannot join these ids, or undefined when it may. */
export function relRuleViolation(type: RelType, fromId: string, toId: string): string | undefined {
  const from = labelForId(fromId);
  const to = labelForId(toId);
  if (!from) return `"${fromId}" is not a valid id (see docs/model.md, Ids)`;
  if (!to) return `"${toId}" is not a valid id (see docs/model.md, Ids)`;
  const rules = REL_RULES[type] as readonly (readonly [Target, Target])[];
  const ok = rules.some(([f, t]) => (f === '*' || f === from) && (t === '*' || t === to));
  if (ok) return undefined;
  const allowed = rules.map(([f, t]) => `${f}->${t}`).join(', ');
  return `${type} cannot join ${from} "${fromId}" to ${to} "${toId}" (allowed: ${allowed})`;
}

/** Properties stored as Neo4j integers (years, levels, row numbers), not floats. */
export const INTEGER_PROPS = new Set(['periodStart', 'periodEnd', 'baselineStart', 'baselineEnd', 'hsLevel', 'sourceRow']);
