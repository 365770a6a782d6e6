// A citizen's submission, JSON or multipart alike: validate, then once per Idempotency-Key store the report,
// its answers, its photos and its hashed tracking secret in one transaction, and answer with the tracking link.
import type { IngestDeps } from '../context.ts';
import { errors } from '../../domain/errors.ts';
import type { CreatedReportDTO } from '../presenters/dto.ts';
import { presentCreatedReport } from '../presenters/report-presenters.ts';
import { submitReport } from '../report-batcher.ts';
import { checkAnswers } from '../schemas/answers.ts';
import { reportInputSchema, type ReportInput } from '../schemas/report-input.ts';
import { invalidFields, parseOr422 } from '../schemas/validate.ts';
import type { NewPhoto } from '../../sql/queries/photos.ts';
import { requestIdOf } from '../../sql/request-scope.ts';
import { idempotently } from './idempotency.ts';
import { hashTrackingSecret, newTrackingSecret, submissionHash } from './secrets.ts';

/** Checks the body against the schema, the catalog and the category's questions; answers come back normalised. */
export function validateSubmission(deps: IngestDeps, body: unknown): ReportInput {
  const input = parseOr422(reportInputSchema, body);
  if (!deps.catalog.has(input.category)) {
    throw errors.unknownCategory(input.category);
  }
  const { answers, issues } = checkAnswers(deps.catalog.questionsOf(input.category), input.answers, input.category);
  if (issues.length) throw invalidFields(issues);
  return { ...input, answers };
}

export interface PhotoUpload {
  /** SHA-256 of each received file, in order: part of what makes two submissions "the same". */
  digests: string[];
  /** Processes and stores the photos; called only when the submission is new (never for a replay). */
  store(): Promise<NewPhoto[]>;
}

export async function submitCitizenReport(
  deps: IngestDeps,
  body: unknown,
  idempotencyKey: string | null,
  upload?: PhotoUpload,
): Promise<{ answer: CreatedReportDTO; replayed: boolean }> {
  const input = validateSubmission(deps, body);
  const bodyHash = () => submissionHash(body, upload?.digests);
  return idempotently(deps.db, deps.submissionsInFlight, idempotencyKey, bodyHash, async (claim) => {
    const photos = upload ? await upload.store() : [];
    const trackingSecret = newTrackingSecret();
    const answerOf = (row: Parameters<typeof presentCreatedReport>[0]) =>
      presentCreatedReport(row, { trackingSecret, photoIds: photos.map((p) => p.id) });
    const row = await submitReport(
      deps.reportBatcher,
      input,
      {
        geocoder: deps.geocoder,
        sensitiveCategories: deps.catalog.sensitive,
        agencyRouting: deps.agencyRouting,
        channel: input.channel,
      },
      {
        trackingSecretHash: hashTrackingSecret(trackingSecret),
        requestId: requestIdOf(deps.db),
        photos,
        idempotency: claim
          ? { keyHash: claim.keyHash, bodyHash: claim.bodyHash, seal: (r) => claim.seal(answerOf(r)) }
          : undefined,
      },
    );
    return answerOf(row);
  });
}
