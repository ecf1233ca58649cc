// Exporters of the products under one HS heading to one destination: flows and total value each.
MATCH (:Product {id: $heading})<-[:PART_OF]-(:Product)<-[:OF_PRODUCT]-(f:TradeFlow)-[:TO]->(:Region {id: $dest})
WHERE f.direction = 'EXPORT' AND f.value IS NOT NULL
MATCH (f)-[:TRADER]->(c:Company)
RETURN c.id AS id, c.name AS name, count(f) AS flows, sum(f.value) AS value
