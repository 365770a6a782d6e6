// Pathname -> view. Later views (/wall, /dispatch) add one line here.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

type View = LazyExoticComponent<ComponentType>;

export const routes: Record<string, View> = {
  '/ops': lazy(() => import('./ops-view.tsx').then((m) => ({ default: m.OpsView }))),
  // The command centre's wall display (kiosk token).
  '/wall': lazy(() => import('../wall/wall-view.tsx').then((m) => ({ default: m.WallView }))),
  '/map': lazy(() => import('./public-view.tsx').then((m) => ({ default: m.PublicView }))),
  // Operators' side: composing and approving official alerts.
  '/alerts/new': lazy(() => import('../alerts/compose-view.tsx').then((m) => ({ default: m.ComposeView }))),
  // Administrators change the province's rules and people here; supervisors read.
  '/admin': lazy(() => import('../admin/admin-view.tsx').then((m) => ({ default: m.AdminView }))),
  // An invited staff member sets their password (the token is in the fragment).
  '/invite': lazy(() => import('../admin/invite-view.tsx').then((m) => ({ default: m.InviteView }))),
  '/dispatch': lazy(() => import('./dispatch/dispatch-view.tsx').then((m) => ({ default: m.DispatchView }))),
  // Citizen pages: their chunks carry neither deck.gl nor MapLibre (the pin map loads on demand).
  '/report': lazy(() => import('../citizen/report/report-view.tsx').then((m) => ({ default: m.ReportView }))),
  '/track': lazy(() => import('../citizen/track/track-view.tsx').then((m) => ({ default: m.TrackView }))),
};

/** Pages whose path carries a parameter (/track/<code>): the prefix picks the view, the view reads the rest. */
const prefixes = ['/track/'];

export const redirects: Record<string, string> = { '/': '/map' };

/** Trailing slashes are tolerated so /ops/ and /ops are the same view. */
export function resolvePath(pathname: string): { view: View | null; path: string } {
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const path = redirects[clean] ?? clean;
  const prefix = prefixes.find((p) => path.startsWith(p) && path.length > p.length);
  return { view: routes[path] ?? (prefix ? routes[prefix.slice(0, -1)] : null) ?? null, path };
}
