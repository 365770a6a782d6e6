// An Open311 client's POST requests: locate it (lat/long, or the address text through the place search),
// then store the report and what the client sent beside it in the report's own transaction (group commit).
import { newToken } from '../auth/tokens.ts';
import { errors, fieldIssue, reasons, type FieldIssue } from '../../domain/errors.ts';
import { checkAnswers } from '../schemas/answers.ts';
import type { ReportBatcher } from '../report-batcher.ts';
import type { PlaceSearch } from '../places.ts';
import type { QuestionDTO } from '../presenters/dto.ts';
import { prepareReport, type ReportContext } from './create-reports.ts';
import type { Db } from '../../sql/db.ts';
import { requestIdOf } from '../../sql/request-scope.ts';
import { insertOpen311Request, type Open311ClientRow } from '../../sql/queries/open311.ts';
import type { StoredReportRow } from '../../sql/queries/reports.ts';
import type { Open311RequestInput } from '../schemas/open311-input.ts';
import { openCommand } from './command.ts';

export interface SubmitOpen311Deps {
  db: Db;
  reportBatcher: ReportBatcher;
  report: Omit<ReportContext, 'channel'>;
  places: () => Promise<PlaceSearch>;
  questions: QuestionDTO[];
  serviceName: string;
}

const badRequest = (issues: FieldIssue[]) => errors.badParameters(issues);

async function locate(input: Open311RequestInput, places: () => Promise<PlaceSearch>) {
  if (input.lat !== undefined && input.long !== undefined) return { lat: input.lat, lng: input.long };
  const text = input.address_string ?? input.address_id ?? '';
  const hit = (await places()).search(text, 1).find((c) => c.lat !== null && c.lng !== null);
  if (!hit) throw badRequest([fieldIssue('address_string', reasons.noPlaceFound(text))]);
  return { lat: hit.lat as number, lng: hit.lng as number };
}

export const submitOpen311Request = openCommand('open311_api_key', runSubmitOpen311Request);
async function runSubmitOpen311Request(
  deps: SubmitOpen311Deps,
  client: Open311ClientRow,
  input: Open311RequestInput,
): Promise<{ row: StoredReportRow; token: string }> {
  const { answers, issues } = checkAnswers(deps.questions, input.attribute, input.service_code);
  // Open311 names an answer attribute[code], as the client sent it.
  if (issues.length)
    throw badRequest(issues.map((i) => ({ ...i, field: i.field.replace(/^answers\.(.+)$/, 'attribute[$1]') })));
  const { lat, lng } = await locate(input, deps.places);
  const name = [input.first_name, input.last_name].filter(Boolean).join(' ') || undefined;
  const token = newToken();
  const prepared = prepareReport(
    {
      category: input.service_code,
      // The spec makes description optional; a report always says something, so the service name stands in.
      description: input.description && input.description.length >= 3 ? input.description : deps.serviceName,
      lat,
      lng,
      reporter: name || input.phone ? { name, phone: input.phone } : undefined,
      answers,
    },
    { ...deps.report, channel: `open311:${client.slug}` },
  );
  prepared.alongside = (tx, row) =>
    insertOpen311Request(tx, row.id, {
      clientId: client.id,
      token,
      email: input.email ?? null,
      deviceId: input.device_id ?? null,
      accountId: input.account_id ?? null,
      mediaUrl: input.media_url ?? null,
    });
  const row = await deps.reportBatcher.submit({ ...prepared, requestId: requestIdOf(deps.db) });
  return { row, token };
}
