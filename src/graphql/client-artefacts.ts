/**
 * What a caching client needs to know about the schema beyond the SDL, generated from it and
 * checked in beside it (a test fails when they are stale):
 *
 * - schema/possible-types.json: every interface and union mapped to its object types, the shape
 *   Apollo Client's `possibleTypes` (and Relay's) expects. Without it a cache cannot tell which
 *   concrete types match `... on Named { name }` and leaves those fields empty.
 * - schema/connection-fields.json: every field that returns a Relay connection, per type, with
 *   the arguments that select a different list (everything but first/after/last/before). These
 *   are the `keyArgs` of `relayStylePagination()`: pages of one list merge, different filters or
 *   sorts stay apart.
 * - schema/persisted-operations.json: the example operations by hash (graphql/persisted-operations.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { getNamedType, GraphQLSchema, isInterfaceType, isObjectType, isUnionType, GraphQLObjectType } from 'graphql';
import { PROJECT_ROOT } from '../paths';
import { persistedOperationManifest } from './persisted-operations';

export const POSSIBLE_TYPES_FILE = path.join(PROJECT_ROOT, 'schema', 'possible-types.json');
export const CONNECTION_FIELDS_FILE = path.join(PROJECT_ROOT, 'schema', 'connection-fields.json');
export const PERSISTED_OPERATIONS_FILE = path.join(PROJECT_ROOT, 'schema', 'persisted-operations.json');

/** The paging arguments of a Relay connection; every other argument picks a different list. */
const PAGING_ARGS = new Set(['first', 'after', 'last', 'before']);

export type PossibleTypes = Record<string, string[]>;
/** type name -> connection field name -> keyArgs */
export type ConnectionFields = Record<string, Record<string, string[]>>;

const sorted = <T>(entries: [string, T][]): Record<string, T> => Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));

/** Interface or union -> the object types it can be, sorted (stable diffs). */
export function possibleTypesOf(schema: GraphQLSchema): PossibleTypes {
  const entries: [string, string[]][] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInterfaceType(type) || isUnionType(type)) {
      entries.push([type.name, schema.getPossibleTypes(type).map((t) => t.name).sort()]);
    }
  }
  return sorted(entries);
}

/** A Relay connection: an object type with `edges` (each with `node` and `cursor`) and `pageInfo`. */
function isConnection(type: GraphQLObjectType): boolean {
  const fields = type.getFields();
  if (!fields.edges || !fields.pageInfo) return false;
  const edge = getNamedType(fields.edges.type);
  return isObjectType(edge) && 'node' in edge.getFields() && 'cursor' in edge.getFields();
}

/** Object type -> its connection fields -> their keyArgs, sorted. */
export function connectionFieldsOf(schema: GraphQLSchema): ConnectionFields {
  const entries: [string, Record<string, string[]>][] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isObjectType(type)) continue;
    const fields: [string, string[]][] = [];
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type);
      if (!isObjectType(returned) || !isConnection(returned)) continue;
      fields.push([field.name, field.args.map((a) => a.name).filter((a) => !PAGING_ARGS.has(a)).sort()]);
    }
    if (fields.length) entries.push([type.name, sorted(fields)]);
  }
  return sorted(entries);
}

/** The checked-in text of each artefact, as `tradegraph schema --write` writes it. */
export function clientArtefacts(schema: GraphQLSchema): { file: string; text: string }[] {
  const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
  return [
    { file: POSSIBLE_TYPES_FILE, text: json(possibleTypesOf(schema)) },
    { file: CONNECTION_FIELDS_FILE, text: json(connectionFieldsOf(schema)) },
    { file: PERSISTED_OPERATIONS_FILE, text: json(persistedOperationManifest()) },
  ];
}

export function writeClientArtefacts(schema: GraphQLSchema): string[] {
  return clientArtefacts(schema).map(({ file, text }) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  });
}
