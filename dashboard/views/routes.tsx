// Pathname -> view. Later views (/wall, /dispatch) add one line here.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

type View = LazyExoticComponent<ComponentType>;

export const routes: Record<string, View> = {
  '/ops': lazy(() => import('./ops-view.tsx').then((m) => ({ default: m.OpsView }))),
  '/map': lazy(() => import('./public-view.tsx').then((m) => ({ default: m.PublicView }))),
  '/dispatch': lazy(() => import('./dispatch/dispatch-view.tsx').then((m) => ({ default: m.DispatchView }))),
};

export const redirects: Record<string, string> = { '/': '/map' };

/** Trailing slashes are tolerated so /ops/ and /ops are the same view. */
export function resolvePath(pathname: string): { view: View | null; path: string } {
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const path = redirects[clean] ?? clean;
  return { view: routes[path] ?? null, path };
}
