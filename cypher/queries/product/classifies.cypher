// product/classifies: the named products classified under each HS entry or an entry below it.
// Parameters:
//   $ids    HS product ids, e.g. ['hs2022:2005']
//   $limit  integer
// Returns: parentId, product (the named product), hsEntry, rel (excerptIds, note).
UNWIND $ids AS parentId
CALL (parentId) {
  MATCH (:Product {id: parentId})<-[:PART_OF*0..6]-(h:Product)<-[c:CLASSIFIED_AS]-(p:Product)
  RETURN p, h, c
  ORDER BY toLower(p.name), p.id
  LIMIT $limit
}
RETURN parentId, p AS product, h AS hsEntry, properties(c) AS rel
