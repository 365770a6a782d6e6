// Typed SQL for the Open311 edge: clients and their keys, what a client sent with a request, and the reads.
import type { ReportStatus } from '../../domain/report-status.ts';
import type { Db, Tx } from '../db.ts';
import { REPORT_COLUMNS, type ReportRow } from './reports.ts';

export interface Open311ClientRow {
  id: string;
  slug: string;
  name: string;
  contact: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

const CLIENT_COLUMNS = 'id::text AS id, slug, name, contact, created_at, revoked_at';

export async function insertOpen311Client(
  db: Db | Tx,
  c: { slug: string; name: string; contact: string | null; keyHash: string; createdBy: string | null },
): Promise<Open311ClientRow | null> {
  const { rows } = await db.query<Open311ClientRow>(
    `INSERT INTO open311_clients (slug, name, contact, key_hash, created_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (slug) DO NOTHING RETURNING ${CLIENT_COLUMNS}`,
    [c.slug, c.name, c.contact, c.keyHash, c.createdBy],
  );
  return rows[0] ?? null;
}

export async function listOpen311Clients(db: Db | Tx): Promise<Open311ClientRow[]> {
  const { rows } = await db.query<Open311ClientRow>(
    `SELECT ${CLIENT_COLUMNS} FROM open311_clients ORDER BY open311_clients.id`,
  );
  return rows;
}

export async function findOpen311Client(db: Db | Tx, id: string): Promise<Open311ClientRow | null> {
  const { rows } = await db.query<Open311ClientRow>(`SELECT ${CLIENT_COLUMNS} FROM open311_clients WHERE id = $1`, [
    id,
  ]);
  return rows[0] ?? null;
}

export async function revokeOpen311Client(db: Db | Tx, id: string): Promise<Open311ClientRow | null> {
  const { rows } = await db.query<Open311ClientRow>(
    `UPDATE open311_clients SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING ${CLIENT_COLUMNS}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findActiveOpen311Client(db: Db | Tx, keyHash: string): Promise<Open311ClientRow | null> {
  const { rows } = await db.query<Open311ClientRow>(
    `SELECT ${CLIENT_COLUMNS} FROM open311_clients WHERE key_hash = $1 AND revoked_at IS NULL`,
    [keyHash],
  );
  return rows[0] ?? null;
}

export interface NewOpen311Request {
  clientId: string;
  token: string;
  email: string | null;
  deviceId: string | null;
  accountId: string | null;
  mediaUrl: string | null;
}

export async function insertOpen311Request(tx: Tx, reportId: string, r: NewOpen311Request): Promise<void> {
  await tx.query(
    `INSERT INTO open311_requests (report_id, client_id, token, email, device_id, account_id, media_url)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [reportId, r.clientId, r.token, r.email, r.deviceId, r.accountId, r.mediaUrl],
  );
}

/** A report with what Open311 shows beside it: names of its category and agency, its latest public reply. */
export interface Open311ReportRow extends ReportRow {
  category_name_vi: string;
  category_name_en: string;
  agency_name_vi: string | null;
  agency_name_en: string | null;
  public_reply: string | null;
  reject_reason: string | null;
}

export interface Open311RequestFilter {
  codes?: string[];
  category?: string;
  statuses?: string[];
  from?: Date;
  to?: Date;
  limit: number;
}

export async function listOpen311Reports(db: Db | Tx, f: Open311RequestFilter): Promise<Open311ReportRow[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    values.push(value);
    where.push(sql.replace('?', `$${values.length}`));
  };
  if (f.codes) add('tracking_code = ANY(?::text[])', f.codes);
  if (f.category) add('category = ?', f.category);
  if (f.statuses) add('status = ANY(?::text[])', f.statuses);
  if (f.from) add('created_at >= ?', f.from);
  if (f.to) add('created_at <= ?', f.to);
  values.push(f.limit);
  const { rows } = await db.query<Open311ReportRow>(
    `SELECT rep.*, c.name_vi AS category_name_vi, c.name_en AS category_name_en,
            a.name_vi AS agency_name_vi, a.name_en AS agency_name_en, reply.public_reply
       FROM (SELECT ${REPORT_COLUMNS}, reject_reason FROM reports
              ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
              ORDER BY created_at DESC, id DESC LIMIT $${values.length}) rep
       JOIN categories c ON c.code = rep.category
       LEFT JOIN agencies a ON a.id = rep.agency_id
       LEFT JOIN LATERAL (SELECT public_reply FROM report_timeline t
                           WHERE t.report_id = rep.id::bigint AND public_reply IS NOT NULL
                           ORDER BY t.id DESC LIMIT 1) reply ON true
      ORDER BY rep.created_at DESC, rep.id DESC`,
    values,
  );
  return rows;
}

export async function findCodeByToken(db: Db | Tx, token: string): Promise<string | null> {
  const { rows } = await db.query<{ code: string }>(
    `SELECT r.tracking_code AS code FROM open311_requests o JOIN reports r ON r.id = o.report_id WHERE o.token = $1`,
    [token],
  );
  return rows[0]?.code ?? null;
}

export async function findReportIdByCode(db: Db | Tx, code: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>('SELECT id::text AS id FROM reports WHERE tracking_code = $1', [
    code,
  ]);
  return rows[0]?.id ?? null;
}

/** A public step of a report's workflow, as FixMyStreet's GET servicerequestupdates lists them. */
export interface PublicUpdateRow {
  id: string;
  code: string;
  category: string;
  to_status: ReportStatus;
  reason: string | null;
  public_reply: string | null;
  at: Date;
}

export async function listPublicUpdates(db: Db | Tx, from: Date, to: Date, limit: number): Promise<PublicUpdateRow[]> {
  const { rows } = await db.query<PublicUpdateRow>(
    `SELECT t.id::text AS id, r.tracking_code AS code, r.category, t.to_status, t.reason, t.public_reply, t.at
       FROM report_timeline t JOIN reports r ON r.id = t.report_id
      WHERE t.at >= $1 AND t.at <= $2 ORDER BY t.at, t.id LIMIT $3`,
    [from, to, limit],
  );
  return rows;
}

/** Each report's public steps, oldest first: the wiki's Update History (`notes`) under `extensions=true`. */
export async function listPublicStepsOf(db: Db | Tx, reportIds: string[]): Promise<Map<string, PublicUpdateRow[]>> {
  const { rows } = await db.query<PublicUpdateRow & { report_id: string }>(
    `SELECT t.report_id::text AS report_id, t.id::text AS id, r.tracking_code AS code, r.category, t.to_status,
            t.reason, t.public_reply, t.at
       FROM report_timeline t JOIN reports r ON r.id = t.report_id
      WHERE t.report_id = ANY($1::bigint[]) ORDER BY t.report_id, t.id`,
    [reportIds],
  );
  const steps = new Map<string, PublicUpdateRow[]>();
  for (const { report_id, ...row } of rows) steps.set(report_id, [...(steps.get(report_id) ?? []), row]);
  return steps;
}

export interface NewRequestUpdate {
  reportId: string;
  clientId: string;
  clientUpdateId: string;
  status: string;
  description: string;
  mediaUrl: string | null;
  authorName: string | null;
  email: string | null;
  updatedAt: Date;
}

/** Stores a relayed comment once per client update id; a retry of the same update answers the same id. */
export async function insertRequestUpdate(db: Db | Tx, u: NewRequestUpdate): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `WITH ins AS (
       INSERT INTO open311_request_updates (report_id, client_id, client_update_id, status, description, media_url,
                                            author_name, email, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (client_id, client_update_id) DO NOTHING
       RETURNING id::text AS id)
     SELECT id FROM ins UNION ALL
     SELECT id::text FROM open311_request_updates WHERE client_id = $2 AND client_update_id = $3 LIMIT 1`,
    [u.reportId, u.clientId, u.clientUpdateId, u.status, u.description, u.mediaUrl, u.authorName, u.email, u.updatedAt],
  );
  return rows[0].id;
}
