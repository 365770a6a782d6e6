// Runtime configuration injected by the server as `window.__CONFIG__` in index.html; one shape, one reader.
export interface RuntimeConfig {
  /** A MapLibre style URL to use instead of the built-in offline styles (server env MAP_STYLE_URL). */
  mapStyleUrl?: string | null;
}

declare global {
  interface Window {
    __CONFIG__?: RuntimeConfig;
  }
}

export function runtimeConfig(): RuntimeConfig {
  return (typeof window !== 'undefined' && window.__CONFIG__) || {};
}
