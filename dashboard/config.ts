// Runtime configuration: `window.__CONFIG__` if the page was given one, else GET /api/v1/config; one shape, one reader.
export interface RuntimeConfig {
  /** A MapLibre style URL to use instead of the built-in offline styles (server env MAP_STYLE_URL). */
  mapStyleUrl?: string | null;
  /** The province's PMTiles street basemap served by this server (env MAP_PMTILES), and its label glyphs. */
  basemapPmtiles?: string | null;
  basemapGlyphs?: string | null;
}

declare global {
  interface Window {
    __CONFIG__?: RuntimeConfig;
  }
}

let loaded: RuntimeConfig = {};

/** Called once before the first render; never blocks the page for long if the server is slow. */
export async function loadRuntimeConfig(timeoutMs = 2000): Promise<RuntimeConfig> {
  const injected = typeof window !== 'undefined' ? window.__CONFIG__ : undefined;
  if (injected && 'mapStyleUrl' in injected) return (loaded = injected);
  try {
    const res = await fetch('/api/v1/config', { signal: AbortSignal.timeout(timeoutMs) });
    if (res.ok) loaded = { ...injected, ...((await res.json()) as RuntimeConfig) };
  } catch {
    // No config endpoint (or offline): the built-in styles need nothing.
  }
  return loaded;
}

export function runtimeConfig(): RuntimeConfig {
  return loaded;
}
