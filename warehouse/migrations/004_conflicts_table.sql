-- Values documents disagree on, one row per stated value, instead of a JSON string on each
-- fact row: BI tools read a table, not JSON in a VARCHAR. Existing JSON moves into the table
-- (same text per value as the nightly load writes), then the JSON columns go.
-- DROP COLUMN works on a table with a PRIMARY KEY; an explicit CREATE INDEX on a fact table
-- would block it (DuckDB cannot alter a table other catalog entries depend on).

CREATE TABLE conflicts (
    fact_type       VARCHAR NOT NULL,         -- budget | project | meeting
    fact_id         VARCHAR NOT NULL,         -- budget_id, project_id or meeting_id
    column_name     VARCHAR NOT NULL,         -- the fact table's column the documents disagree on
    value           VARCHAR NOT NULL,         -- one value a document states, as text
    value_order     INTEGER NOT NULL          -- 1, 2, ... in consolidation's (ascending) order
);

INSERT INTO conflicts
WITH facts AS (
    SELECT 'budget' AS fact_type, budget_id AS fact_id, conflicts FROM budgets
    WHERE conflicts IS NOT NULL
    UNION ALL
    SELECT 'project', project_id, conflicts FROM projects WHERE conflicts IS NOT NULL
    UNION ALL
    SELECT 'meeting', meeting_id, conflicts FROM meetings WHERE conflicts IS NOT NULL
)
SELECT f.fact_type, f.fact_id, c.key AS column_name, v.value ->> '$' AS value,
       CAST(row_number() OVER (
           PARTITION BY f.fact_type, f.fact_id, c.key ORDER BY CAST(v.key AS INTEGER)
       ) AS INTEGER) AS value_order
FROM facts f, json_each(f.conflicts) c, json_each(c.value) v
WHERE v.type <> 'NULL'
ORDER BY f.fact_type, f.fact_id, column_name, value_order;

ALTER TABLE budgets DROP COLUMN conflicts;
ALTER TABLE projects DROP COLUMN conflicts;
ALTER TABLE meetings DROP COLUMN conflicts;
