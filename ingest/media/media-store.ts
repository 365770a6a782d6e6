// Where processed photos live. Narrow on purpose (put bytes, get bytes by key) so an S3-compatible store can
// replace the disk later. Content-addressed: the key is the SHA-256 of the bytes, so a retry stores nothing twice.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MediaStore {
  /** Stores the bytes (idempotently) and returns their key. */
  put(bytes: Buffer): Promise<string>;
  /** The bytes stored under the key, or null. */
  get(key: string): Promise<Buffer | null>;
  /** Keys last stored before `before` (for the purge of files no row names; a put again makes a key new). */
  storedBefore(before: Date): AsyncIterable<string>;
  /** Removes a key's bytes unless they were stored again since `before`. */
  remove(key: string, before: Date): Promise<void>;
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

  async *storedBefore(before: Date): AsyncIterable<string> {
    const shards = await readdir(this.dir).catch(() => [] as string[]);
    for (const shard of shards.filter((s) => /^[0-9a-f]{2}$/.test(s))) {
      for (const name of await readdir(join(this.dir, shard))) {
        const path = join(this.dir, shard, name);
        const info = await stat(path).catch(() => null);
        if (!info || info.mtime >= before) continue;
        // A write that died between its temporary file and the rename leaves the temporary file behind.
        if (name.endsWith('.part')) await unlink(path).catch(() => {});
        else if (KEY.test(name)) yield name;
      }
    }
  }

  async remove(key: string, before: Date): Promise<void> {
    const path = this.pathOf(key);
    const info = await stat(path).catch(() => null);
    if (info && info.mtime < before) await unlink(path).catch(() => {});
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
