// model/search-index-labels: the labels the full-text index `entity_names` covers (no row when it
// does not exist; see model/search-index).
SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes
WHERE name = 'entity_names'
RETURN labelsOrTypes AS labels
