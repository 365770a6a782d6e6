// Citizen HTTP calls: report submission (JSON or multipart with photos), place search, tracking and the
// reporter's follow-ups. Errors keep the server's message in both languages.
import type {
  Answer,
  CitizenCategory,
  CreatedCitizenReport,
  GeocodeCandidate,
  ReportDraft,
  TrackDTO,
} from './types.ts';

export class CitizenApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly messageVi: string,
    /** Each refused field, why in English (`reason`) and Vietnamese (`reasonVi`). */
    readonly fields: { field: string; reason: string; reasonVi?: string }[] = [],
  ) {
    super(message);
  }
}

async function parse<T>(res: Response): Promise<T> {
  if (res.ok) return (await res.json()) as T;
  const body = (await res.json().catch(() => null)) as {
    error?: { message?: string; messageVi?: string; fields?: { field: string; reason: string; reasonVi?: string }[] };
  } | null;
  const e = body?.error;
  throw new CitizenApiError(
    res.status,
    e?.message ?? `HTTP ${res.status}`,
    e?.messageVi ?? `Lỗi ${res.status}`,
    e?.fields,
  );
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** One submission: multipart when photos travel with it, JSON otherwise; the key makes retries safe. */
export async function postReport(
  draft: ReportDraft,
  photos: Blob[],
  idempotencyKey: string,
): Promise<CreatedCitizenReport> {
  const headers = { 'Idempotency-Key': idempotencyKey, accept: 'application/json' };
  if (photos.length === 0) return parse(await fetch('/api/v1/reports', json(draft, headers)));
  const form = new FormData();
  form.append('report', new Blob([JSON.stringify(draft)], { type: 'application/json' }));
  photos.forEach((p, i) => form.append('photos', p, `photo-${i + 1}.jpg`));
  return parse(await fetch('/api/v1/reports', { method: 'POST', headers, body: form }));
}

export const citizenApi = {
  categories: async (signal?: AbortSignal) =>
    (await parse<{ categories: CitizenCategory[] }>(await fetch('/api/v1/categories', { signal }))).categories,
  geocode: async (q: string, signal?: AbortSignal) =>
    (
      await parse<{ candidates: GeocodeCandidate[] }>(
        await fetch(`/api/v1/geocode?q=${encodeURIComponent(q)}&limit=6`, { signal }),
      )
    ).candidates,
  areaAt: async (lat: number, lng: number, signal?: AbortSignal) =>
    (
      await parse<{ area: { code: string; name: string } | null }>(
        await fetch(`/api/v1/geocode/reverse?lat=${lat}&lng=${lng}`, { signal }),
      )
    ).area,
  track: async (code: string, secret: string | null, signal?: AbortSignal) =>
    parse<TrackDTO>(
      await fetch(`/api/v1/track/${encodeURIComponent(code)}`, {
        signal,
        headers: secret ? { 'X-Tracking-Secret': secret, accept: 'application/json' } : { accept: 'application/json' },
      }),
    ),
  rate: async (code: string, secret: string, stars: number, comment: string) =>
    parse<unknown>(
      await fetch(
        `/api/v1/track/${encodeURIComponent(code)}/rating`,
        json({ secret, stars, comment: comment || undefined }),
      ),
    ),
  reopen: async (code: string, secret: string, reason: string) =>
    parse<unknown>(await fetch(`/api/v1/track/${encodeURIComponent(code)}/reopen`, json({ secret, reason }))),
  confirm: async (code: string, secret: string) =>
    parse<unknown>(await fetch(`/api/v1/track/${encodeURIComponent(code)}/confirm`, json({ secret }))),
};

export type { Answer };
