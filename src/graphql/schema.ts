/**
 * Builds the executable schema once at start-up from the type-graphql resolvers of every domain
 * folder, and prints it as SDL (checked in at schema/schema.graphql).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { MetaResolver } from './meta.resolver';
import { authChecker } from '../auth';
import { domainResolvers } from '../domain';
import { notePlainFields } from './plain-fields';
import { PROJECT_ROOT } from '../paths';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

export async function buildAppSchema(): Promise<GraphQLSchema> {
  const resolvers = [MetaResolver, ...domainResolvers] as unknown as NonEmptyArray<Function>;
  // authChecker: the one place @Authorized role rules are enforced (src/auth/checker.ts).
  const schema = await buildSchema({ resolvers, validate: false, authChecker });
  // Before Apollo wraps every resolver: which fields are node properties (plain-fields.ts).
  notePlainFields(schema);
  return schema;
}

/** The SDL as checked in: sorted, so a diff shows real changes only. */
export function printSchemaSdl(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

export async function writeSchemaFile(file: string = SCHEMA_FILE): Promise<string> {
  const sdl = printSchemaSdl(await buildAppSchema());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, sdl);
  return file;
}
