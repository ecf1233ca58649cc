// Records the start of an import run. Fails (constraint import_run_active) when another run is
// unfinished: only unfinished runs have `active`. $run: {id, format, files, checksums, options, startedAt}.
CREATE (r:ImportRun {active: true, status: 'staging', stagedFile: -1, stagedLine: 0})
SET r += $run
RETURN r.id AS id
