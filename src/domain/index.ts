/**
 * The resolvers of every domain folder, assembled into the schema by graphql/schema.ts, found by
 * convention rather than listed: every exported class named `...Resolver` of every `*.resolver`
 * module under src/domain (one per GraphQL type; NamedResolver and FactResolver hold the interfaces'
 * own fields). A new type's resolver file is part of the schema without a registration line. The
 * generic bases (RootList, NamedFields, ProvenanceResolver, PlaceFlowsResolver) are functions that
 * make classes, not classes, so they are left out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'type-graphql';

const RESOLVER_MODULE = /\.resolver\.(?:js|ts)$/;

/** The `*.resolver` modules below `dir`, in path order (compiled .js, or .ts under ts-jest). */
function resolverModules(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return resolverModules(full);
      return RESOLVER_MODULE.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
    });
}

const isClass = (v: unknown): v is Function => typeof v === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(v));
/** A class type-graphql knows as a resolver (decorated with @Resolver), not just named like one. */
const isResolver = (v: unknown): v is Function => isClass(v) && getMetadataStorage().resolverClasses.some((r) => r.target === v);

export const domainResolvers: Function[] = resolverModules(__dirname).flatMap((file) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  Object.entries(require(file) as Record<string, unknown>)
    .filter(([name, v]) => name.endsWith('Resolver') && isResolver(v))
    .map(([, v]) => v as Function),
);
