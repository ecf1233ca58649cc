// product/by-hs-code: the HS entry with a code, in the given edition or the latest one.
// Parameters:
//   $hsCode   digits, e.g. '8711' or '200591'
//   $edition  e.g. 'HS2022', or null for the latest edition
// Returns at most one row: node.
MATCH (n:Product {hsCode: $hsCode})
WHERE $edition IS NULL OR n.hsEdition = $edition
RETURN n AS node
ORDER BY n.hsEdition DESC
LIMIT 1
