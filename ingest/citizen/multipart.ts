// multipart/form-data submissions: part `report` is the JSON body, up to 5 `photos` stream to temporary files
// (hashed on the way, never held whole in memory). Any bad part is refused naming it, with 415, 413 or 422.
import busboy from 'busboy';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { errors, fieldIssue, reasons, type DomainError, type Reason } from '../../domain/errors.ts';
import { ACCEPTED_TYPES, sniffImage, type ImageKind } from '../media/photo-processing.ts';

export const MAX_PHOTOS = 5;
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
const MAX_REPORT_BYTES = 256 * 1024;

export interface StagedPhoto {
  /** How errors name it: photos[0] (IMG_0001.HEIC). */
  label: string;
  path: string;
  bytes: number;
  /** SHA-256 of the bytes as received. */
  digest: string;
  kind: ImageKind;
}

export interface ParsedSubmission {
  report: unknown;
  photos: StagedPhoto[];
  /** Removes the temporary files; call it whatever happened. */
  cleanup(): Promise<void>;
}

type Issue = { status: 413 | 415 | 422; field: string; why: Reason };

function refuse(issues: Issue[]): DomainError {
  // The most telling refusal first: a wrong type, then a size, then the rest.
  const status = ([415, 413, 422] as const).find((s) => issues.some((i) => i.status === s))!;
  const fields = issues.map(({ field, why }) => fieldIssue(field, why));
  return { 413: errors.uploadTooLarge, 415: errors.uploadWrongType, 422: errors.badUploadParts }[status](fields);
}

export async function parseSubmission(req: IncomingMessage): Promise<ParsedSubmission> {
  const dir = await mkdtemp(join(tmpdir(), 'ht-upload-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const issues: Issue[] = [];
  const photos: (StagedPhoto | null)[] = [];
  const writes: Promise<void>[] = [];
  let reportText: string | null = null;

  const collectReport = (text: string, truncated: boolean) => {
    if (reportText !== null) issues.push({ status: 422, field: 'report', why: reasons.sentTwice });
    else if (truncated)
      issues.push({ status: 413, field: 'report', why: reasons.reportPartTooLarge(MAX_REPORT_BYTES) });
    else reportText = text;
  };

  const stagePhoto = async (
    stream: NodeJS.ReadableStream & { truncated?: boolean },
    index: number,
    label: string,
    declared: ImageKind,
  ) => {
    const path = join(dir, String(index));
    const hash = createHash('sha256');
    let head = Buffer.alloc(0);
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
      if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16)]);
    });
    await pipeline(stream, createWriteStream(path));
    if (stream.truncated)
      return issues.push({ status: 413, field: label, why: reasons.photoTooLarge(MAX_PHOTO_BYTES / 1048576) });
    const sniffed = sniffImage(head);
    if (!sniffed || (sniffed !== declared && !(sniffed === 'heif' && declared === 'heif')))
      return issues.push({ status: 415, field: label, why: reasons.notAnImage });
    photos[index] = { label, path, bytes, digest: hash.digest('hex'), kind: sniffed };
  };

  await new Promise<void>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        // The report may come as a file part too, and one photo too many is let through to be named in the refusal.
        limits: { files: MAX_PHOTOS + 2, fileSize: MAX_PHOTO_BYTES, fields: 4, fieldSize: MAX_REPORT_BYTES, parts: 12 },
      });
    } catch {
      reject(errors.malformedMultipart());
      return;
    }
    let photoCount = 0;
    bb.on('field', (name, value, info) => {
      if (name === 'report') collectReport(value, info.valueTruncated);
      else issues.push({ status: 422, field: name, why: reasons.notAnAcceptedPart });
    });
    bb.on('file', (name, stream, info) => {
      if (name === 'report') {
        // A Blob part: the JSON must say it is JSON.
        if (!/^application\/json$/i.test(info.mimeType))
          issues.push({ status: 415, field: 'report', why: reasons.mustBeJsonPart });
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= MAX_REPORT_BYTES) chunks.push(c);
        });
        stream.on('end', () => collectReport(Buffer.concat(chunks).toString('utf8'), size > MAX_REPORT_BYTES));
        return;
      }
      if (name !== 'photos') {
        issues.push({ status: 422, field: name, why: reasons.notAnAcceptedPart });
        return stream.resume();
      }
      const index = photoCount++;
      const label = `photos[${index}]${info.filename ? ` (${info.filename})` : ''}`;
      if (index >= MAX_PHOTOS) {
        issues.push({ status: 413, field: label, why: reasons.atMostPhotos(MAX_PHOTOS) });
        return stream.resume();
      }
      const declared = ACCEPTED_TYPES[info.mimeType.toLowerCase()];
      if (!declared) {
        issues.push({ status: 415, field: label, why: reasons.imageTypeRefused(info.mimeType) });
        return stream.resume();
      }
      photos[index] = null;
      writes.push(stagePhoto(stream, index, label, declared).then(() => undefined));
    });
    bb.on('filesLimit', () => issues.push({ status: 413, field: 'photos', why: reasons.atMostPhotos(MAX_PHOTOS) }));
    bb.on('partsLimit', () => issues.push({ status: 413, field: '(body)', why: reasons.tooManyParts }));
    bb.on('error', () => reject(errors.malformedMultipart()));
    bb.on('close', resolve);
    req.pipe(bb);
  }).catch(async (error: unknown) => {
    await cleanup();
    throw error;
  });
  try {
    await Promise.all(writes);
    if (reportText === null) issues.push({ status: 422, field: 'report', why: reasons.reportPartRequired });
    if (issues.length) throw refuse(issues);
    let report: unknown;
    try {
      report = JSON.parse(reportText!);
    } catch {
      throw refuse([{ status: 422, field: 'report', why: reasons.mustBeValidJson }]);
    }
    return { report, photos: photos.filter((p): p is StagedPhoto => p !== null), cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
