// curation/restore: gives a retracted fact its labels back (no row when it is not retracted, or a
// live fact has taken its id since: the caller says which).
// Parameters:
//   $id  a fact id
MATCH (f:RetractedFact {id: $id})
WHERE NOT EXISTS { MATCH (:Fact {id: $id}) }
WITH f, f.retractedLabel AS label
FOREACH (_ IN CASE WHEN label = 'Figure' THEN [1] ELSE [] END | SET f:Fact:Figure)
FOREACH (_ IN CASE WHEN label = 'TradeFlow' THEN [1] ELSE [] END | SET f:Fact:TradeFlow)
REMOVE f:RetractedFact, f.retractedLabel, f.retractedReason, f.retractedBy, f.retractedAt
RETURN f.id AS id, label
