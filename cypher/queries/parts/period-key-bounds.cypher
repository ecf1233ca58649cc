// parts/period-key-bounds: a FRAGMENT, not a query (written where a page query says __PERIOD_KEY_BOUNDS__).
// The keyset bounds of a trade flow PERIOD page ($gt, $lt: [first year, id] or null) as bounds on
// the flows' stored sort key (`sortKey` = first year as six digits + char 0 + id,
// cypher/aggregates/flow-sort-keys.cypher): `lo` (exclusive; '' when there is none: no key is empty)
// and `hi` (exclusive, or null). `keyable` is false when a bound's year is one no key writes (not a
// whole number from 0 to 999999: a cursor this server did not make); the page is then read without
// the key. The order of the keys is the order of the [year, id] lists: char 0 sorts first.
WITH *, coalesce(all(b IN [$gt, $lt] WHERE b IS NULL
    OR (b[0] IS :: INTEGER NOT NULL | FLOAT NOT NULL AND b[0] = floor(b[0]) AND 0 <= b[0] < 1000000)), false) AS keyable
WITH *,
  CASE WHEN keyable AND $gt IS NOT NULL THEN right('000000' + toString(toInteger($gt[0])), 6) + '\u0000' + $gt[1] ELSE '' END AS lo,
  CASE WHEN keyable AND $lt IS NOT NULL THEN right('000000' + toString(toInteger($lt[0])), 6) + '\u0000' + $lt[1] END AS hi
