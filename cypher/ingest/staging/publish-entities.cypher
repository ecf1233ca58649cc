// Publishing, step 1: staged entities of label __LABEL__ (filled from the model's closed list) take
// their real label and lose the staging marks.
MATCH (n:StagedEntity)
WHERE n.stagedLabel = '__LABEL__'
SET n:__LABEL__
REMOVE n:StagedEntity, n.stagedLabel, n.importRun
RETURN count(*) AS count
