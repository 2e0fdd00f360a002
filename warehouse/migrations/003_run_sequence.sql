-- The order runs started in, whatever the clock said: "the last run" is the highest seq.
-- A clock set back (or a run id from another machine) must not make an older run look newer.
ALTER TABLE runs ADD COLUMN seq BIGINT;
UPDATE runs SET seq = ordered.n
FROM (SELECT run_id, row_number() OVER (ORDER BY started_at, run_id) AS n FROM runs) AS ordered
WHERE runs.run_id = ordered.run_id;
