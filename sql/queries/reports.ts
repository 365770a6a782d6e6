// Typed SQL over reports. No business rules here: callers decide what to store and who sees what.
import { markFeedChanged, withTransaction, type Db, type Tx } from '../db.ts';
import type { ReportStatus } from '../../domain/report-status.ts';
import { requestIdOfEvent, settledHead } from './events.ts';

export interface ReportRow {
  id: string;
  tracking_code: string;
  category: string;
  description: string;
  lat: number;
  lng: number;
  h3_cell: string;
  area_code: string | null;
  area_name: string | null;
  province_code: string | null;
  agency_id: string | null;
  status: ReportStatus;
  needs_triage: boolean;
  reporter_name: string | null;
  reporter_phone: string | null;
  anonymous: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  routing_rule_id?: string | null;
  /** Answers to the category's questions, as validated on the way in. */
  answers?: Record<string, string | number | string[]> | null;
  channel?: string;
  /** Deadlines and resolution time: read where the caller needs them (insertReports, dispatch rows). */
  response_due_at?: Date | null;
  due_at?: Date | null;
  resolved_at?: Date | null;
}

export interface NewReport {
  category: string;
  description: string;
  lat: number;
  lng: number;
  h3Cell: bigint;
  areaCode: string | null;
  areaName: string | null;
  provinceCode: string | null;
  agencyId: string | null;
  needsTriage: boolean;
  reporterName: string | null;
  reporterPhone: string | null;
  anonymous: boolean;
  source: string;
  /** The routing rule that chose agencyId, recorded so every routing decision can be explained. */
  routingRuleId?: string | null;
  answers?: Record<string, string | number | string[]> | null;
  /** How it came in: web, app, hotline or open311:<client> (default web). */
  channel?: string;
  /** SHA-256 of the secret in the reporter's tracking link. */
  trackingSecretHash?: Buffer | null;
}

/** What a batch insert hands back: what the report's event and the sender's answer need, and no more. */
const STORED_REPORT_COLUMNS = [
  'id',
  'tracking_code',
  'category',
  'status',
  'version',
  'h3_cell',
  'area_code',
  'area_name',
  'agency_id',
  'needs_triage',
  'updated_at',
  'response_due_at',
  'due_at',
  'resolved_at',
] as const satisfies readonly (keyof ReportRow)[];
export type StoredReportRow = Pick<ReportRow, (typeof STORED_REPORT_COLUMNS)[number]>;

export const REPORT_COLUMNS = `id, tracking_code, category, description, lat, lng, h3_cell, area_code, area_name, province_code, agency_id,
  status, needs_triage, reporter_name, reporter_phone, anonymous, version, created_at, updated_at, routing_rule_id::text AS routing_rule_id, answers, channel`;

/** SQL for a channel filter bound at `param`: null matches all, `open311` every Open311 client. */
export const channelCondition = (param: string): string =>
  `(${param}::text IS NULL OR channel = ${param} OR (${param} = 'open311' AND channel LIKE 'open311:%'))`;

/** What a new report's `report.created` event needs besides its row. */
export interface CreatedEventOf {
  sensitive: boolean;
  /** The request that sent it; undefined: the transaction's request (sql/request-scope.ts). */
  requestId?: string | null;
}

const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** reportEventPayload (ingest/commands/create-reports.ts) of a row just inserted, built in SQL; a test holds them equal. */
const CREATED_PAYLOAD = `jsonb_build_object('reportId', ins.id::text, 'code', ins.tracking_code, 'category', ins.category,
  'sensitive', t.sensitive, 'status', ins.status, 'version', ins.version, 'cell', to_hex(ins.h3_cell),
  'areaCode', ins.area_code, 'agencyId', ins.agency_id, 'unitId', NULL, 'responseDueAt', ${isoText('ins.response_due_at')},
  'dueAt', ${isoText('ins.due_at')}, 'resolvedAt', ${isoText('ins.resolved_at')}, 'at', ${isoText('ins.updated_at')})`;

/**
 * Inserts many reports and appends their `report.created` events in one statement (so a batch alone can commit
 * without BEGIN and COMMIT round trips, sql/db.ts withOneStatement); rows come back in input order, with their
 * deadlines. Only what their events and answers need comes back: a surge should not send every description and
 * answer back over the wire.
 */
export async function insertReports(
  tx: Tx,
  reports: NewReport[],
  events: CreatedEventOf[],
): Promise<StoredReportRow[]> {
  if (reports.length === 0) return [];
  markFeedChanged(tx);
  const col = <K extends keyof NewReport>(k: K) => reports.map((r) => r[k]);
  // Named: a surge runs this hundreds of times a second, and planning it each time cost Postgres more than the insert.
  // Ids are random (migration 0051), so each row's id is drawn first and the answer is put back in input order by it.
  // Priority and deadlines are worked out once per category of the batch (migration 0092), not per row by trigger.
  const { rows } = await tx.query<StoredReportRow>({
    name: 'insert-reports',
    text: `WITH t AS MATERIALIZED (
       SELECT random_report_id() AS new_id, *
         FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::bigint[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::bool[], $11::text[], $12::text[], $13::bool[], $14::text[], $15::int[], $16::jsonb[],
                     $17::text[], $18::text[], $19::bool[], $20::text[])
              WITH ORDINALITY AS u(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18,
                                   sensitive, request_id, ord)
     ), rule AS MATERIALIZED (
       SELECT k.category, p.priority, d.response_due_at, d.due_at
         FROM (SELECT DISTINCT c1 AS category FROM t) k
        CROSS JOIN LATERAL (SELECT category_priority(k.category) AS priority) p
        CROSS JOIN LATERAL report_deadlines(k.category, p.priority, now()) d
     ), ins AS (
       INSERT INTO reports (id, category, description, lat, lng, h3_cell, area_code, area_name, province_code, agency_id,
                            needs_triage, reporter_name, reporter_phone, anonymous, source, routing_rule_id, answers,
                            channel, tracking_secret_hash, priority, response_due_at, due_at)
       SELECT new_id, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, decode(c18, 'hex'),
              rule.priority, rule.response_due_at, rule.due_at
         FROM t JOIN rule ON rule.category = t.c1 ORDER BY ord
       RETURNING ${STORED_REPORT_COLUMNS.join(', ')}
     ), appended AS (
       INSERT INTO events (report_id, kind, payload, request_id)
       SELECT ins.id, 'report.created', ${CREATED_PAYLOAD}, t.request_id
         FROM ins JOIN t ON t.new_id = ins.id ORDER BY t.ord
     )
     SELECT ins.* FROM ins JOIN t ON t.new_id = ins.id ORDER BY t.ord`,
    values: [
      col('category'),
      col('description'),
      col('lat'),
      col('lng'),
      col('h3Cell').map(String),
      col('areaCode'),
      col('areaName'),
      col('provinceCode'),
      col('agencyId'),
      col('needsTriage'),
      col('reporterName'),
      col('reporterPhone'),
      col('anonymous'),
      col('source'),
      reports.map((r) => r.routingRuleId ?? null),
      reports.map((r) => (r.answers && Object.keys(r.answers).length ? JSON.stringify(r.answers) : null)),
      reports.map((r) => r.channel ?? 'web'),
      reports.map((r) => r.trackingSecretHash?.toString('hex') ?? null),
      events.map((e) => e.sensitive),
      events.map((e) => requestIdOfEvent(tx, e.requestId)),
    ],
  });
  return rows;
}

export async function findReport(db: Db | Tx, id: string): Promise<ReportRow | null> {
  const { rows } = await db.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export interface ReportFilter {
  bbox?: [number, number, number, number];
  since?: string;
  /** Only these reports (what a burst of notices named). */
  ids?: string[];
  /** One channel, or `open311` for all Open311 clients. */
  channel?: string;
  limit: number;
}

/**
 * A report list plus the feed position it is consistent with, read in one snapshot. The position is the
 * last SETTLED event (as the tailer reads them), not max(id): an older transaction still open may yet
 * commit events that the feed orders before max(id), and a client resuming from there would miss them.
 * Events after the position may already be in the list; clients drop them by version.
 */
export async function snapshotReports(
  db: Db,
  f: ReportFilter,
): Promise<{ lastEventId: string | null; rows: ReportRow[] }> {
  return withTransaction(db, async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const head = await settledHead(tx);
    const { rows } = await tx.query<ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM reports
        WHERE ($1::float8 IS NULL OR (lng BETWEEN $1 AND $3 AND lat BETWEEN $2 AND $4))
          AND ($5::timestamptz IS NULL OR created_at >= $5) AND ($7::bigint[] IS NULL OR id = ANY($7::bigint[]))
          AND ${channelCondition('$8')}
        ORDER BY created_at DESC, id DESC LIMIT $6`,
      [
        f.bbox?.[0] ?? null,
        f.bbox?.[1] ?? null,
        f.bbox?.[2] ?? null,
        f.bbox?.[3] ?? null,
        f.since ?? null,
        f.limit,
        f.ids ?? null,
        f.channel ?? null,
      ],
    );
    return { lastEventId: head.id === '0' ? null : head.id, rows };
  });
}

export interface ExportFilter {
  category?: string;
  status?: string;
  channel?: string;
  since?: string;
  until?: string;
}

/** One page of an export in id order, after `afterId`: exports walk the table page by page, never all at once. */
export async function exportPage(
  db: Db | Tx,
  f: ExportFilter,
  afterId: string,
  pageSize: number,
): Promise<ReportRow[]> {
  const { rows } = await db.query<ReportRow>(
    `SELECT ${REPORT_COLUMNS} FROM reports
      WHERE id > $1 AND ($2::text IS NULL OR category = $2) AND ($3::text IS NULL OR status = $3)
        AND ${channelCondition('$4')}
        AND ($5::timestamptz IS NULL OR created_at >= $5) AND ($6::timestamptz IS NULL OR created_at < $6)
      ORDER BY id LIMIT $7`,
    [afterId, f.category ?? null, f.status ?? null, f.channel ?? null, f.since ?? null, f.until ?? null, pageSize],
  );
  return rows;
}
