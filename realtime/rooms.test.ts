// Room names come from one pure function; the public can never land in a staff room, whatever it asks.
import { describe, expect, it } from 'vitest';
import { cellToParent, latLngToCell } from 'h3-js';
import { errorBody, errors, fieldIssue, reasons, type Reason } from '../domain/errors.ts';
import { admit, handshakeRefusal } from './handshake.ts';
import type { SocketActor, WatchRequest } from './protocol.ts';
import {
  AREA_CELL_RES,
  AREA_ROOM_PREFIX,
  MAX_WATCH_CELLS,
  PUBLIC_ROOM,
  STAFF_ROOM,
  areaRoom,
  canJoin,
  roomReceives,
  roomsFor,
} from './rooms.ts';

const thanhHoa5 = latLngToCell(19.8075, 105.7766, 5);
const sầmSơn5 = latLngToCell(19.74, 105.9, 5);
const publicActor: SocketActor = { audience: 'public' };
const operator: SocketActor = { audience: 'staff', role: 'dispatcher' };
const officer: SocketActor = { audience: 'staff', role: 'agency_officer', agencyId: 'ubnd-14797' };

describe('roomsFor', () => {
  it.each<[string, SocketActor, WatchRequest | undefined, string[]]>([
    ['operator', operator, undefined, [STAFF_ROOM]],
    ['agency officer: only its agency', officer, undefined, ['staff:agency:ubnd-14797']],
    [
      'field officer: only its unit (the HTTP rule; remit-parity.test.ts)',
      { audience: 'staff', role: 'field_officer', agencyId: 'cong-an', unitId: 'u-1' },
      undefined,
      ['staff:unit:u-1'],
    ],
    [
      'dispatcher of the command center: the whole province',
      { audience: 'staff', role: 'dispatcher', agencyId: 'center' },
      undefined,
      [STAFF_ROOM],
    ],
    ['public, whole province', publicActor, undefined, [PUBLIC_ROOM]],
    ['public, one cell', publicActor, { cells: [thanhHoa5] }, [AREA_ROOM_PREFIX + thanhHoa5]],
    [
      'public, cells in any order share a room',
      publicActor,
      { cells: [sầmSơn5, thanhHoa5, thanhHoa5] },
      [areaRoom([thanhHoa5, sầmSơn5])],
    ],
    ['public, huge bbox: the province room', publicActor, { bbox: [100, 8, 110, 24] }, [PUBLIC_ROOM]],
    [
      'public, a map narrowing only alerts: the province room',
      publicActor,
      { bbox: [105.75, 19.78, 105.8, 19.83], alertsOnly: true },
      [PUBLIC_ROOM],
    ],
  ])('%s', (_, actor, watch, rooms) => {
    expect(roomsFor(actor, watch)).toEqual({ ok: true, rooms });
  });

  it('a bbox becomes the res-5 cells it overlaps', () => {
    const r = roomsFor(publicActor, { bbox: [105.75, 19.78, 105.8, 19.83] });
    expect(r.ok && r.rooms[0].startsWith(AREA_ROOM_PREFIX)).toBe(true);
    expect(r.ok && r.rooms[0]).toContain(thanhHoa5);
  });

  it.each<[string, WatchRequest]>([
    ['a res-9 cell', { cells: [latLngToCell(19.8, 105.7, 9)] }],
    ['not a cell', { cells: ['staff'] }],
    ['too many cells', { cells: new Array(MAX_WATCH_CELLS + 1).fill(thanhHoa5) }],
    ['inverted bbox', { bbox: [106, 20, 105, 19] }],
    ['bbox of strings', { bbox: ['a', 'b', 'c', 'd'] as unknown as [number, number, number, number] }],
    ['alertsOnly not a boolean', { bbox: [105.75, 19.78, 105.8, 19.83], alertsOnly: 'yes' as unknown as boolean }],
    ['alertsOnly with a bad bbox', { bbox: [106, 20, 105, 19], alertsOnly: true }],
  ])('rejects %s', (_, watch) => {
    expect(roomsFor(publicActor, watch).ok).toBe(false);
  });
});

describe('a refused watch or handshake says why in Vietnamese and English, from the catalogue', () => {
  const invalidVi = errors.invalid([]).messageVi;
  it.each<[string, unknown, string, Reason]>([
    ['not a cell', { cells: ['staff'] }, 'watch.cells.0', reasons.areaCell(AREA_CELL_RES)],
    ['no cells', { cells: [] }, 'watch.cells', reasons.atLeastItems(1)],
    [
      'too many cells',
      { cells: new Array(MAX_WATCH_CELLS + 1).fill(thanhHoa5) },
      'watch.cells',
      reasons.atMostItems(MAX_WATCH_CELLS),
    ],
    ['inverted bbox', { bbox: [106, 20, 105, 19] }, 'watch.bbox', reasons.bboxOrder],
    ['a bbox of strings', { bbox: ['a', 0, 1, 2] }, 'watch.bbox.0', reasons.mustBeNumber],
    ['alertsOnly not a boolean', { alertsOnly: 'yes' }, 'watch.alertsOnly', reasons.mustBeBoolean],
    ['not an object', 'everywhere', 'watch', reasons.mustBeObject],
  ])('%s: names %s', (_, watch, field, why) => {
    expect(roomsFor(publicActor, watch)).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        message: `Invalid input: ${field}: ${why.en}`,
        messageVi: invalidVi,
        fields: [{ field, reason: why.en, reasonVi: why.vi }],
      },
    });
  });

  it('a staff account with no agency or unit to follow is told so in both languages', () => {
    const r = roomsFor({ audience: 'staff', role: 'agency_officer', agencyId: null, unitId: null });
    expect(r).toMatchObject({ ok: false, error: errorBody(errors.nothingToFollow()).error });
  });

  it("a refused handshake's connect_error reads Vietnamese / English, the whole error as its data", async () => {
    const admitted = await admit({ watch: { bbox: [106, 20, 105, 19] } }, () => publicActor);
    if (admitted.ok) throw new Error('admitted a bad watch');
    const refusal = handshakeRefusal(admitted.error);
    expect(refusal.message).toBe(`watch.bbox: ${reasons.bboxOrder.vi} / ${reasons.bboxOrder.en}`);
    expect(refusal.data.fields).toEqual([fieldIssue('watch.bbox', reasons.bboxOrder)]);
  });
});

describe('canJoin', () => {
  const hostile: unknown[] = [
    STAFF_ROOM,
    'staff:agency:ubnd-14797',
    'staff:',
    'staff:cell:' + thanhHoa5,
    'Staff',
    'public:cell:staff',
    'public:cell:',
    AREA_ROOM_PREFIX + thanhHoa5 + '+staff',
    '',
    'staff#batch',
    '__proto__',
  ];

  it('a public socket can never join a staff room, whatever it asks', () => {
    for (const room of hostile) expect(canJoin(publicActor, room as string), String(room)).toBe(false);
    // Whatever a public client sends as its watch, the room it is given is a public one.
    const asks: unknown[] = [
      undefined,
      null,
      {},
      { cells: ['staff'] },
      { cells: [STAFF_ROOM, thanhHoa5] },
      { bbox: [0, 0, 1, 1] },
      { cells: [thanhHoa5], audience: 'staff' },
      { bbox: [105.7, 19.7, 105.9, 19.9], room: 'staff' },
      { cells: 'staff' },
    ];
    for (const ask of asks) {
      const r = roomsFor(publicActor, ask);
      if (r.ok)
        for (const room of r.rooms) {
          expect(room === PUBLIC_ROOM || room.startsWith(AREA_ROOM_PREFIX), room).toBe(true);
          expect(canJoin(publicActor, room)).toBe(true);
        }
    }
  });

  it('an agency officer joins only its own agency room', () => {
    expect(canJoin(officer, 'staff:agency:ubnd-14797')).toBe(true);
    expect(canJoin(officer, 'staff:agency:police')).toBe(false);
    expect(canJoin(officer, STAFF_ROOM)).toBe(false);
    expect(canJoin(operator, STAFF_ROOM)).toBe(true);
  });
});

describe('roomReceives', () => {
  const cell12 = latLngToCell(19.8075, 105.7766, 12);
  const scope = { agencyId: 'ubnd-14797', unitId: 'u-7', areaCell: cellToParent(cell12, 5) };
  it('area rooms hear their cells only, and nothing without a public location', () => {
    expect(roomReceives(areaRoom([thanhHoa5]), scope)).toBe(true);
    expect(roomReceives(areaRoom([sầmSơn5 === thanhHoa5 ? latLngToCell(10.8, 106.7, 5) : sầmSơn5]), scope)).toBe(false);
    expect(roomReceives(areaRoom([thanhHoa5]), { ...scope, areaCell: null })).toBe(false);
    expect(roomReceives(PUBLIC_ROOM, { ...scope, areaCell: null })).toBe(true);
  });
  it('agency rooms hear their agency only', () => {
    expect(roomReceives('staff:agency:ubnd-14797', scope)).toBe(true);
    expect(roomReceives('staff:agency:police', scope)).toBe(false);
    expect(roomReceives(STAFF_ROOM, scope)).toBe(true);
  });
  it('unit rooms hear their unit only', () => {
    expect(roomReceives('staff:unit:u-7', scope)).toBe(true);
    expect(roomReceives('staff:unit:u-8', scope)).toBe(false);
    expect(roomReceives('staff:unit:u-7', { ...scope, unitId: null })).toBe(false);
  });
});
