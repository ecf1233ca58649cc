// region/by-code: the region with a natural code (each code through its own index).
// Parameters (pass the one you have, the others null):
//   $iso2    ISO 3166-1 alpha-2, e.g. 'TH'
//   $iso3    ISO 3166-1 alpha-3, e.g. 'THA'
//   $m49     UN M49 code as text, e.g. '764' or '035'
//   $gbCode  GB/T 2260 code, e.g. '500156'
// Returns at most one row: node.
CALL () {
  MATCH (n:Region {iso3: $iso3}) RETURN n
  UNION
  MATCH (n:Region {iso2: $iso2}) RETURN n
  UNION
  MATCH (n:Region {m49: $m49}) RETURN n
  UNION
  MATCH (n:Region {gbCode: $gbCode}) RETURN n
}
RETURN n AS node
ORDER BY n.id
LIMIT 1
