// The live wall tokens' hashes, refreshed every few seconds: socket handshakes are checked without a database
// round trip, and a revoked wall stops being accepted within one refresh (its open sockets at the next
// reauthorisation, every minute).
import type { Db } from '../../sql/db.ts';
import { liveWallTokenHashes } from '../../sql/queries/wall-tokens.ts';
import { WALL_TOKEN_PREFIX } from './resolve-caller.ts';
import { hashToken } from './tokens.ts';

export interface WallTokenSet {
  has: (token: string) => boolean;
  stop: () => void;
}

export async function watchWallTokens(
  db: Db,
  opts: { acceptDemo: boolean; refreshMs?: number; onError?: (e: unknown) => void },
): Promise<WallTokenSet> {
  let hashes = new Set<string>();
  const load = async () => {
    const rows = await liveWallTokenHashes(db);
    hashes = new Set(rows.filter((r) => opts.acceptDemo || !r.demo).map((r) => r.token_hash));
  };
  await load();
  const timer = setInterval(() => void load().catch((e: unknown) => opts.onError?.(e)), opts.refreshMs ?? 3000);
  timer.unref();
  return {
    has: (token) => token.startsWith(WALL_TOKEN_PREFIX) && hashes.has(hashToken(token)),
    stop: () => clearInterval(timer),
  };
}
