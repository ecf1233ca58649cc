// Indexes for the lookups and filters the API offers: natural codes, names, kinds and periods.
CREATE INDEX region_iso3 IF NOT EXISTS FOR (n:Region) ON (n.iso3);
CREATE INDEX region_m49 IF NOT EXISTS FOR (n:Region) ON (n.m49);
CREATE INDEX region_gb IF NOT EXISTS FOR (n:Region) ON (n.gbCode);
CREATE INDEX region_kind IF NOT EXISTS FOR (n:Region) ON (n.kind);
CREATE INDEX product_hs IF NOT EXISTS FOR (n:Product) ON (n.hsCode);
CREATE INDEX policy_kind IF NOT EXISTS FOR (n:Policy) ON (n.kind);
CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name);
CREATE INDEX market_name IF NOT EXISTS FOR (n:Market) ON (n.name);
CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name);
CREATE INDEX product_name IF NOT EXISTS FOR (n:Product) ON (n.name);
CREATE INDEX policy_name IF NOT EXISTS FOR (n:Policy) ON (n.name);
CREATE INDEX flow_period IF NOT EXISTS FOR (n:TradeFlow) ON (n.periodStart);
CREATE INDEX flow_direction IF NOT EXISTS FOR (n:TradeFlow) ON (n.direction);
CREATE INDEX figure_metric IF NOT EXISTS FOR (n:Figure) ON (n.metric);
