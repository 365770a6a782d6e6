// Browser: /dispatch with MAP_PMTILES pointing at a small street basemap built here (test streets cut into vector
// tiles) draws road names with the shipped Be Vietnam Pro glyphs; the address search draws the matched street
// and the house on it. Screenshots in e2e/artifacts/.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, LineString } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningProduct } from '../main.ts';
import { buildAreaIndex } from '../geo/area-index.ts';
import { withTransaction } from '../sql/db.ts';
import { currentAreas } from '../sql/queries/areas.ts';
import { importStreets, streetsFromGeoJson } from '../sql/street-import.ts';
import type { TestDatabase } from '../sql/test-support/db.ts';
import { ARTIFACTS, launchChromium } from './support/chromium.ts';
import { startBrowserProduct } from './support/product.ts';
import { signInPage } from './support/sign-in.ts';
import { streetPmtiles } from './support/street-pmtiles.ts';

const street = (name: string, coordinates: [number, number][], extra: Record<string, string> = {}) => ({
  type: 'Feature' as const,
  properties: { highway: 'secondary', name, 'name:vi': name, ...extra },
  geometry: { type: 'LineString' as const, coordinates },
});
/** Test streets in Phường Hạc Thành (made up for the test, not OpenStreetMap data). */
const STREETS: FeatureCollection<LineString> = {
  type: 'FeatureCollection',
  features: [
    street(
      'Đường Lê Lợi',
      [
        [105.7745, 19.8065],
        [105.779, 19.8085],
      ],
      { 'addr:from': '2', 'addr:to': '200', 'addr:interpolation': 'even' },
    ),
    street('Phố Trần Phú', [
      [105.775, 19.81],
      [105.7752, 19.804],
    ]),
  ],
};

describe('/dispatch street map in the browser', () => {
  let test: TestDatabase;
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  const glyphAnswers: number[] = [];

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'street-map-')), 'streets.pmtiles');
    writeFileSync(file, streetPmtiles(STREETS));
    // No MAP_GLYPHS: the glyphs shipped in dashboard/map/glyphs label the roads.
    ({ test, product } = await startBrowserProduct({ mapPmtiles: file }));
    const areas = buildAreaIndex(await currentAreas(test.pool, 'commune'));
    const { streets } = streetsFromGeoJson(STREETS, areas, { source: 'test streets', licence: 'CC0-1.0' });
    await withTransaction(test.pool, (tx) => importStreets(tx, streets));
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'vi-VN' })).newPage();
    page.on('response', (r) => {
      if (r.url().includes('/tiles/fonts/')) glyphAnswers.push(r.status());
    });
    await signInPage(page, product.url, '/dispatch', 'dispatcher');
    await page.waitForSelector('[data-testid="dispatch-console"]');
    await page.waitForFunction(() => window.__hientruong !== undefined);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await test?.pool.end();
  });

  it('renders road labels from the PMTiles basemap with the shipped glyphs', async () => {
    await page.evaluate(() => window.__hientruong!.map.jumpTo({ center: [105.7767, 19.8075], zoom: 16 }));
    await page.waitForFunction(
      () => window.__hientruong!.map.queryRenderedFeatures({ layers: ['road-names'] }).length > 0,
      undefined,
      { timeout: 60_000, polling: 500 },
    );
    const names = await page.evaluate(() =>
      window.__hientruong!.map.queryRenderedFeatures({ layers: ['road-names'] }).map((f) => f.properties.name),
    );
    expect(new Set(names)).toEqual(new Set(['Đường Lê Lợi', 'Phố Trần Phú']));
    expect(glyphAnswers.length).toBeGreaterThan(0);
    expect(glyphAnswers.every((s) => s === 200)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/dispatch-street-map-labels.png` });
  }, 120_000);

  it('draws the street an address search matched, and the house on it', async () => {
    await page.fill('[data-testid="street-search"] input[name="address"]', 'số 100 Lê Lợi, P. Hạc Thành');
    await page.press('[data-testid="street-search"] input[name="address"]', 'Enter');
    await page.waitForSelector('[data-testid="street-candidate"]:has-text("Lê Lợi")');
    await page.evaluate(() => window.__hientruong!.idle());
    const res = await fetch(
      `${product.url}/api/v1/geocode/address?q=${encodeURIComponent('số 100 Lê Lợi, P. Hạc Thành')}`,
    );
    const [best] = ((await res.json()) as { candidates: { lat: number; lng: number; line: [number, number][] }[] })
      .candidates;
    // Pick through deck.gl where the house is, and a quarter of the way along the street.
    const picked = await page.evaluate(
      ([house, along]) => {
        const { map, deck } = window.__hientruong!;
        const at = (p: [number, number], layer: string) => {
          const { x, y } = map.project(p);
          return deck?.pickObject({ x, y, radius: 3, layerIds: [layer] })?.layer?.id ?? null;
        };
        return [at(house, 'matched-point'), at(along, 'matched-street')];
      },
      [
        [best.lng, best.lat],
        [
          best.line[0][0] + (best.line[1][0] - best.line[0][0]) / 4,
          best.line[0][1] + (best.line[1][1] - best.line[0][1]) / 4,
        ],
      ] as [[number, number], [number, number]],
    );
    expect(picked).toEqual(['matched-point', 'matched-street']);
    await page.screenshot({ path: `${ARTIFACTS}/dispatch-street-match.png` });
  }, 120_000);
});
