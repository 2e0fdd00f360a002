-- Per stage, the fingerprint of the input its last complete pass started from
-- (warehouse/fingerprint.py): a run whose input has not changed skips the stage.
CREATE TABLE stage_state (
    stage        VARCHAR PRIMARY KEY,   -- consolidate | publish
    fingerprint  VARCHAR NOT NULL,
    run_id       VARCHAR NOT NULL,
    recorded_at  TIMESTAMP NOT NULL
);
