// A local stand-in for a Web Push service (https on 127.0.0.1): it checks what a real one checks (the VAPID JWT signed
// with the key it names, for this origin, not expired; aes128gcm encryption headers) and decrypts the payload
// with the subscriber's private key, as the browser would. Paths ending in /gone answer 410.
import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Agent, createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error http_ece (web-push's own encryption library) ships no types
import eceModule from 'http_ece';

export interface Delivery {
  path: string;
  payload: Record<string, unknown>;
  vapidKey: string;
  ttl: number;
}

export interface PushService {
  url: string;
  /** Trusts the stand-in's self-signed certificate: web-push speaks https only. */
  agent: Agent;
  deliveries: Delivery[];
  rejected: string[];
  /** A browser-side subscription at `path`: its keys, and the private key to read what is pushed to it. */
  subscribe(path: string): { endpoint: string; keys: { p256dh: string; auth: string } };
  close(): Promise<void>;
}

const ece = eceModule as { decrypt(body: Buffer, params: object): Buffer };
const b64 = (buf: Buffer) => buf.toString('base64url');

function checkVapid(req: IncomingMessage, origin: string): string {
  const m = /^vapid t=([^,]+),\s*k=([A-Za-z0-9_-]+)$/.exec(req.headers.authorization ?? '');
  if (!m) throw new Error('no VAPID authorization');
  const [token, key] = [m[1], m[2]];
  const [h, p, s] = token.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg: string };
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as { aud: string; exp: number; sub: string };
  if (header.alg !== 'ES256') throw new Error(`alg ${header.alg}`);
  const raw = Buffer.from(key, 'base64url');
  const jwk = { kty: 'EC', crv: 'P-256', x: b64(raw.subarray(1, 33)), y: b64(raw.subarray(33, 65)) };
  const ok = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
  if (!ok) throw new Error('bad JWT signature');
  if (claims.aud !== origin) throw new Error(`aud ${claims.aud}`);
  if (!(claims.exp * 1000 > Date.now()) || claims.exp * 1000 > Date.now() + 24 * 3600_000) throw new Error('bad exp');
  if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error('bad sub');
  return key;
}

/** A throwaway self-signed certificate for 127.0.0.1 (openssl, as Debian ships it). */
function selfSigned(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'push-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startPushService(): Promise<PushService> {
  const tls = selfSigned();
  const subscribers = new Map<string, { ecdh: ECDH; auth: string }>();
  const deliveries: Delivery[] = [];
  const rejected: string[] = [];
  let origin = '';
  const server: Server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const key = checkVapid(req, origin);
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
        const ttl = Number(req.headers.ttl);
        if (!Number.isInteger(ttl) || ttl < 0) throw new Error('no TTL');
        const sub = subscribers.get(req.url ?? '');
        if (!sub) throw new Error(`unknown subscription ${req.url}`);
        if (req.url!.endsWith('/gone')) {
          res.writeHead(410).end();
          return;
        }
        const plain = ece.decrypt(Buffer.concat(chunks), {
          version: 'aes128gcm',
          privateKey: sub.ecdh,
          authSecret: sub.auth,
        });
        deliveries.push({
          path: req.url!,
          payload: JSON.parse(plain.toString('utf8')) as Record<string, unknown>,
          vapidKey: key,
          ttl,
        });
        res.writeHead(201).end();
      } catch (e) {
        rejected.push(String(e));
        res.writeHead(400).end(String(e));
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: origin,
    agent: new Agent({ ca: tls.cert }),
    deliveries,
    rejected,
    subscribe(path) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = b64(randomBytes(16));
      subscribers.set(path, { ecdh, auth });
      return { endpoint: origin + path, keys: { p256dh: b64(ecdh.getPublicKey()), auth } };
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}
