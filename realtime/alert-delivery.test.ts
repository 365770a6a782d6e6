// Who hears an alert, table by table: staff always; public screens by room and, finer, by what they look at.
import { describe, expect, it } from 'vitest';
import { circlePolygon, coverArea, coverAt } from '../geo/alert-area.ts';
import { listenerHears, screenPlace, viewCells, type AlertReach, type AlertListener } from './alert-delivery.ts';
import type { WatchRequest } from './protocol.ts';
import { PUBLIC_ROOM, roomsFor } from './rooms.ts';

const box = (lat: number, lng: number, d = 0.01): [number, number, number, number] => [
  lng - d,
  lat - d,
  lng + d,
  lat + d,
];
// A 2 km circle in the middle of Thanh Hóa city.
const cover = coverArea([circlePolygon(19.8, 105.78, 2000)])!;
const reach: AlertReach = { at5: coverAt(cover, 5), at7: coverAt(cover, 7) };

function publicScreen(watch?: WatchRequest): AlertListener {
  const assigned = roomsFor({ audience: 'public' }, watch);
  if (!assigned.ok) throw new Error(assigned.error.message);
  return { actor: { audience: 'public' }, room: assigned.rooms[0], view: viewCells(watch) };
}

describe('listenerHears', () => {
  it.each<[string, AlertListener, boolean]>([
    ['staff anywhere', { actor: { audience: 'staff', role: 'dispatcher' }, room: 'staff', view: null }, true],
    ['public, whole province, no view', publicScreen(), true],
    ['public area room over the alert', publicScreen({ bbox: box(19.8, 105.78) }), true],
    ['public area room far away', publicScreen({ bbox: box(20.3, 105.3) }), false],
    ['/map over the alert (alerts only)', publicScreen({ bbox: box(19.8, 105.78), alertsOnly: true }), true],
    ['/map 10 km away (alerts only)', publicScreen({ bbox: box(19.8, 105.68), alertsOnly: true }), false],
    ['/map zoomed out over the province', publicScreen({ bbox: [104.3, 19.2, 106.1, 20.7], alertsOnly: true }), true],
    ['/map zoomed out over the south', publicScreen({ bbox: [105, 10, 107, 11.5], alertsOnly: true }), false],
  ])('%s: %s', (_, listener, hears) => {
    expect(listenerHears(listener, reach)).toBe(hears);
  });

  it('a /map narrowing alerts stays in the province room: its report counters cover the province', () => {
    expect(publicScreen({ bbox: box(19.8, 105.78), alertsOnly: true }).room).toBe(PUBLIC_ROOM);
  });
});

describe('screenPlace', () => {
  it('a close view is placed at its centre cell, a zoomed-out one at the province', () => {
    const close = publicScreen({ bbox: box(19.8, 105.78), alertsOnly: true });
    expect(screenPlace(close)).toMatch(/^87/); // a res-7 cell
    expect(screenPlace(publicScreen({ bbox: [104.3, 19.2, 106.1, 20.7], alertsOnly: true }))).toBe('province');
    expect(screenPlace(publicScreen())).toBe('province');
  });
});
