// The server POSTs to a subscription's endpoint, so an endpoint is a request the server makes on a stranger's
// word (SSRF): only https on the known browser push services, never a private, loopback or link-local address.
// Self-hosted push services (and tests' stand-in) are allowed by origin through PUSH_SERVICE_ORIGINS only.
import { BlockList, isIP } from 'node:net';
import { reasons, type Reason } from '../../domain/errors.ts';

/** Push services of the browsers people use: Chrome/Android/Opera/Samsung (FCM), Firefox, Safari, Edge/Windows. */
export const KNOWN_PUSH_HOSTS: readonly string[] = [
  'fcm.googleapis.com',
  'updates.push.services.mozilla.com',
  'web.push.apple.com',
  '*.notify.windows.com',
];

const internal = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  internal.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  internal.addSubnet(net, bits, 'ipv6');

/** Origins allowed besides the known services, from PUSH_SERVICE_ORIGINS (comma-separated https origins). */
export function extraPushOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.PUSH_SERVICE_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => new URL(s).origin);
}

function isInternalAddress(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  const version = isIP(bare);
  if (version === 0) return host === 'localhost' || host.endsWith('.localhost');
  if (version === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare); // an IPv4 address written as IPv6
    if (mapped) return internal.check(mapped[1], 'ipv4');
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
    if (hex) {
      const [a, b] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
      return internal.check(`${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`, 'ipv4');
    }
    return internal.check(bare, 'ipv6');
  }
  return internal.check(bare, 'ipv4');
}

const knownHost = (host: string) =>
  KNOWN_PUSH_HOSTS.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h));

/** Why the server must not send to this endpoint, or null when it may. */
export function pushEndpointProblem(
  endpoint: string,
  extraOrigins: readonly string[] = extraPushOrigins(),
): Reason | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return reasons.mustBeUrl;
  }
  if (url.protocol !== 'https:') return reasons.mustBeHttpsUrl;
  if (url.username || url.password) return reasons.pushEndpointCredentials;
  if (extraOrigins.includes(url.origin)) return null; // configured by the operator, on purpose
  if (isInternalAddress(url.hostname)) return reasons.pushEndpointInternal;
  if (!knownHost(url.hostname) || url.port !== '') return reasons.pushEndpointUnknown;
  return null;
}
