// parts/figure-subject: a FRAGMENT, not a query (written where a query says __FIGURE_SUBJECT__).
// The entity `x` with graph id `parentId`, looked up by its label's unique id (one index seek per
// label a figure can be about), not by scanning every node.
CALL (parentId) {
  MATCH (x:Region {id: parentId}) RETURN x
  UNION ALL MATCH (x:Market {id: parentId}) RETURN x
  UNION ALL MATCH (x:Company {id: parentId}) RETURN x
  UNION ALL MATCH (x:Product {id: parentId}) RETURN x
  UNION ALL MATCH (x:Policy {id: parentId}) RETURN x
  UNION ALL MATCH (x:Facility {id: parentId}) RETURN x
}
