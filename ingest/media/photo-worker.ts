// The photo worker process: processes one photo per message, at the priority its parent gave it.
import { processPhotoHere } from './photo-processing.ts';
import type { PhotoJob, PhotoJobResult } from './photo-worker-pool.ts';

process.title = 'hientruong-photos';
process.on('disconnect', () => process.exit(0));
process.on('message', (job: PhotoJob) => {
  processPhotoHere(job.path).then(
    (photo) => process.send!({ id: job.id, ok: true, photo } satisfies PhotoJobResult),
    (error: Error) => process.send!({ id: job.id, ok: false, message: error.message } satisfies PhotoJobResult),
  );
});
process.send!({ id: 0, ready: true });
