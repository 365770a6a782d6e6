// The operator token arrives once in ?token=; keep it for the tab only and take it out of the address bar.
const KEY = 'hientruong.token';

export function captureToken(loc: Location = window.location, store: Storage = window.sessionStorage): string | null {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    store.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return store.getItem(KEY);
}

export function forgetToken(store: Storage = window.sessionStorage): void {
  store.removeItem(KEY);
}
