// model/id-constraints: the labels that already have a uniqueness constraint on `id` (see
// model/id-constraint), read once so a start-up on a current database writes nothing.
SHOW CONSTRAINTS YIELD entityType, labelsOrTypes, properties, type
WHERE entityType = 'NODE' AND properties = ['id'] AND (type ENDS WITH 'UNIQUENESS' OR type = 'NODE_KEY')
RETURN labelsOrTypes[0] AS label
