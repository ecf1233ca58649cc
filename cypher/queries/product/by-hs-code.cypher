// product/by-hs-code: the HS entry with a code, in the given edition or the latest one, for each
// lookup of a request (aliased lookups are one query: loadByKey in src/graphql/loaders.ts).
// Parameters:
//   $keys  the lookups, each {parentId, hsCode, edition}, e.g. [{parentId: '8711', hsCode: '8711', edition: null}]
//            hsCode   digits, e.g. '8711' or '200591'
//            edition  e.g. 'HS2022', or null for the latest edition
// Returns at most one row per lookup: parentId, node.
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Product {hsCode: key.hsCode})
  WHERE key.edition IS NULL OR n.hsEdition = key.edition
  RETURN n
  ORDER BY n.hsEdition DESC
  LIMIT 1
}
RETURN key.parentId AS parentId, n AS node
