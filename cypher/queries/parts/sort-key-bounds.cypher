// parts/sort-key-bounds: a FRAGMENT, not a query (written where a page query says __SORT_KEY_BOUNDS__).
// The keyset bounds of a NAME page ($gt, $lt: [lower-cased name, id] or null) as bounds on the
// stored sort key (`sortKey = toLower(name) + char 0 + id`, cypher/aggregates/sort-keys.cypher):
// `lo` (exclusive; '' when there is none: no key is empty) and `hi` (exclusive, or null). The
// order of the keys is the order of the [name, id] lists: char 0 sorts before every other character.
WITH CASE WHEN $gt IS NULL THEN '' ELSE $gt[0] + '\u0000' + $gt[1] END AS lo,
     CASE WHEN $lt IS NULL THEN null ELSE $lt[0] + '\u0000' + $lt[1] END AS hi
