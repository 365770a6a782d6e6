// Open311 discovery, services and service definitions in both formats: JSON against schemas, XML element by element.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';
import { open311Client } from '../../test-support/open311-client.ts';
import { open311SchemaErrors } from '../../test-support/open311-schemas.ts';

describe('Open311 discovery and services', () => {
  let app: DispatchApp;
  let o311: ReturnType<typeof open311Client>;
  beforeAll(async () => {
    app = await startDispatchApp();
    o311 = open311Client(app.url);
  });
  afterAll(async () => app?.close());

  it('discovery.json lists this endpoint and both formats', async () => {
    const res = await o311.get('discovery.json');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/application\/json/);
    expect(open311SchemaErrors('discovery', res.json())).toEqual([]);
    expect(res.json().endpoints[0].url).toBe(`${app.url}/open311/v2`);
    expect(res.json().endpoints[0].formats).toEqual(['text/xml', 'application/json']);
  });

  it('discovery.xml nests endpoints > endpoint > formats > format', async () => {
    const res = await o311.get('discovery.xml');
    expect(res.type).toMatch(/application\/xml/);
    const d = res.xml().discovery;
    expect(d.changeset).toMatch(/\+07:00$/);
    expect(d.endpoints.endpoint).toHaveLength(1);
    const e = d.endpoints.endpoint[0];
    expect(e.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(e.url).toBe(`${app.url}/open311/v2`);
    expect(e.type).toBe('production');
    expect(e.formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('services.json has one service per category, in Vietnamese by default and English with locale=en', async () => {
    const vi = (await o311.get('services.json')).json();
    expect(open311SchemaErrors('services', vi)).toEqual([]);
    const codes = (await app.db.query<{ code: string }>('SELECT code FROM categories')).rows.map((r) => r.code);
    expect(vi.map((s: any) => s.service_code).sort()).toEqual(codes.sort());
    const road = vi.find((s: any) => s.service_code === 'road');
    expect(road.service_name).toBe('Hư hỏng đường sá, hạ tầng');
    expect(road.type).toBe('realtime');
    const en = (await o311.get('services.json?locale=en')).json();
    expect(en.find((s: any) => s.service_code === 'road').service_name).toBe('Road and infrastructure damage');
  });

  it('services.xml: services > service, each with the spec elements in order', async () => {
    const doc = (await o311.get('services.xml?jurisdiction_id=thanhhoa')).xml();
    const road = doc.services.service.find((s: any) => s.service_code === 'road');
    expect(Object.keys(road)).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    expect(road.service_name).toBe('Hư hỏng đường sá, hạ tầng');
    expect(['true', 'false']).toContain(road.metadata);
  });

  it('services/{code} answers the service definition in both formats', async () => {
    const json = await o311.get('services/road.json');
    expect(json.status).toBe(200);
    expect(open311SchemaErrors('serviceDefinition', json.json())).toEqual([]);
    expect(json.json().service_code).toBe('road');
    const xml = (await o311.get('services/road.xml')).xml();
    expect(xml.service_definition.service_code).toBe('road');
    expect(xml.service_definition).toHaveProperty('attributes');
  });

  it('a definition lists the category questions as attributes, values nested in XML, English with locale=en', async () => {
    const json = (await o311.get('services/road.json')).json();
    const kind = json.attributes.find((a: any) => a.code === 'damage_kind');
    expect(kind).toMatchObject({
      variable: true,
      datatype: 'multivaluelist',
      required: false,
      description: 'Loại hư hỏng',
    });
    expect(kind.values).toContainEqual({ key: 'pothole', name: 'Ổ gà' });
    const services = (await o311.get('services.json')).json();
    expect(services.find((s: any) => s.service_code === 'road').metadata).toBe(true);
    const xml = (await o311.get('services/flooding.xml?locale=en')).xml().service_definition;
    const [depth, passable] = xml.attributes.attribute;
    expect(depth).toMatchObject({ code: 'water_depth', datatype: 'number', order: '1' });
    expect(depth.description).toBe('About how deep is the water?');
    expect(depth.datatype_description).toContain('ankle');
    expect(passable.values.value).toEqual([
      { key: 'yes', name: 'Yes' },
      { key: 'no', name: 'No' },
    ]);
  });

  it.each([
    ['services/nope.json', 404],
    ['services/nope.xml', 404],
    ['services.csv', 404],
    ['services.json?locale=en&status=', 200],
  ])('%s answers %i in the errors shape when it fails', async (path, status) => {
    const res = await o311.get(path);
    expect(res.status).toBe(status);
    if (status === 200) return;
    if (path.endsWith('.xml')) {
      const errors = res.xml().errors.error;
      expect(errors[0].code).toBe(String(status));
      expect(errors[0].description).toContain('nope');
    } else {
      expect(open311SchemaErrors('errors', res.json())).toEqual([]);
      expect(res.json()[0].code).toBe(status);
    }
  });
});
