-- Example questions and the SQL that answers them, on the analysts' copy:
--
--     duckdb -readonly published/analyst.duckdb
--
-- then paste a query. Each starts with a line "-- Q<n>: <question>" and ends with ";".
-- The views (budgets_by_year, country_partners, meetings_per_month, activity_per_month,
-- latest_facts, fact_evidence, fact_conflicts) and the tables (conflicts: one row per value
-- the documents disagree on) are described in docs/data-dictionary.md.
-- Every query here is run by tests/warehouse/test_views.py against the sample data and must
-- give a non-empty, plausible answer.

-- Q1: How much does China budget for science and technology each year, in yuan and in dollars?
SELECT fiscal_year, phase,
       round(amount / 1e9, 3) AS billion_yuan,
       round(amount_usd / 1e9, 1) AS billion_usd,
       coalesce(change_pct, stated_change_pct) AS change_pct
FROM budgets_by_year
WHERE spender_country = 'CHN' AND category = 'science_technology' AND currency = 'CNY'
ORDER BY fiscal_year;

-- Q2: What does China's latest budget spend on, biggest first, and what share of the total is each?
SELECT category,
       round(amount_usd / 1e9, 1) AS billion_usd,
       round(100 * amount_usd / sum(amount_usd) OVER (), 1) AS share_pct,
       stated_change_pct
FROM budgets_by_year
WHERE spender_country = 'CHN'
  AND fiscal_year = (SELECT max(fiscal_year) FROM budgets_by_year WHERE spender_country = 'CHN')
ORDER BY amount_usd DESC;

-- Q3: On which figures do the sources disagree, and what does each say?
SELECT fact_type, label, column_name, stated_values, documents, urls
FROM fact_conflicts
ORDER BY fact_type, label;

-- Q4: Who are China's partners in science and technology, by joint projects and meetings?
SELECT partner_name, joint_projects, meetings, total, latest_date
FROM country_partners
WHERE country = 'CHN'
ORDER BY total DESC, partner_name
LIMIT 15;

-- Q5: Which joint laboratories and research centres were set up, where, and with whom?
SELECT p.name, p.project_type, p.status, p.event_date, p.city, c.name AS located_in,
       string_agg(DISTINCT pp.name, '; ' ORDER BY pp.name)
           FILTER (WHERE pp.kind = 'country') AS countries
FROM projects p
LEFT JOIN countries c ON c.iso3 = p.country
LEFT JOIN project_participants pp ON pp.project_id = p.project_id
WHERE p.project_type IN ('joint_lab', 'research_center')
GROUP BY ALL
ORDER BY p.event_date DESC NULLS LAST, p.name;

-- Q6: How many meetings took place each month, and of which kinds?
SELECT strftime(month, '%Y-%m') AS month, meetings, host_countries, meeting_types
FROM meetings_per_month
ORDER BY month;

-- Q7: How many projects and meetings per quarter?
SELECT year(month) AS year, quarter(month) AS quarter,
       sum(projects) AS projects, sum(meetings) AS meetings
FROM activity_per_month
GROUP BY ALL
ORDER BY year, quarter;

-- Q8: What are the ten newest facts, with the sentence that states each and a link to its document?
SELECT fact_type, label, published_date, evidence, url
FROM latest_facts
ORDER BY published_date DESC NULLS LAST, fact_type, label
LIMIT 10;

-- Q9: Where does the figure for China's science and technology budget come from?
SELECT label, published_date, title, doc_type, page, evidence, url
FROM fact_evidence
WHERE fact_type = 'budget' AND label LIKE 'CHN science_technology%'
ORDER BY published_date DESC NULLS LAST, url;

-- Q10: Which people represented which country at meetings, and in what role?
SELECT m.title, m.start_date, mp.name, mp.role, mp.organisation, c.name AS country
FROM meeting_participants mp
JOIN meetings m ON m.meeting_id = mp.meeting_id
LEFT JOIN countries c ON c.iso3 = mp.country
WHERE mp.kind = 'person'
ORDER BY m.start_date DESC NULLS LAST, m.title, mp.name;

-- Q11: Which organisations take part in the most projects and meetings?
SELECT name, any_value(country) AS country,
       count(*) FILTER (WHERE fact_type = 'project') AS projects,
       count(*) FILTER (WHERE fact_type = 'meeting') AS meetings,
       count(*) AS total
FROM (
    SELECT DISTINCT 'project' AS fact_type, project_id AS fact_id, name, country
    FROM project_participants WHERE kind = 'organisation'
    UNION
    SELECT DISTINCT 'meeting', meeting_id, name, country
    FROM meeting_participants WHERE kind = 'organisation'
)
GROUP BY name
ORDER BY total DESC, name
LIMIT 15;

-- Q12: How many facts does each source contribute, and how many rest on one document only?
SELECT s.source_id, s.kind, d.doc_type,
       count(DISTINCT d.doc_id) AS documents,
       count(DISTINCT (m.fact_type, m.fact_id)) AS facts,
       count(DISTINCT (m.fact_type, m.fact_id))
           FILTER (WHERE lf.documents = 1) AS facts_from_one_document
FROM sources s
JOIN documents d ON d.source_id = s.source_id
JOIN mentions m ON m.doc_id = d.doc_id
JOIN latest_facts lf ON lf.fact_type = m.fact_type AND lf.fact_id = m.fact_id
GROUP BY ALL
ORDER BY facts DESC, s.source_id;
