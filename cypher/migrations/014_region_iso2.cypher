// Regions by ISO 3166-1 alpha-2 (region(iso2: "TH"), region/by-code): 002 indexed iso3, m49 and
// gbCode but not iso2, so a lookup by iso2 scanned every region.
CREATE INDEX region_iso2 IF NOT EXISTS FOR (n:Region) ON (n.iso2);
