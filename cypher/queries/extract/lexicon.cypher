// extract/lexicon: the names the document intake matches text against (tradegraph extract): every
// named entity except HS nomenclature entries (their descriptions are not names that texts use).
// Parameters: none.
// Returns: id, label (primary), name, nameZh, aliases; by id.
MATCH (n)
WHERE (n:Company OR n:Product OR n:Region OR n:Market OR n:Policy OR n:Facility)
  AND n.hsCode IS NULL AND n.name IS NOT NULL
RETURN n.id AS id,
       [l IN labels(n) WHERE l IN ['Company', 'Product', 'Region', 'Market', 'Policy', 'Facility']][0] AS label,
       n.name AS name, n.nameZh AS nameZh, coalesce(n.aliases, []) AS aliases
ORDER BY id
