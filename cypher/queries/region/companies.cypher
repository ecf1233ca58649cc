// region/companies: companies headquartered in, or running a facility in, each region or a region inside it.
// Parameters:
//   $ids    region ids
//   $limit  integer: maximum companies per parent
// Returns: parentId, node (a Company), by name.
UNWIND $ids AS parentId
CALL (parentId) {
  CALL (parentId) {
    MATCH (:Region {id: parentId})<-[:PART_OF*0..12]-(:Region)<-[:HEADQUARTERED_IN]-(c:Company)
    RETURN c
    UNION
    MATCH (:Region {id: parentId})<-[:PART_OF*0..12]-(:Region)<-[:LOCATED_IN]-(:Facility)<-[:OPERATES]-(c:Company)
    RETURN c
  }
  RETURN c
  ORDER BY toLower(c.name), c.id
  LIMIT $limit
}
RETURN parentId, c AS node
