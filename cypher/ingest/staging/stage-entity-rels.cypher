// Relationships of staged entities (an Excerpt EXCERPT_OF its Source, a created Region STATED_IN
// the excerpt that names it), by element id. __TYPE__ is filled from the model's closed list.
// $rows: [{from, to}].
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[:__TYPE__]->(b)
RETURN count(*) AS count
