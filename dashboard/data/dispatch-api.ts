// The dispatch console's HTTP calls: the session cookie travels by itself; writes echo the CSRF token.
import type {
  AgencyDTO,
  NearestUnitsDTO,
  ReportContextDTO,
  TradeDTO,
  DuplicateDTO,
  ErrorDTO,
  QueueDTO,
  QueueItemDTO,
  SavedFilterDTO,
  SessionDTO,
  TimelineDTO,
  UnitDTO,
} from './dispatch-types.ts';

/** Fired on window when a call comes back 401: useDispatchSession asks the server who is signed in. */
export const SESSION_ENDED = 'hientruong:session-ended';

/** A field a 422 names, with why in English (`reason`) and Vietnamese (`reasonVi`). */
export type FieldReason = NonNullable<ErrorDTO['error']['fields']>[number];

export class DispatchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageVi: string | undefined,
    /** The fields a 422 names, each with its reason. */
    readonly fields?: FieldReason[],
  ) {
    super(message);
  }
}

/** A field's reason in the screen's language (Vietnamese by default, English beside it). */
export const reasonIn = (f: FieldReason, lang: string): string => (lang === 'en' ? f.reason : f.reasonVi);

function csrfToken(): string {
  const m = /(?:^|;\s*)ht_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : '';
}

export async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = csrfToken();
  }
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    // The session ended (signed out elsewhere, account deactivated): the page goes back to the sign-in screen.
    if (res.status === 401 && !path.startsWith('/api/v1/auth/')) window.dispatchEvent(new Event(SESSION_ENDED));
    const e = (json as ErrorDTO | null)?.error;
    throw new DispatchError(res.status, e?.code ?? 'http', e?.message ?? `HTTP ${res.status}`, e?.messageVi, e?.fields);
  }
  return json as T;
}

export interface QueueFilters {
  status: string;
  category: string;
  agency: string;
  commune: string;
  sinceHours: string;
  view: 'all' | 'supervisor';
  /** Tracking code, phone or words (diacritics optional). */
  q: string;
  sort: 'deadline' | 'age' | 'priority';
}

export const emptyFilters: QueueFilters = {
  status: '',
  category: '',
  agency: '',
  commune: '',
  sinceHours: '',
  view: 'all',
  q: '',
  sort: 'deadline',
};

/** The filters as the API's query, without paging: also what a saved filter keeps and an export uses. */
export function queueParams(f: QueueFilters, now = Date.now()): URLSearchParams {
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  if (f.category) q.set('category', f.category);
  if (f.agency) q.set('agency', f.agency);
  if (f.commune) q.set('commune', f.commune);
  if (f.sinceHours) q.set('since', new Date(now - Number(f.sinceHours) * 3_600_000).toISOString());
  if (f.view === 'supervisor') q.set('view', 'supervisor');
  if (f.q.trim()) q.set('q', f.q.trim());
  if (f.sort !== 'deadline') q.set('sort', f.sort);
  return q;
}

export function queueQuery(f: QueueFilters, page: { cursor?: string | null; limit?: number } = {}): string {
  const q = queueParams(f);
  if (page.cursor) q.set('cursor', page.cursor);
  if (page.limit) q.set('limit', String(page.limit));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** A saved filter back into the console's filters (since is kept as a window in hours). */
export function filtersFromSaved(query: Record<string, string>): QueueFilters {
  const pick = <K extends keyof QueueFilters>(k: K, allowed?: readonly string[]) =>
    query[k] !== undefined && (!allowed || allowed.includes(query[k])) ? query[k] : emptyFilters[k];
  return {
    ...emptyFilters,
    status: pick('status'),
    category: pick('category'),
    agency: pick('agency'),
    commune: pick('commune'),
    q: pick('q'),
    view: pick('view', ['all', 'supervisor']) as QueueFilters['view'],
    sort: pick('sort', ['deadline', 'age', 'priority']) as QueueFilters['sort'],
  };
}

export interface TransitionBody {
  to: string;
  note?: string;
  reason?: string;
  publicReply?: string;
  expectedVersion?: number;
}

export const dispatchApi = {
  session: () => call<SessionDTO>('GET', '/api/v1/auth/session'),
  login: (username: string, password: string) => call<SessionDTO>('POST', '/api/v1/auth/login', { username, password }),
  logout: () => call<void>('POST', '/api/v1/auth/logout', {}),
  queue: (f: QueueFilters, page: { cursor?: string | null; limit?: number } = {}) =>
    call<QueueDTO>('GET', `/api/v1/queue${queueQuery(f, page)}`),
  bulkTransition: (ids: string[], to: 'triaged' | 'rejected', reason?: string) =>
    call<{ items: QueueItemDTO[] }>('POST', '/api/v1/queue/bulk/transition', {
      ids,
      to,
      ...(reason ? { reason } : {}),
    }),
  bulkMerge: (ids: string[], into: string) =>
    call<{ items: QueueItemDTO[] }>('POST', '/api/v1/queue/bulk/merge', { ids, into }),
  savedFilters: () => call<{ filters: SavedFilterDTO[] }>('GET', '/api/v1/queue/filters'),
  saveFilter: (name: string, query: Record<string, string>) =>
    call<SavedFilterDTO>('POST', '/api/v1/queue/filters', { name, query }),
  deleteFilter: (id: string) => call<void>('DELETE', `/api/v1/queue/filters/${id}`),
  agencies: () => call<{ agencies: AgencyDTO[] }>('GET', '/api/v1/agencies'),
  trades: () => call<{ trades: TradeDTO[] }>('GET', '/api/v1/trades'),
  context: (id: string) => call<ReportContextDTO>('GET', `/api/v1/reports/${id}/context`),
  item: (id: string) => call<QueueItemDTO>('GET', `/api/v1/reports/${id}/dispatch`),
  timeline: (id: string) => call<TimelineDTO>('GET', `/api/v1/reports/${id}/timeline`),
  duplicates: (id: string) => call<{ candidates: DuplicateDTO[] }>('GET', `/api/v1/reports/${id}/duplicates`),
  nearest: (id: string) => call<NearestUnitsDTO>('GET', `/api/v1/reports/${id}/units/nearest?limit=5`),
  units: () => call<{ units: UnitDTO[] }>('GET', '/api/v1/units'),
  transition: (id: string, body: TransitionBody) =>
    call<QueueItemDTO>('POST', `/api/v1/reports/${id}/transitions`, body),
  assign: (id: string, unitId: string, note?: string) =>
    call<{ report: QueueItemDTO; unit: UnitDTO }>('POST', `/api/v1/reports/${id}/assign`, {
      unitId,
      ...(note ? { note } : {}),
    }),
  merge: (id: string, into: string) => call<{ report: QueueItemDTO }>('POST', `/api/v1/reports/${id}/merge`, { into }),
};
