// createReports: geocode, route, and in ONE transaction insert the reports and append their events.
import { bigintToCell, cellAt, cellToBigint } from '../../geo/h3.ts';
import type { AreaLookup } from '../../geo/types.ts';
import { withOneStatement, withTransaction, type Db, type Tx } from '../../sql/db.ts';
import type { ReportEventPayload } from '../../domain/events.ts';
import { insertPhotos, type NewPhoto } from '../../sql/queries/photos.ts';
import { insertIdempotencyKeys } from '../../sql/queries/idempotency.ts';
import { insertReports, type NewReport, type StoredReportRow } from '../../sql/queries/reports.ts';
import type { RoutingDecision } from '../agency-routing-table.ts';
import type { ReportInput } from '../schemas/report-input.ts';
import { openCommand } from './command.ts';

export interface ReportContext {
  geocoder: AreaLookup;
  sensitiveCategories: ReadonlySet<string>;
  /** Picks the responsible agency; without it (or without a matching rule) the report waits for triage. */
  agencyRouting?: {
    route(category: string, areaCode: string | null, provinceCode: string | null): RoutingDecision | null;
  };
  source?: string;
  /** web (default), app, hotline or open311:<client>. */
  channel?: string;
}

function toNewReport(input: ReportInput, ctx: ReportContext): NewReport {
  const area = ctx.geocoder.lookup(input.lng, input.lat);
  const routed = ctx.agencyRouting?.route(input.category, area?.code ?? null, area?.provinceCode ?? null) ?? null;
  const anonymous = input.reporter?.anonymous ?? false;
  return {
    category: input.category,
    description: input.description,
    lat: input.lat,
    lng: input.lng,
    h3Cell: cellToBigint(cellAt(input.lat, input.lng)),
    areaCode: area?.code ?? null,
    areaName: area?.fullName ?? null,
    provinceCode: area?.provinceCode ?? null,
    agencyId: routed?.agencyId ?? null,
    routingRuleId: routed?.ruleId ?? null,
    // Outside every known area, or no rule says who acts: accepted, but a human must place it.
    needsTriage: area === null || routed === null,
    reporterName: anonymous ? null : (input.reporter?.name ?? null),
    reporterPhone: anonymous ? null : (input.reporter?.phone ?? null),
    anonymous,
    source: ctx.source ?? 'api',
    answers: input.answers ?? null,
    channel: ctx.channel ?? 'web',
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The event of a report as stored now; `unit_id` and the deadlines when the caller read them (dispatch rows). New
 * reports get theirs built in SQL by the insert (sql/queries/reports.ts CREATED_PAYLOAD): change both, a test compares them.
 */
export function reportEventPayload(
  row: StoredReportRow & { unit_id?: string | null },
  sensitive: boolean,
): ReportEventPayload {
  return {
    reportId: row.id,
    code: row.tracking_code,
    category: row.category,
    sensitive,
    status: row.status,
    version: row.version,
    cell: bigintToCell(row.h3_cell),
    areaCode: row.area_code,
    agencyId: row.agency_id,
    unitId: row.unit_id ?? null,
    ...(row.response_due_at !== undefined && {
      responseDueAt: iso(row.response_due_at),
      dueAt: iso(row.due_at ?? null),
      resolvedAt: iso(row.resolved_at ?? null),
    }),
    at: row.updated_at.toISOString(),
  };
}

/** A report ready to store: geocoded and routed, with what its event needs. Pure, so it runs before any batching. */
export interface PreparedReport {
  row: NewReport;
  sensitive: boolean;
  /** What an edge stores beside the report (an Open311 client's token), in the report's own transaction. */
  alongside?: (tx: Tx, row: StoredReportRow) => Promise<void>;
  /** Stored in the same transaction: the submission's Idempotency-Key and its sealed answer. */
  idempotency?: { keyHash: Buffer; bodyHash: Buffer; seal(row: StoredReportRow): Buffer };
  /** Processed photos already in the media store; their rows commit with the report. */
  photos?: NewPhoto[];
  /** The request that sent it, for its event (a batch mixes requests); undefined: the transaction's request. */
  requestId?: string | null;
}

export function prepareReport(input: ReportInput, ctx: ReportContext): PreparedReport {
  return { row: toNewReport(input, ctx), sensitive: ctx.sensitiveCategories.has(input.category) };
}

/** A report that stores more than its row and event needs a transaction around its statements. */
const storesMore = (p: PreparedReport) => p.alongside || p.idempotency || p.photos?.length;

/**
 * Many reports, one commit: the unit of group commit. One statement inserts the reports and appends their events, so
 * the statement-level doorbell rings once; a batch with nothing else to store commits on its own, without BEGIN and
 * COMMIT round trips (#17's goal 2: the round trips of a batch cost its throughput). Either all are stored, or none.
 */
export async function storeReports(db: Db, prepared: PreparedReport[]): Promise<StoredReportRow[]> {
  const insert = (tx: Tx) =>
    insertReports(
      tx,
      prepared.map((p) => p.row),
      prepared.map((p) => ({ sensitive: p.sensitive, requestId: p.requestId })),
    );
  if (!prepared.some(storesMore)) return withOneStatement(db, insert);
  return withTransaction(db, async (tx) => {
    const stored = await insert(tx);
    for (const [i, p] of prepared.entries()) await p.alongside?.(tx, stored[i]);
    await insertIdempotencyKeys(
      tx,
      stored.flatMap((row, i) => {
        const claim = prepared[i].idempotency;
        return claim
          ? [{ keyHash: claim.keyHash, bodyHash: claim.bodyHash, reportId: row.id, sealedAnswer: claim.seal(row) }]
          : [];
      }),
    );
    for (const [i, row] of stored.entries()) await insertPhotos(tx, row.id, prepared[i].photos ?? []);
    return stored;
  });
}

export const createReports = openCommand('anyone', runCreateReports);
async function runCreateReports(db: Db, inputs: ReportInput[], ctx: ReportContext): Promise<StoredReportRow[]> {
  return storeReports(
    db,
    inputs.map((input) => prepareReport(input, ctx)),
  );
}
