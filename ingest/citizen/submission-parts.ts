// Small pieces the multipart route shares with the JSON one: the same text cleaning, the configured media store.
import type { IngestDeps } from '../context.ts';
import { errors } from '../../domain/errors.ts';
import { cleanDeep, type TextIssue } from '../input/clean-text.ts';
import type { MediaStore } from '../media/media-store.ts';

/** The report part gets what every JSON body gets (ingest/input): NFC, no control characters, NUL refused. */
export function cleanBody(report: unknown): unknown {
  const issues: TextIssue[] = [];
  const cleaned = cleanDeep(report, [], issues);
  if (issues.length) throw errors.forbiddenCharacters(issues);
  return cleaned;
}

/** The app's media store (createApp gives one to an app built without). */
export const mediaOf = (deps: IngestDeps): MediaStore => deps.media;
