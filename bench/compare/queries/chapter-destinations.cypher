// Export value per destination for the products under one HS chapter (chapter <- heading <- subheading).
MATCH (:Product {id: $chapter})<-[:PART_OF]-(:Product)<-[:PART_OF]-(:Product)<-[:OF_PRODUCT]-(f:TradeFlow)
WHERE f.direction = 'EXPORT' AND f.value IS NOT NULL
MATCH (f)-[:TO]->(d)
RETURN d.id AS id, d.name AS name, count(f) AS flows, sum(f.value) AS value
