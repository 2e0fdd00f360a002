-- Sources, documents and runs: what was fetched, from where, when, and what became of it.

CREATE TABLE sources (
    source_id      VARCHAR PRIMARY KEY,
    kind           VARCHAR NOT NULL,          -- feed | listing | folder
    location       VARCHAR NOT NULL,          -- URL or folder path
    doc_type       VARCHAR NOT NULL,          -- review | article
    last_status    VARCHAR,                   -- ok | failed
    last_error     VARCHAR
);

-- One row per document URL; doc_id is a hash of the URL, so it survives content changes.
CREATE TABLE documents (
    doc_id          VARCHAR PRIMARY KEY,
    source_id       VARCHAR NOT NULL,
    url             VARCHAR NOT NULL,
    doc_type        VARCHAR NOT NULL,
    title           VARCHAR,
    published_date  DATE,
    author          VARCHAR,
    content_sha256  VARCHAR,                  -- of the raw bytes, stored under raw/
    content_type    VARCHAR,                  -- as detected from the bytes
    fetched_at      TIMESTAMP,
    first_seen_at   TIMESTAMP,
    text            VARCHAR,                  -- main text in reading order
    sections        VARCHAR,                  -- JSON list of {heading, char_start, char_end, page}
    page_starts     VARCHAR,                  -- JSON list of offsets where each PDF page starts
    status          VARCHAR NOT NULL,         -- parsed | failed
    error           VARCHAR,                  -- reason when failed
    extractor_version VARCHAR                 -- version of the fact rules last applied
);

-- Conditional-request state per URL: what we last saw, so unchanged documents are skipped.
CREATE TABLE fetch_state (
    url             VARCHAR PRIMARY KEY,
    etag            VARCHAR,
    last_modified   VARCHAR,
    content_sha256  VARCHAR,
    last_status     INTEGER,
    checked_at      TIMESTAMP
);

CREATE TABLE runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    status          VARCHAR NOT NULL,         -- running | published | failed
    message         VARCHAR,
    counts          VARCHAR                   -- JSON: documents new/changed/unchanged/failed, rows
);
