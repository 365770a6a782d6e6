// Thin fetch wrapper: every call carries the bearer token when there is one; errors carry the status.
import type { CategoryDTO, CellsDTO, ReportSnapshotDTO, StatsDTO } from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, token: string | null, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(path, { headers, signal });
  if (!res.ok) throw new ApiError(res.status, `${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** What the hexagon layer asks for: a resolution, optionally a viewport and a trailing window such as 7d. */
export interface CellsQuery {
  res: number;
  bbox?: [number, number, number, number];
  window?: string;
}

function cellsPath(q: CellsQuery): string {
  const params = new URLSearchParams({ res: String(q.res) });
  // Rounded outwards to four decimals (~10 m): short URLs, and the box still covers the whole view.
  if (q.bbox)
    params.set('bbox', q.bbox.map((v, i) => (i < 2 ? Math.floor(v * 1e4) : Math.ceil(v * 1e4)) / 1e4).join(','));
  if (q.window) params.set('window', q.window);
  return `/api/v1/cells?${params}`;
}

export const api = {
  categories: (token: string | null, signal?: AbortSignal) =>
    getJson<{ categories: CategoryDTO[] }>('/api/v1/categories', token, signal),
  areas: (level: 'commune' | 'province', signal?: AbortSignal) =>
    getJson<GeoJSON.FeatureCollection>(
      level === 'province' ? '/api/v1/areas.geojson?level=province' : '/api/v1/areas.geojson',
      null,
      signal,
    ),
  reports: (token: string | null, signal?: AbortSignal, limit = 5000) =>
    getJson<ReportSnapshotDTO>(`/api/v1/reports?limit=${limit}`, token, signal),
  /** Details of up to 200 reports in one request (the server's MAX_IDS_PER_REQUEST). */
  reportsByIds: (ids: string[], token: string | null) =>
    getJson<ReportSnapshotDTO>(`/api/v1/reports?limit=${ids.length}&ids=${ids.join(',')}`, token),
  cells: (q: CellsQuery, token: string | null, signal?: AbortSignal) => getJson<CellsDTO>(cellsPath(q), token, signal),
  stats: (token: string | null, signal?: AbortSignal) => getJson<StatsDTO>('/api/v1/stats', token, signal),
};
