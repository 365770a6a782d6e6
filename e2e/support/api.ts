// The product's API as a browser test's other clients use it: a citizen's app filing a report, a field unit's device.
import { expect } from 'vitest';
import type { CreatedReportDTO } from '../../ingest/presenters/dto.ts';

/** POSTs JSON (as a field unit when given its token); the test fails unless it is accepted. Returns the answer. */
export async function postJson<T>(baseUrl: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  expect(res.status, path).toBeLessThan(300);
  return (await res.json()) as T;
}

export interface ReportToFile {
  category: string;
  description: string;
  lat: number;
  lng: number;
  reporter?: { name?: string; phone?: string };
}

/** Files a report as the citizen app does, without signing in. */
export function postReport(baseUrl: string, report: ReportToFile): Promise<CreatedReportDTO> {
  return postJson<CreatedReportDTO>(baseUrl, '/api/v1/reports', report);
}
