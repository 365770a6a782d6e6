// GET /api/v1/geocode/address?q=số 12 Lê Lợi, P. Hạc Thành, TP Thanh Hóa : imported streets ranked by the name,
// the commune (or former commune, "… cũ") the other parts name, and the house number when the street has a range.
import Router from '@koa/router';
import { z } from 'zod';
import { interpolateHouse, lineMiddle, parseStreetAddress, streetNameScore } from '../../../geo/street-address.ts';
import { findStreets } from '../../../sql/queries/streets.ts';
import type { IngestState } from '../../context.ts';
import type { AddressCandidateDTO } from '../../presenters/dto.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { because } from '../../../domain/zod-reasons.ts';

export const addressRouter = new Router<IngestState>({ prefix: '/api/v1' });

export const addressQuerySchema = z.object({
  q: z.string().trim().min(1, because('notEmpty')).max(200),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

/** A commune the typed parts name clearly enough to rank by (a former district names all its communes). */
const CLEAR_HIT = 60;

addressRouter.get('/geocode/address', async (ctx) => {
  const { q, limit } = parseOr422(addressQuerySchema, ctx.query);
  const parsed = parseStreetAddress(q);
  if (!parsed) {
    ctx.body = { q, candidates: [] };
    return;
  }
  const { deps } = ctx.state;
  const places = await deps.placeSearch();
  // Each part names communes (its best hits); the part right after the street is the most specific, later ones
  // (district, province) only confirm: "Lê Lợi, Sầm Sơn, Thanh Hóa" is in Sầm Sơn even though Thanh Hóa is wider.
  const bonus = new Map<string, number>();
  parsed.areaParts.forEach((part, i) => {
    const hits = places
      .search(part, 20)
      .filter((h) => h.score >= CLEAR_HIT && (h.kind === 'commune' || h.kind === 'former'));
    const best = hits[0]?.score ?? 0;
    const codes = new Set(
      hits.filter((h) => h.score >= best - 10).map((h) => h.area?.code ?? (h.kind === 'commune' ? h.code : null)),
    );
    for (const code of codes) if (code) bonus.set(code, (bonus.get(code) ?? 0) + (i === 0 ? 40 : 15));
  });
  const named = bonus.size > 0;
  const ranked = (await findStreets(deps.db, parsed.street)).flatMap((s) => {
    const name = streetNameScore(parsed.street, s.folded_name);
    if (name === 0) return [];
    const house =
      parsed.houseNumber !== null
        ? interpolateHouse(
            {
              coordinates: s.coordinates,
              houseFrom: s.house_from,
              houseTo: s.house_to,
              interpolation: s.interpolation,
            },
            parsed.houseNumber,
          )
        : null;
    const inCommune = (s.area_code !== null && bonus.get(s.area_code)) || 0;
    const score = name + (inCommune || (named ? -20 : 0)) + (house ? 10 : 0);
    const [lng, lat] = house ?? lineMiddle(s.coordinates);
    const area = deps.geocoder.lookup(lng, lat);
    return [
      {
        street: s.name,
        houseNumber: house ? parsed.houseNumber : null,
        exactHouse: house !== null,
        area: area ? { code: area.code, name: area.fullName || area.name } : null,
        lat,
        lng,
        line: s.coordinates,
        score,
      } satisfies AddressCandidateDTO,
    ];
  });
  ranked.sort((a, b) => b.score - a.score);
  ctx.body = { q, candidates: ranked.slice(0, limit) };
});
