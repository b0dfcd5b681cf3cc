-- gasm history store, schema version 1. Dialect-neutral: the same text runs on SQLite (3.35+) and
-- PostgreSQL (12+). Times are ISO 8601 UTC text (they sort as text), flags are 0/1 integers, sample arrays
-- and the report are JSON text. The migration runner records the version in schema_version.

CREATE TABLE machines (
  fingerprint TEXT PRIMARY KEY,        -- stable hash of the fields below
  cpu_model TEXT NOT NULL,
  cores INTEGER NOT NULL,
  backend TEXT NOT NULL,
  model_config TEXT NOT NULL,          -- JSON: featureDim, hiddenDim, heads, iterations, seed
  label TEXT NOT NULL                  -- one readable line: "AMD EPYC (2 cores), wasm, f32 h32 4 heads 2 it"
);

CREATE TABLE runs (
  id TEXT PRIMARY KEY,                 -- content hash of the report: importing a file twice records it once
  suite TEXT NOT NULL,                 -- the bench label: throughput, memory, all, ...
  suites TEXT NOT NULL,                -- JSON array of the suites the report holds
  created_at TEXT NOT NULL,
  commit_sha TEXT,                     -- null outside a git repository
  branch TEXT,                         -- null when unknown (imported without --branch)
  dirty INTEGER NOT NULL,
  machine TEXT NOT NULL REFERENCES machines (fingerprint),
  tool_version TEXT NOT NULL,
  complete INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  source TEXT NOT NULL                 -- 'bench' or the imported file's name
);
CREATE INDEX runs_by_branch_machine ON runs (branch, machine, created_at);
CREATE INDEX runs_by_created ON runs (created_at);

CREATE TABLE metrics (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  metric_id TEXT NOT NULL,             -- <suite>.<case>.<figure>, as the gate names it
  kind TEXT NOT NULL,                  -- 'samples' or 'proportion'
  label TEXT NOT NULL,
  unit TEXT NOT NULL,
  direction TEXT NOT NULL,             -- 'higher' or 'lower' is better
  statistic TEXT NOT NULL,             -- median, mean, p90, p99, or 'rate'
  value DOUBLE PRECISION,              -- the statistic over the samples (or successes / trials)
  lower DOUBLE PRECISION,              -- 95% interval: percentile bootstrap (samples) or Wilson (rates)
  upper DOUBLE PRECISION,
  n INTEGER NOT NULL,                  -- samples, or trials
  samples TEXT,                        -- JSON array, so that the gate can pool runs (null for rates)
  successes INTEGER,
  trials INTEGER,
  absolute_floor DOUBLE PRECISION,
  PRIMARY KEY (run_id, metric_id)
);
CREATE INDEX metrics_by_metric ON metrics (metric_id, run_id);

CREATE TABLE reports (
  run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
  body TEXT NOT NULL                   -- the report JSON as recorded, for `gate --baseline history:<branch>`
);
