// The dispatch console's HTTP calls: the session cookie travels by itself; writes echo the CSRF token.
import type {
  DuplicateDTO,
  ErrorDTO,
  QueueDTO,
  QueueItemDTO,
  SessionDTO,
  TimelineDTO,
  UnitDTO,
} from './dispatch-types.ts';

export class DispatchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageVi: string | undefined,
  ) {
    super(message);
  }
}

function csrfToken(): string {
  const m = /(?:^|;\s*)ht_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : '';
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
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
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (json as ErrorDTO | null)?.error;
    throw new DispatchError(res.status, e?.code ?? 'http', e?.message ?? `HTTP ${res.status}`, e?.messageVi);
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
}

export const emptyFilters: QueueFilters = {
  status: '',
  category: '',
  agency: '',
  commune: '',
  sinceHours: '',
  view: 'all',
};

export function queueQuery(f: QueueFilters, now = Date.now()): string {
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  if (f.category) q.set('category', f.category);
  if (f.agency) q.set('agency', f.agency);
  if (f.commune) q.set('commune', f.commune);
  if (f.sinceHours) q.set('since', new Date(now - Number(f.sinceHours) * 3_600_000).toISOString());
  if (f.view === 'supervisor') q.set('view', 'supervisor');
  const s = q.toString();
  return s ? `?${s}` : '';
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
  queue: (f: QueueFilters) => call<QueueDTO>('GET', `/api/v1/queue${queueQuery(f)}`),
  item: (id: string) => call<QueueItemDTO>('GET', `/api/v1/reports/${id}/dispatch`),
  timeline: (id: string) => call<TimelineDTO>('GET', `/api/v1/reports/${id}/timeline`),
  duplicates: (id: string) => call<{ candidates: DuplicateDTO[] }>('GET', `/api/v1/reports/${id}/duplicates`),
  nearest: (id: string) => call<{ units: UnitDTO[] }>('GET', `/api/v1/reports/${id}/units/nearest?limit=5`),
  units: () => call<{ units: UnitDTO[] }>('GET', '/api/v1/units'),
  transition: (id: string, body: TransitionBody) =>
    call<QueueItemDTO>('POST', `/api/v1/reports/${id}/transitions`, body),
  assign: (id: string, unitId: string) =>
    call<{ report: QueueItemDTO; unit: UnitDTO }>('POST', `/api/v1/reports/${id}/assign`, { unitId }),
  merge: (id: string, into: string) => call<{ report: QueueItemDTO }>('POST', `/api/v1/reports/${id}/merge`, { into }),
};
