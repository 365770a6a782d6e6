// OASIS CAP 1.2 and its Atom feed, built with xmlbuilder2 (escaping and namespaces are the library's job).
import { create } from 'xmlbuilder2';
import { ALERT_CATEGORIES, type AlertCategory } from '../../domain/alert-vocabulary.ts';
import type { AlertRow } from '../../sql/queries/alerts.ts';

const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';
const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** CAP's dateTime has no fraction and no 'Z': the province's own offset, +07:00. */
export function capTime(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';
}

export const capIdentifier = (id: string): string => `hientruong-alert-${id}`;

/** CAP polygons are "lat,lon" pairs of closed rings; only outer rings (CAP has no holes). */
function capPolygons(a: AlertRow): string[] {
  return a.area_geometry.coordinates.map((rings) => rings[0].map(([lng, lat]) => `${lat},${lng}`).join(' '));
}

export interface CapContext {
  sender: string;
  /** The alert this one updates or cancels, for CAP `references`. */
  referenced: AlertRow | null;
}

export function alertToCap(a: AlertRow, ctx: CapContext): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const alert = doc.ele(CAP_NS, 'alert');
  alert.ele('identifier').txt(capIdentifier(a.id));
  alert.ele('sender').txt(ctx.sender);
  alert.ele('sent').txt(capTime(a.sent_at ?? a.created_at));
  alert.ele('status').txt('Actual');
  alert.ele('msgType').txt(a.msg_type);
  alert.ele('scope').txt('Public');
  if (ctx.referenced) {
    const r = ctx.referenced;
    alert.ele('references').txt(`${ctx.sender},${capIdentifier(r.id)},${capTime(r.sent_at ?? r.created_at)}`);
  }
  const category = ALERT_CATEGORIES[a.category as AlertCategory] ?? ALERT_CATEGORIES.info;
  const languages: { lang: string; event: string; headline: string; description: string }[] = [
    { lang: 'vi-VN', event: category.vi, headline: a.title, description: a.body },
  ];
  if (a.title_en)
    languages.push({ lang: 'en-US', event: category.en, headline: a.title_en, description: a.body_en ?? '' });
  for (const l of languages) {
    const info = alert.ele('info');
    info.ele('language').txt(l.lang);
    info.ele('category').txt(category.cap);
    info.ele('event').txt(l.event);
    info.ele('urgency').txt(a.urgency);
    info.ele('severity').txt(a.severity);
    info.ele('certainty').txt(a.certainty);
    info.ele('eventCode').ele('valueName').txt('hientruong-category').up().ele('value').txt(a.category);
    info.ele('effective').txt(capTime(a.effective));
    info.ele('expires').txt(capTime(a.expires));
    info.ele('headline').txt(l.headline);
    if (l.description) info.ele('description').txt(l.description);
    const area = info.ele('area');
    area.ele('areaDesc').txt(a.area_desc);
    for (const p of capPolygons(a)) area.ele('polygon').txt(p);
    for (const code of a.area_codes)
      area.ele('geocode').ele('valueName').txt('VN-GSO-2025').up().ele('value').txt(code);
  }
  return doc.end({ prettyPrint: true });
}

export function alertsToAtom(alerts: AlertRow[], origin: string, now: Date): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const feed = doc.ele(ATOM_NS, 'feed');
  feed.ele('id').txt(`${origin}/api/v1/alerts.atom`);
  feed.ele('title').txt('Cảnh báo đang có hiệu lực / Active alerts — Hiện Trường');
  const newest = alerts.reduce((t, a) => Math.max(t, (a.sent_at ?? a.created_at).getTime()), 0);
  feed.ele('updated').txt(new Date(newest || now.getTime()).toISOString());
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: `${origin}/api/v1/alerts.atom` });
  feed.ele('author').ele('name').txt('Hiện Trường');
  for (const a of alerts) {
    const entry = feed.ele('entry');
    entry.ele('id').txt(`${origin}/api/v1/alerts/${a.id}.cap`);
    entry.ele('title').txt(a.title);
    entry.ele('updated').txt((a.sent_at ?? a.created_at).toISOString());
    entry.ele('summary').txt(`${a.severity} · ${a.area_desc}`);
    entry.ele('link', { rel: 'alternate', type: 'application/cap+xml', href: `${origin}/api/v1/alerts/${a.id}.cap` });
  }
  return doc.end({ prettyPrint: true });
}
