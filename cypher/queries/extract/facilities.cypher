// extract/facilities: facilities with their operators and locations, so that a facility a text
// describes ("companies A and B have factories in X and Y") is matched to the one already recorded.
// Parameters: none.
// Returns: id, operators (sorted ids), locations (sorted ids); by id.
MATCH (f:Facility)
OPTIONAL MATCH (c:Company)-[:OPERATES]->(f)
WITH f, collect(DISTINCT c.id) AS operators
OPTIONAL MATCH (f)-[:LOCATED_IN]->(r)
WITH f, operators, collect(DISTINCT r.id) AS locations
RETURN f.id AS id, operators, locations
ORDER BY id
