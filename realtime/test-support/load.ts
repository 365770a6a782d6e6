// A bounded HTTP load generator for tests: posts reports with a fixed number of workers over keep-alive.
export interface PostResult {
  status: number;
  id: string | null;
  /** Why no answer came (status 0): the socket error's code, e.g. ECONNREFUSED or ECONNRESET. */
  error?: string;
}

export function reportBody(i: number): object {
  // Spread over Thanh Hóa city so geocoding and area rooms see real communes. No sensitive category: the public
  // gets no notice of those at all (geo/privacy.ts), and these loads count what every audience receives.
  return {
    category: i % 7 === 0 ? 'road' : 'flooding',
    description: `Báo cáo thử ${i}`,
    lat: 19.78 + (i % 50) * 0.001,
    lng: 105.75 + (i % 40) * 0.001,
  };
}

export async function postReport(url: string, i: number): Promise<PostResult> {
  try {
    const res = await fetch(`${url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(reportBody(i)),
    });
    const body = (await res.json().catch(() => null)) as { id?: string } | null;
    return { status: res.status, id: res.status === 201 ? (body?.id ?? null) : null };
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    return { status: 0, id: null, error: cause?.code ?? String(e) };
  }
}

/** Posts `count` reports with `workers` in parallel; `after(done)` runs after each answer (for injecting faults). */
export async function postMany(
  url: string,
  count: number,
  workers: number,
  after?: (done: number, r: PostResult) => Promise<void> | void,
  pauseMs = 0,
): Promise<PostResult[]> {
  const results: PostResult[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < count) {
        const i = next++;
        const r = await postReport(url, i);
        results.push(r);
        await after?.(results.length, r);
        if (pauseMs) await new Promise((d) => setTimeout(d, pauseMs));
      }
    }),
  );
  return results;
}
