/**
 * Persisted operations: the repository's example operations (operations/*.graphql) by hash, so a
 * front-end can send `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "..."}}}`
 * instead of the query text (smaller requests, GET-cacheable URLs).
 *
 * - schema/persisted-operations.json is the manifest, in the format of Apollo's
 *   `@apollo/generate-persisted-query-manifest` (`{format, version, operations: [{id, name, type,
 *   body}]}`; `id` = sha256 of `body`, the operation as graphql-js prints it), written by
 *   `tradegraph schema --write` beside the SDL and checked for staleness like the other artefacts.
 *   Apollo Client's `@apollo/persisted-query-lists` reads it as is.
 * - The server knows every manifest operation from the start: Apollo Server's automatic persisted
 *   queries (APQ) look hashes up in this cache, which answers manifest hashes itself and keeps the
 *   operations clients register at run time in a bounded LRU, as Apollo's default cache does.
 */
import crypto from 'node:crypto';
import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { parse, print } from 'graphql';
import { exampleOperations, OPERATIONS_DIR } from '../operations';

export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedOperationManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

export const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

/** The manifest of the operations in `dir` (file-name order). */
export function persistedOperationManifest(dir: string = OPERATIONS_DIR): PersistedOperationManifest {
  const operations = exampleOperations(dir).flatMap((op): PersistedOperation[] => {
    const doc = parse(op.query);
    const body = print(doc);
    return doc.definitions.flatMap((d) =>
      d.kind === 'OperationDefinition' ? [{ id: sha256(body), name: d.name?.value ?? op.name, type: d.operation, body }] : [],
    );
  });
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/** Apollo Server prefixes APQ keys with `apq:` (PrefixingKeyValueCache); the manifest is keyed by bare hashes. */
const APQ_PREFIX = 'apq:';

/** The APQ cache: manifest operations always, run-time registrations in a bounded LRU. */
export class PersistedOperationsCache implements KeyValueCache<string> {
  private readonly known: ReadonlyMap<string, string>;
  // About 30 MB of registered query text at most, as Apollo Server's default cache.
  private readonly registered = new InMemoryLRUCache<string>({ maxSize: 30 * 1024 * 1024, sizeCalculation: (v: string) => Math.max(1, v.length) });

  constructor(manifest: PersistedOperationManifest = persistedOperationManifest()) {
    this.known = new Map(manifest.operations.map((o) => [o.id, o.body]));
  }

  async get(key: string): Promise<string | undefined> {
    const hash = key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key;
    return this.known.get(hash) ?? this.registered.get(key);
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const hash = key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key;
    if (!this.known.has(hash)) await this.registered.set(key, value, options);
  }

  async delete(key: string): Promise<boolean | void> {
    return this.registered.delete(key);
  }
}
