// market/members: the member regions of each market, with membership dates (MEMBER_OF).
// Parameters:
//   $ids   market ids, e.g. ['market:asean']
//   $year  integer or null: only members during that year
// Returns: parentId, member (Region), market, rel (from, to, excerptIds), by member name.
UNWIND $ids AS parentId
MATCH (m:Market {id: parentId})<-[ms:MEMBER_OF]-(r:Region)
WHERE $year IS NULL OR (
  (ms.fromYear IS NULL OR ms.fromYear <= $year)
  AND (ms.toYear IS NULL OR ms.toYear >= $year))
RETURN parentId, r AS member, m AS market, properties(ms) AS rel
ORDER BY parentId, toLower(r.name), r.id
