// Where processed photos live. Narrow on purpose (put bytes, get bytes by key) so an S3-compatible store can
// replace the disk later. Content-addressed: the key is the SHA-256 of the bytes, so a retry stores nothing twice.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MediaStore {
  /** Stores the bytes (idempotently) and returns their key. */
  put(bytes: Buffer): Promise<string>;
  /** The bytes stored under the key, or null. */
  get(key: string): Promise<Buffer | null>;
}

const KEY = /^[0-9a-f]{64}$/;

export class DiskMediaStore implements MediaStore {
  constructor(readonly dir: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new RangeError(`not a media key: ${key}`);
    return join(this.dir, key.slice(0, 2), key);
  }

  async put(bytes: Buffer): Promise<string> {
    const key = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    // Written aside, then renamed: a reader never sees half a file, and two writers of one key both end whole.
    const temp = `${path}.${randomBytes(6).toString('hex')}.part`;
    await writeFile(temp, bytes);
    await rename(temp, path);
    return key;
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
