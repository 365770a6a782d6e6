// Security headers on every answer (koa-helmet): a CSP the dashboard runs under (MapLibre starts its workers from
// blob: URLs, React and MapLibre set inline styles), no framing, no referrer (a tracking page's URL holds a code).
import helmet from 'koa-helmet';

function originOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
}

/** `mapStyleUrl`: a configured tile style's origin is allowed for its style, tiles, glyphs and sprites. */
export function securityHeaders(opts: { mapStyleUrl?: string } = {}) {
  const tiles = originOf(opts.mapStyleUrl);
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tiles],
        fontSrc: ["'self'", 'data:', ...tiles],
        connectSrc: ["'self'", ...tiles],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        manifestSrc: ["'self'"],
      },
    },
    // The demo is served over plain HTTP on a LAN too: HSTS is for the TLS proxy in front to send.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
