// Recipe: which policies or programs support the products (specialties) of some regions, or the
// regions themselves? ("Which policies or programs support agricultural exports from Wulong,
// Shizhu or Kaizhou?") Each support is listed with the excerpts that state it. Support for an
// enclosing region (e.g. the municipality a district belongs to) is listed as such: it reaches the
// region's enterprises without naming them, and the recipe does not pretend otherwise.
// Parameters:
//   :param regions => ["gb:500156", "gb:500240", "gb:500154"]
// Returns: policy, name, supports (the product or region supported), via ('product', 'region' or
// 'enclosing region'),
// region, excerpts (ids); by policy.
MATCH (r:Region) WHERE r.id IN $regions
CALL (r) {
  MATCH (p:Policy)-[s:SUPPORTS]->(prod:Product)-[:ORIGINATES_IN]->(r)
  RETURN p, prod AS target, 'product' AS via, s
  UNION
  MATCH (p:Policy)-[s:SUPPORTS]->(r)
  RETURN p, r AS target, 'region' AS via, s
  UNION
  MATCH (r)-[:PART_OF*1..]->(up:Region)<-[s:SUPPORTS]-(p:Policy)
  RETURN p, up AS target, 'enclosing region' AS via, s
}
RETURN p.id AS policy, p.name AS name, target.id AS supports, via, r.id AS region, coalesce(s.excerptIds, []) AS excerpts
ORDER BY policy, region, supports;
