// Against the live server (main.ts, feed process included): an Open311 request reaches the operators' feed and
// GET requests, and a client written from the GeoReport v2 text alone submits and polls until the report is fixed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { recordingClient, type RecordingClient } from '../../../realtime/test-support/feed-client.ts';
import { startTestProduct, type TestProduct } from '../../../realtime/test-support/test-product.ts';
import { DEMO_PASSWORD } from '../../../sql/seed/dispatch-data.ts';

/**
 * A minimal GeoReport v2 client from the specification's text: it knows only the base URL and its api_key,
 * reads the service list, posts a form, follows a token if it gets no id, and polls requests/{id}.xml.
 */
class SpecClient {
  private xml = new XMLParser({ isArray: (name) => ['service', 'request'].includes(name), parseTagValue: false });
  constructor(
    private base: string,
    private apiKey: string,
  ) {}
  private async getXml(path: string): Promise<any> {
    const res = await fetch(`${this.base}/${path}`);
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return this.xml.parse(await res.text());
  }
  async serviceCodes(): Promise<string[]> {
    return (await this.getXml('services.xml')).services.service.map((s: { service_code: string }) => s.service_code);
  }
  async submit(fields: Record<string, string>): Promise<string> {
    const res = await fetch(`${this.base}/requests.xml`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: this.apiKey, ...fields }).toString(),
    });
    if (!res.ok) throw new Error(`POST requests.xml: ${res.status} ${await res.text()}`);
    const [request] = this.xml.parse(await res.text()).service_requests.request;
    if (request.service_request_id) return request.service_request_id as string;
    const [byToken] = (await this.getXml(`tokens/${request.token}.xml`)).service_requests.request;
    return byToken.service_request_id as string;
  }
  async status(id: string): Promise<{ status: string; notes: string }> {
    const [r] = (await this.getXml(`requests/${id}.xml`)).service_requests.request;
    return { status: r.status, notes: r.status_notes };
  }
}

describe('Open311 on the live server', () => {
  let running: TestProduct;
  let staffFeed: RecordingClient;
  let apiKey: string;
  let session: { cookie: string; csrf: string };

  const api = (path: string, body: unknown) =>
    fetch(`${running.product.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    running = await startTestProduct();
    const login = await fetch(`${running.product.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    session = { cookie, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
    const issued = await api('/api/v1/open311/clients', { slug: 'city-app', name: 'Ứng dụng thành phố' });
    apiKey = ((await issued.json()) as { apiKey: string }).apiKey;
    staffFeed = recordingClient(running.product.url, { token: running.product.operatorToken });
    await staffFeed.hello;
  });
  afterAll(async () => {
    staffFeed?.close();
    await running?.stop();
  });

  it("a request posted through Open311 appears on the operators' feed and in GET requests", async () => {
    const client = new SpecClient(`${running.product.url}/open311/v2`, apiKey);
    const id = await client.submit({ service_code: 'flooding', lat: '19.8075', long: '105.7766', description: 'Ngập' });
    await staffFeed.waitFor((ns) => ns.some((n) => n.code === id && n.kind === 'report.created'));
    const listed = (await (await fetch(`${running.product.url}/open311/v2/requests.json`)).json()) as {
      service_request_id: string;
    }[];
    expect(listed.map((r) => r.service_request_id)).toContain(id);
  });

  it('the spec client submits, then polls requests/{id} until the report is closed with a note', async () => {
    const client = new SpecClient(`${running.product.url}/open311/v2`, apiKey);
    const codes = await client.serviceCodes();
    expect(codes).toContain('road');
    const id = await client.submit({ service_code: 'road', address_string: 'Phường Hạc Thành', first_name: 'Minh' });
    expect(await client.status(id)).toEqual({ status: 'open', notes: '' });
    const { rows } = await running.test.pool.query<{ id: string }>(
      'SELECT id::text AS id FROM reports WHERE tracking_code = $1',
      [id],
    );
    // Staff work the report through the product's own API while the client keeps polling.
    const work = (async () => {
      for (const step of [{ to: 'assigned' }, { to: 'in_progress' }, { to: 'resolved', publicReply: 'Đã sửa xong' }])
        expect((await api(`/api/v1/reports/${rows[0].id}/transitions`, step)).status).toBe(200);
    })();
    let seen = await client.status(id);
    for (let i = 0; i < 100 && seen.status !== 'closed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await client.status(id);
    }
    await work;
    expect(seen).toEqual({ status: 'closed', notes: 'Đã sửa xong' });
  });
});
