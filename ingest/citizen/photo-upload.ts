// Staged photos -> processed copies in the media store -> rows for the report's transaction.
// Every photo is processed before any is stored, so a photo that cannot be read leaves nothing behind.
import { randomBytes } from 'node:crypto';
import type { NewPhoto } from '../../sql/queries/photos.ts';
import { errors, fieldIssue, reasons } from '../../domain/errors.ts';
import type { MediaStore } from '../media/media-store.ts';
import type { ProcessedPhoto } from '../media/photo-processing.ts';
import { processPhoto } from '../media/photo-worker-pool.ts';
import type { StagedPhoto } from './multipart.ts';
import type { PhotoUpload } from './submit-report.ts';

/** 80 random bits: photo URLs cannot be walked. */
export const newPhotoId = (): string => randomBytes(10).toString('hex');

async function processOrRefuse(p: StagedPhoto): Promise<ProcessedPhoto> {
  try {
    return await processPhoto(p.path);
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0].slice(0, 120);
    throw errors.unreadablePhoto(fieldIssue(p.label, reasons.unreadableImage(detail)));
  }
}

export function photoUpload(staged: StagedPhoto[], media: MediaStore): PhotoUpload {
  return {
    digests: staged.map((p) => p.digest),
    async store() {
      const processed: ProcessedPhoto[] = [];
      for (const p of staged) processed.push(await processOrRefuse(p));
      return Promise.all(
        processed.map(async (p): Promise<NewPhoto> => {
          const [displayKey, thumbKey] = await Promise.all([media.put(p.display), media.put(p.thumb)]);
          return {
            id: newPhotoId(),
            displayKey,
            thumbKey,
            contentType: 'image/webp',
            width: p.width,
            height: p.height,
          };
        }),
      );
    },
  };
}
