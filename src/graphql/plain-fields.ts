/**
 * The fields of each object type that have no resolver of their own: their value is the source
 * object's property of the same name (the types are `simpleResolvers`). Noted once, when the schema
 * is built, because Apollo Server later wraps every field's resolver in place (its plugins'
 * `willResolveField`), after which a plain field can no longer be told from a `@FieldResolver`.
 * domain/shared/selected-properties.ts reads it to know which fields are node properties.
 */
import { GraphQLSchema, isObjectType } from 'graphql';

export type PlainFields = ReadonlyMap<string, ReadonlySet<string>>;

const noted = new WeakMap<GraphQLSchema, PlainFields>();

/** Notes the schema's plain fields (call it before the schema is served). */
export function notePlainFields(schema: GraphQLSchema): void {
  const out = new Map<string, Set<string>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    out.set(type.name, new Set(Object.values(type.getFields()).filter((f) => !f.resolve).map((f) => f.name)));
  }
  noted.set(schema, out);
}

/** The plain fields noted for the schema, or undefined for a schema built without `notePlainFields`. */
export function plainFields(schema: GraphQLSchema): PlainFields | undefined {
  return noted.get(schema);
}
