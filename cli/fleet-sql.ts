/**
 * The SQL behind `npm run fleet` (DuckDB), quoted in docs/fleet.md: what a
 * district runs over its collector's files is what the command runs.
 *
 * Input: OTLP/JSON as an OpenTelemetry Collector's file exporter writes it
 * (one ExportLogsServiceRequest per line; the extension's records have
 * eventName `wnc.report` and the report JSON as their string body), and/or
 * report JSON files exported from the extension. Both become one `reports`
 * table, one row per report id: a record the extension had to send twice
 * (docs/fleet.md, "Delivery") is counted once.
 */

/** A DuckDB string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `files`: paths of .json/.jsonl files. */
export function loadReportsSql(files: readonly string[]): string {
  return `
CREATE TEMP TABLE documents AS
  WITH objects AS (
    SELECT json FROM read_json_objects([${files.map(sqlString).join(', ')}], format = 'auto')
  )
  SELECT CAST(record ->> '$.body.stringValue' AS JSON) AS report
  FROM (
    SELECT unnest(json_extract(json, '$.resourceLogs[*].scopeLogs[*].logRecords[*]')) AS record
    FROM objects
    WHERE json_exists(json, '$.resourceLogs')
  )
  WHERE record ->> '$.eventName' = 'wnc.report'
  UNION ALL
  SELECT json AS report FROM objects WHERE json ->> '$.schema' LIKE 'webrtc-network-check/report@%';

CREATE TEMP TABLE reports AS
  SELECT DISTINCT ON (id) *
  FROM (
    SELECT
      report ->> '$.id' AS id,
      coalesce(report ->> '$.environment.policy.reportsSentTo.site', '(no site)') AS site,
      CAST(report ->> '$.startedAt' AS TIMESTAMPTZ) AS started_at,
      report ->> '$.trigger' AS trigger,
      report ->> '$.profile.id' AS profile_id,
      report ->> '$.verdict.route' AS route,
      CAST(report ->> '$.verdict.routeVerified' AS BOOLEAN) AS route_verified,
      coalesce(json_extract_string(report, '$.missingRules[*].ruleId'), []) AS missing_rules
    FROM documents
  )
  ORDER BY id, started_at;`;
}

/** Each site's latest verdict, with how many reports it sent. */
export const ROUTE_BY_SITE_SQL = `
SELECT
  site,
  count(*) AS reports,
  strftime(max(started_at) AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS last_check_utc,
  arg_max(route, started_at) AS route,
  arg_max(route_verified, started_at) AS verified,
  arg_max(list_sort(missing_rules), started_at) AS missing_rules
FROM reports
GROUP BY site
ORDER BY site;`;

/** The rules missing most often across the district: in how many reports, at how many sites. */
export const MISSING_RULES_SQL = `
SELECT rule, count(*) AS reports, count(DISTINCT site) AS sites, string_agg(DISTINCT site, ', ' ORDER BY site) AS at_sites
FROM (SELECT site, unnest(missing_rules) AS rule FROM reports)
GROUP BY rule
ORDER BY reports DESC, rule;`;

/** Every change of a site's route, oldest first; `$since` (ISO 8601 or NULL) keeps the later ones. */
export const ROUTE_CHANGES_SQL = `
SELECT site, strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS at_utc, previous AS from_route, route AS to_route
FROM (
  SELECT site, started_at, route, lag(route) OVER (PARTITION BY site ORDER BY started_at) AS previous
  FROM reports
)
WHERE previous IS NOT NULL AND previous <> route AND ($since IS NULL OR started_at >= CAST($since AS TIMESTAMPTZ))
ORDER BY started_at, site;`;
