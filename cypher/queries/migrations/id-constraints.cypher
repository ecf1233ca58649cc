// migrations/id-constraints: the labels that have a uniqueness constraint on `id` alone (a read:
// start-up creates model/id-constraint only for a label of the model that is missing here).
SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties
WHERE type = 'UNIQUENESS' AND entityType = 'NODE' AND properties = ['id'] AND size(labelsOrTypes) = 1
RETURN labelsOrTypes[0] AS label
