-- Views for the questions analysts ask most, over the published tables only, so they work
-- the same in the analysts' copy (published/analyst.duckdb) and in the warehouse.
-- Applied as one script by warehouse/views.py; views may build on views defined above them.
-- What each view and its columns mean is in warehouse/descriptions.toml, like the tables.

-- Every fact with a one-line label: what the other views show and sort by.
CREATE OR REPLACE VIEW fact_labels AS
SELECT 'budget' AS fact_type, budget_id AS fact_id,
       coalesce(spender_country || ' ', '') || category
           || coalesce(' ' || CAST(fiscal_year AS VARCHAR), ' (multi-year)')
           || ' (' || phase || ')' AS label,
       CAST(NULL AS DATE) AS fact_date, fiscal_year,
       amount, currency, amount_usd
FROM budgets
UNION ALL
SELECT 'project', project_id, name || ' [' || project_type || ', ' || status || ']',
       event_date, CAST(year(event_date) AS INTEGER),
       funding_amount, funding_currency, funding_usd
FROM projects
UNION ALL
SELECT 'meeting', meeting_id, title || ' [' || meeting_type || ']',
       start_date, CAST(year(start_date) AS INTEGER),
       NULL, NULL, NULL
FROM meetings
;
-- Budgets per spender, category, fiscal year and phase, with the change from the year before.
CREATE OR REPLACE VIEW budgets_by_year AS
WITH yearly AS (
    SELECT spender_country, category, fiscal_year, phase, currency,
           count(*) AS budgets,
           sum(amount) AS amount,
           sum(amount_usd) AS amount_usd,
           CASE WHEN count(*) = 1 THEN any_value(change_pct) END AS stated_change_pct
    FROM budgets
    WHERE fiscal_year IS NOT NULL
    GROUP BY ALL
)
SELECT y.*,
       p.amount AS previous_amount,
       round(100 * (y.amount / p.amount - 1), 1) AS change_pct
FROM yearly y
LEFT JOIN yearly p
  ON p.spender_country IS NOT DISTINCT FROM y.spender_country
 AND p.category = y.category AND p.phase = y.phase AND p.currency = y.currency
 AND p.fiscal_year = y.fiscal_year - 1
ORDER BY y.spender_country, y.fiscal_year, y.amount DESC
;
-- Pairs of countries that take part in the same project or meeting.
CREATE OR REPLACE VIEW country_partners AS
WITH fact_countries AS (
    SELECT DISTINCT 'project' AS fact_type, project_id AS fact_id, country
    FROM project_participants WHERE country IS NOT NULL
    UNION
    SELECT DISTINCT 'meeting', meeting_id, country
    FROM meeting_participants WHERE country IS NOT NULL
),
pairs AS (
    SELECT a.country, b.country AS partner, a.fact_type, a.fact_id, l.fact_date
    FROM fact_countries a
    JOIN fact_countries b ON a.fact_type = b.fact_type AND a.fact_id = b.fact_id
    LEFT JOIN fact_labels l ON l.fact_type = a.fact_type AND l.fact_id = a.fact_id
    WHERE a.country <> b.country
)
SELECT p.country, c.name AS country_name, p.partner, pc.name AS partner_name,
       count(DISTINCT p.fact_id) FILTER (WHERE p.fact_type = 'project') AS joint_projects,
       count(DISTINCT p.fact_id) FILTER (WHERE p.fact_type = 'meeting') AS meetings,
       count(DISTINCT p.fact_type || p.fact_id) AS total,
       max(p.fact_date) AS latest_date
FROM pairs p
LEFT JOIN countries c ON c.iso3 = p.country
LEFT JOIN countries pc ON pc.iso3 = p.partner
GROUP BY p.country, c.name, p.partner, pc.name
ORDER BY p.country, total DESC, p.partner
;
-- Meetings per calendar month of their first day.
CREATE OR REPLACE VIEW meetings_per_month AS
SELECT CAST(date_trunc('month', start_date) AS DATE) AS month,
       count(*) AS meetings,
       count(DISTINCT country) AS host_countries,
       string_agg(DISTINCT meeting_type, ', ' ORDER BY meeting_type) AS meeting_types
FROM meetings
WHERE start_date IS NOT NULL
GROUP BY 1
ORDER BY 1
;
-- Projects and meetings per month, for charts over time.
CREATE OR REPLACE VIEW activity_per_month AS
SELECT month,
       count(*) FILTER (WHERE fact_type = 'project') AS projects,
       count(*) FILTER (WHERE fact_type = 'meeting') AS meetings
FROM (
    SELECT 'project' AS fact_type, CAST(date_trunc('month', event_date) AS DATE) AS month
    FROM projects WHERE event_date IS NOT NULL
    UNION ALL
    SELECT 'meeting', CAST(date_trunc('month', start_date) AS DATE)
    FROM meetings WHERE start_date IS NOT NULL
)
GROUP BY month
ORDER BY month
;
-- Every mention with its document: where each fact is stated.
CREATE OR REPLACE VIEW fact_evidence AS
SELECT m.fact_type, m.fact_id, l.label, m.evidence, m.page,
       d.doc_id, d.url, d.title, d.doc_type, d.published_date
FROM mentions m
JOIN documents d ON d.doc_id = m.doc_id
LEFT JOIN fact_labels l ON l.fact_type = m.fact_type AND l.fact_id = m.fact_id
ORDER BY d.published_date DESC NULLS LAST, m.fact_type, m.fact_id, d.doc_id, m.char_start
;
-- Each fact once, with its most recent evidence.
CREATE OR REPLACE VIEW latest_facts AS
WITH ranked AS (
    SELECT m.fact_type, m.fact_id, m.evidence, m.page,
           d.url, d.title, d.published_date,
           count(DISTINCT d.doc_id) OVER (PARTITION BY m.fact_type, m.fact_id) AS documents,
           row_number() OVER (
               PARTITION BY m.fact_type, m.fact_id
               ORDER BY d.published_date DESC NULLS LAST, d.doc_id, m.char_start
           ) AS rank
    FROM mentions m
    JOIN documents d ON d.doc_id = m.doc_id
)
SELECT l.fact_type, l.fact_id, l.label, l.fact_date, l.fiscal_year,
       l.amount, l.currency, l.amount_usd,
       r.published_date, r.evidence, r.page, r.url, r.title, r.documents,
       EXISTS (SELECT 1 FROM conflicts c
               WHERE c.fact_type = l.fact_type AND c.fact_id = l.fact_id) AS has_conflicts
FROM fact_labels l
JOIN ranked r ON r.fact_type = l.fact_type AND r.fact_id = l.fact_id AND r.rank = 1
ORDER BY r.published_date DESC NULLS LAST, l.fact_type, l.label
;
-- Values documents disagree on: the conflicts table, one row per fact and column, with the
-- fact's label and the documents that state it.
CREATE OR REPLACE VIEW fact_conflicts AS
WITH grouped AS (
    SELECT fact_type, fact_id, column_name, list(value ORDER BY value_order) AS stated_values
    FROM conflicts
    GROUP BY fact_type, fact_id, column_name
)
SELECT g.fact_type, g.fact_id, l.label, g.column_name, g.stated_values,
       (SELECT count(DISTINCT doc_id) FROM mentions m
         WHERE m.fact_type = g.fact_type AND m.fact_id = g.fact_id) AS documents,
       (SELECT list(DISTINCT d.url ORDER BY d.url) FROM mentions m JOIN documents d USING (doc_id)
         WHERE m.fact_type = g.fact_type AND m.fact_id = g.fact_id) AS urls
FROM grouped g
JOIN fact_labels l ON l.fact_type = g.fact_type AND l.fact_id = g.fact_id
ORDER BY g.fact_type, l.label, g.column_name
;
