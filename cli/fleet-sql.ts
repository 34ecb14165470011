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

/**
 * What is read of each JSON object, in one parse (json_transform): an OTLP
 * request's records with their timestamp and attributes, or a report file's
 * own fields. An OTLP record's body (the whole report, ~35 KB) is not read:
 * its attributes carry what the summary needs (src/fleet/record.ts), and
 * parsing the body a second time was most of the time over 100,000 records
 * (`npm run bench`).
 */
const SHAPE = JSON.stringify({
  resourceLogs: [{ scopeLogs: [{ logRecords: [{ timeUnixNano: 'VARCHAR', attributes: [{ key: 'VARCHAR', value: 'JSON' }] }] }] }],
  schema: 'VARCHAR',
  id: 'VARCHAR',
  startedAt: 'VARCHAR',
  trigger: 'VARCHAR',
  profile: { id: 'VARCHAR' },
  verdict: { route: 'VARCHAR', routeVerified: 'BOOLEAN' },
  missingRules: [{ ruleId: 'VARCHAR' }],
  environment: { policy: { reportsSentTo: { site: 'VARCHAR' } } },
});

/** `files`: paths of .json/.jsonl files. */
export function loadReportsSql(files: readonly string[]): string {
  return `
CREATE TEMP TABLE documents AS
  SELECT json_transform(json, ${sqlString(SHAPE)}) AS d
  FROM read_json_objects([${files.map(sqlString).join(', ')}], format = 'auto');

CREATE TEMP TABLE reports AS
  SELECT DISTINCT ON (id) *
  FROM (
    SELECT
      a['log.record.uid'] ->> '$.stringValue' AS id,
      coalesce(a['wnc.site'] ->> '$.stringValue', '(no site)') AS site,
      to_timestamp(0) + to_microseconds(CAST(CAST(r.timeUnixNano AS HUGEINT) // 1000 AS BIGINT)) AS started_at,
      a['wnc.trigger'] ->> '$.stringValue' AS trigger,
      a['wnc.profile.id'] ->> '$.stringValue' AS profile_id,
      a['wnc.route'] ->> '$.stringValue' AS route,
      CAST(a['wnc.route_verified'] ->> '$.boolValue' AS BOOLEAN) AS route_verified,
      coalesce(json_extract_string(a['wnc.missing_rules.ids'], '$.arrayValue.values[*].stringValue'), []) AS missing_rules
    FROM (
      SELECT r, map_from_entries([{'k': x.key, 'v': x.value} FOR x IN r.attributes]) AS a
      FROM (
        SELECT unnest(flatten(flatten([[sl.logRecords FOR sl IN rl.scopeLogs] FOR rl IN d.resourceLogs]))) AS r
        FROM documents
        WHERE d.resourceLogs IS NOT NULL
      )
    )
    WHERE a['wnc.report.schema'] ->> '$.stringValue' LIKE 'webrtc-network-check/report@%'
    UNION ALL
    SELECT
      d.id,
      coalesce(d.environment.policy.reportsSentTo.site, '(no site)'),
      CAST(d.startedAt AS TIMESTAMPTZ),
      d.trigger,
      d.profile.id,
      d.verdict.route,
      d.verdict.routeVerified,
      coalesce([m.ruleId FOR m IN d.missingRules], [])
    FROM documents
    WHERE d.schema LIKE 'webrtc-network-check/report@%'
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
