/**
 * Which properties of each node type a request reads, so that a query returns those and not every
 * property of every node (reading and sending whole nodes was 36% of the db hits of a flow page
 * query, and most of the driver's unpacking; bench/compare/profile.js at 1M flows).
 *
 * One pass over the request's operation (with its fragments), once per request: for every object
 * type, the fields selected on it or on an interface it implements. A field without a resolver is
 * a property of the same name (the types are `simpleResolvers`; graphql/plain-fields.ts notes them
 * when the schema is built; `id` and `key` both come from the `id` property, see to-value.ts).
 * For a schema whose plain fields were not noted, nothing is projected (whole nodes). A field with a resolver (`@FieldResolver`) takes its root as a
 * `NodeValue` (`__typename`, `id`, `key`), so it needs no property; a resolver that read more of
 * its root would have to be typed so, and would break this rule: none does.
 *
 * A query that projects a node column writes, for the column's node `x` of type T:
 *
 *   CASE WHEN $fields.T IS NULL THEN x ELSE ['T'] + [k IN $fields.T | x[k]] END
 *
 * the whole node when the caller sends no list, else the type's name, then the values in the list's
 * order. `fieldsParam` builds `$fields` for the types a query names; `entityOf` turns either form
 * into the GraphQL value. Every node of a type that one request receives carries the same
 * properties, so the loaders it primes answer every selection of that request alike.
 */
import {
  FieldNode,
  getNamedType,
  GraphQLCompositeType,
  GraphQLResolveInfo,
  GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  SelectionSetNode,
} from 'graphql';
import { isNode, Node as Neo4jNode } from 'neo4j-driver';
import type { RequestContext } from '../../graphql/context';
import { plainFields } from '../../graphql/plain-fields';
import { EntityValue, projectedValue, toValue } from './to-value';

/** Per object type, the property names a request reads (always `id` first). */
export type SelectedProperties = ReadonlyMap<string, readonly string[]>;

const perRequest = new WeakMap<RequestContext, SelectedProperties>();

/** The request's properties per type (computed on the first call of the request). */
export function selectedProperties(ctx: RequestContext, info: GraphQLResolveInfo): SelectedProperties {
  let found = perRequest.get(ctx);
  if (!found) {
    found = propertiesOfOperation(info);
    perRequest.set(ctx, found);
  }
  return found;
}

/** `$fields` for a query projecting nodes of `types`: each type's list, or null (whole nodes) for a type the operation never selects. */
export function fieldsParam(ctx: RequestContext, info: GraphQLResolveInfo, types: readonly string[]): Record<string, readonly string[] | null> {
  const selected = selectedProperties(ctx, info);
  return Object.fromEntries(types.map((t) => [t, selected.get(t) ?? null]));
}

/** A node column's value as the GraphQL value: a whole node, or a projection (see the header) by this request's lists. */
export function entityOf(ctx: RequestContext, v: Neo4jNode | unknown[]): EntityValue {
  if (isNode(v)) return toValue(v);
  const [type, ...values] = v as [string, ...unknown[]];
  const names = perRequest.get(ctx)?.get(type);
  if (!names || names.length !== values.length) throw new Error(`A projected ${type} does not match the request's properties of ${type}`);
  return projectedValue(type, names, values);
}

/** The walk: selections by the type they are selected on, through fragments; interfaces' fields go to every implementation. */
export function propertiesOfOperation(info: Pick<GraphQLResolveInfo, 'schema' | 'operation' | 'fragments'>): SelectedProperties {
  const { schema } = info;
  const plain = plainFields(schema);
  const out = new Map<string, Set<string>>();
  if (!plain) return new Map();
  const seenFragments = new Set<string>();
  const propsOf = (type: string) => {
    let props = out.get(type);
    if (!props) out.set(type, (props = new Set(['id'])));
    return props;
  };
  const visit = (type: GraphQLCompositeType, set: SelectionSetNode) => {
    // An object selected with resolver fields only still needs its id.
    if (isObjectType(type)) propsOf(type.name);
    for (const sel of set.selections) {
      if (sel.kind === 'Field') field(type, sel);
      else if (sel.kind === 'InlineFragment') visit(conditionType(schema, sel.typeCondition?.name.value) ?? type, sel.selectionSet);
      else {
        const fragment = info.fragments[sel.name.value];
        // A fragment's fields are the same wherever it is spread: one visit is enough.
        if (!fragment || seenFragments.has(sel.name.value)) continue;
        seenFragments.add(sel.name.value);
        visit(conditionType(schema, fragment.typeCondition.name.value) ?? type, fragment.selectionSet);
      }
    }
  };
  const field = (type: GraphQLCompositeType, node: FieldNode) => {
    const name = node.name.value;
    if (name.startsWith('__')) return;
    if (isObjectType(type) || isInterfaceType(type)) {
      const objects = isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
      for (const object of objects) {
        if (plain.get(object.name)?.has(name)) propsOf(object.name).add(name === 'key' ? 'id' : name);
      }
    }
    const def = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
    const inner = def ? getNamedType(def.type) : undefined;
    if (node.selectionSet && inner && isCompositeType(inner)) visit(inner, node.selectionSet);
  };
  const root = schema.getRootType(info.operation.operation);
  if (root) visit(root, info.operation.selectionSet);
  return new Map([...out].map(([t, s]) => [t, [...s]]));
}

function conditionType(schema: GraphQLSchema, name: string | undefined): GraphQLCompositeType | undefined {
  if (!name) return undefined;
  const t = schema.getType(name);
  return t && isCompositeType(t) ? t : undefined;
}
