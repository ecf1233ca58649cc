// product/classified-as: the HS entries each named product is classified under (CLASSIFIED_AS).
// Parameters:
//   $ids  product ids, e.g. ['product:wulong-bamboo-shoots']
// Returns: parentId, product (the named product), hsEntry, rel (excerptIds, note).
UNWIND $ids AS parentId
MATCH (p:Product {id: parentId})-[c:CLASSIFIED_AS]->(h:Product)
RETURN parentId, p AS product, h AS hsEntry, properties(c) AS rel
ORDER BY parentId, h.id
