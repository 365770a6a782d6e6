// Registers the service worker once the page has loaded, so it never competes with the first paint.
export function registerServiceWorker(): void {
  // Not under the dev server (no worker is built there); import.meta.hot exists only there, whatever NODE_ENV says.
  if (!('serviceWorker' in navigator) || import.meta.hot) return;
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
