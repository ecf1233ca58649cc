// region/by-code: the region with a natural code, for each lookup of a request (each code through
// its own index; aliased lookups are one query: loadByKey in src/graphql/loaders.ts).
// Parameters:
//   $keys  the lookups, each {parentId, iso2, iso3, m49, gbCode}: pass the codes you have, the
//          others null, e.g. [{parentId: 'wulong', iso2: null, iso3: null, m49: null, gbCode: '500156'}]
//            iso2    ISO 3166-1 alpha-2, e.g. 'TH'
//            iso3    ISO 3166-1 alpha-3, e.g. 'THA'
//            m49     UN M49 code as text, e.g. '764' or '035'
//            gbCode  GB/T 2260 code, e.g. '500156'
// Returns at most one row per lookup: parentId, node (the region with the smallest id when the
// codes given name several).
UNWIND $keys AS key
CALL (key) {
  CALL (key) {
    MATCH (n:Region {iso3: key.iso3}) RETURN n
    UNION
    MATCH (n:Region {iso2: key.iso2}) RETURN n
    UNION
    MATCH (n:Region {m49: key.m49}) RETURN n
    UNION
    MATCH (n:Region {gbCode: key.gbCode}) RETURN n
  }
  RETURN n
  ORDER BY n.id
  LIMIT 1
}
RETURN key.parentId AS parentId, n AS node
