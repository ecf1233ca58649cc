// curation/retract: hides a fact from every default query, as staging hides facts not yet published:
// its labels (Fact and Figure or TradeFlow) give way to RetractedFact, which no API query names;
// the node, its properties and its relationships stay, and `restore` gives the labels back.
// Parameters:
//   $id  a fact id;  $reason, $by
MATCH (f:Fact {id: $id})
WITH f, [l IN labels(f) WHERE l IN ['Figure', 'TradeFlow']][0] AS label
SET f:RetractedFact, f.retractedLabel = label, f.retractedReason = $reason, f.retractedBy = $by, f.retractedAt = datetime()
REMOVE f:Fact:Figure:TradeFlow
RETURN f.id AS id, label
