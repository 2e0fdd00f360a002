-- The fact tables: a contract with analysts and BI tools. Rename nothing without a migration.

CREATE TABLE countries (
    iso3            VARCHAR PRIMARY KEY,      -- ISO 3166-1 alpha-3
    iso2            VARCHAR,
    name            VARCHAR NOT NULL
);

CREATE TABLE organisations (
    org_id          VARCHAR PRIMARY KEY,
    name            VARCHAR NOT NULL,
    acronym         VARCHAR,
    country         VARCHAR,                  -- ISO3
    aliases         VARCHAR[]
);

-- One row per distinct budget fact; amounts in currency units (370.828 billion = 370828000000).
CREATE TABLE budgets (
    budget_id       VARCHAR PRIMARY KEY,
    spender_country VARCHAR,
    spender_org     VARCHAR,
    category        VARCHAR NOT NULL,
    fiscal_year     INTEGER,                  -- null for a multi-year total
    amount          DOUBLE NOT NULL,
    currency        VARCHAR NOT NULL,         -- ISO 4217
    amount_usd      DOUBLE,                   -- at the year's average rate (reference/fx_rates.csv)
    stated_usd      DOUBLE,                   -- the USD figure the text itself gives
    change_pct      DOUBLE,                   -- stated year-on-year change, negative for cuts
    phase           VARCHAR NOT NULL,         -- proposed | approved | actual | unknown
    purpose         VARCHAR,
    qualifier       VARCHAR,                  -- about | over | ... as the text hedges
    conflicts       VARCHAR                   -- JSON: values other documents gave for this fact
);

CREATE TABLE projects (
    project_id       VARCHAR PRIMARY KEY,
    name             VARCHAR NOT NULL,
    project_type     VARCHAR NOT NULL,
    status           VARCHAR NOT NULL,
    event_date       DATE,
    city             VARCHAR,
    country          VARCHAR,
    funding_amount   DOUBLE,
    funding_currency VARCHAR,
    funding_usd      DOUBLE,
    conflicts        VARCHAR
);

CREATE TABLE project_participants (
    project_id      VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,         -- country | organisation
    name            VARCHAR NOT NULL,
    country         VARCHAR
);

CREATE TABLE meetings (
    meeting_id      VARCHAR PRIMARY KEY,
    title           VARCHAR NOT NULL,
    meeting_type    VARCHAR NOT NULL,
    start_date      DATE,
    end_date        DATE,
    city            VARCHAR,
    country         VARCHAR,
    summary         VARCHAR,
    conflicts       VARCHAR
);

CREATE TABLE meeting_participants (
    meeting_id      VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,         -- country | organisation | person
    name            VARCHAR NOT NULL,
    role            VARCHAR,
    organisation    VARCHAR,
    country         VARCHAR
);

-- One row per fact per document that states it: the provenance of every fact.
CREATE TABLE mentions (
    fact_type         VARCHAR NOT NULL,       -- budget | project | meeting
    fact_id           VARCHAR NOT NULL,
    doc_id            VARCHAR NOT NULL,
    evidence          VARCHAR NOT NULL,       -- = documents.text[char_start:char_end]
    char_start        INTEGER NOT NULL,
    char_end          INTEGER NOT NULL,
    page              INTEGER,
    extractor_version VARCHAR NOT NULL
);

-- Facts as each document states them, kept so consolidation reruns without re-extraction.
CREATE TABLE fact_candidates (
    doc_id            VARCHAR NOT NULL,
    seq               INTEGER NOT NULL,
    fact_type         VARCHAR NOT NULL,
    payload           VARCHAR NOT NULL,       -- JSON of the candidate
    extractor_version VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

-- Facts that a changed document or a new extractor no longer supports.
CREATE TABLE retracted_facts (
    fact_type       VARCHAR NOT NULL,
    fact_id         VARCHAR NOT NULL,
    retracted_at    TIMESTAMP NOT NULL,
    run_id          VARCHAR NOT NULL,
    reason          VARCHAR NOT NULL
);

-- The quality gate's record: every expectation's result on every run.
CREATE TABLE quality_results (
    run_id          VARCHAR NOT NULL,
    table_name      VARCHAR NOT NULL,
    expectation     VARCHAR NOT NULL,
    severity        VARCHAR NOT NULL,         -- critical | warning | row
    success         BOOLEAN,                  -- null when the check itself raised
    observed_value  VARCHAR,
    error           VARCHAR,
    checked_at      TIMESTAMP NOT NULL
);

-- Rows that failed a row-level expectation: kept, not published.
CREATE TABLE quarantine (
    run_id          VARCHAR NOT NULL,
    table_name      VARCHAR NOT NULL,
    row_key         VARCHAR NOT NULL,
    expectation     VARCHAR NOT NULL,
    row_json        VARCHAR NOT NULL,
    quarantined_at  TIMESTAMP NOT NULL
);
