// SLA deadlines over weekends, Tết and long weekends; the live flags; and the SQL twin agreeing with the pure one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../sql/db.ts';
import { CALENDAR_DAYS } from '../../sql/seed/sla-data.ts';
import { seedSlaConfig } from '../../sql/seed/seed-dispatch.ts';
import { freshDatabase } from '../../sql/test-support/db.ts';
import { isWorkingDay, slaDeadline, slaState, type SlaCalendar, type SlaUnit } from './sla.ts';

const cal: SlaCalendar = {
  weekendIsoDays: new Set([6, 7]),
  days: new Map(CALENDAR_DAYS.map((d) => [d.day, d.dayOff])),
  dayEndMinutes: 17 * 60,
  utcOffsetMinutes: 420,
};
const vn = (local: string) => new Date(`${local}+07:00`);

// [what, received (Viet Nam time), amount, unit, due (Viet Nam time)]
const CASES: [string, string, number, SlaUnit, string][] = [
  ['plain weekdays', '2026-03-03T10:00:00', 2, 'working_days', '2026-03-05T17:00:00'],
  ['across a weekend', '2026-03-06T09:00:00', 2, 'working_days', '2026-03-10T17:00:00'],
  ['received on a Saturday', '2026-03-07T22:00:00', 1, 'working_days', '2026-03-09T17:00:00'],
  ['late evening counts from the next day', '2026-03-03T23:30:00', 1, 'working_days', '2026-03-04T17:00:00'],
  ['across Tết Bính Ngọ (14-22/2/2026)', '2026-02-13T08:00:00', 1, 'working_days', '2026-02-23T17:00:00'],
  ['five days across Tết (13/2, then 23-26/2)', '2026-02-12T08:00:00', 5, 'working_days', '2026-02-26T17:00:00'],
  ['across 30/4-1/5 2026 (Thu-Fri, then the weekend)', '2026-04-29T15:00:00', 1, 'working_days', '2026-05-04T17:00:00'],
  [
    'across Giỗ Tổ in lieu (Mon 27/4) and 30/4-1/5: 28, 29/4 then 4/5',
    '2026-04-24T15:00:00',
    3,
    'working_days',
    '2026-05-04T17:00:00',
  ],
  ['across Quốc khánh 1-2/9/2026', '2026-08-31T10:00:00', 1, 'working_days', '2026-09-03T17:00:00'],
  ['New Year 2027 then a weekend', '2026-12-31T12:00:00', 1, 'working_days', '2027-01-04T17:00:00'],
  ['hours ignore the calendar', '2026-02-14T23:00:00', 24, 'hours', '2026-02-15T23:00:00'],
  ['UTC midnight is already the next local day', '2026-03-05T17:30:00', 1, 'working_days', '2026-03-06T17:00:00'],
];

describe('slaDeadline (pure)', () => {
  it.each(CASES)('%s', (_what, received, amount, unit, due) => {
    expect(slaDeadline(vn(received), amount, unit, cal).toISOString()).toBe(vn(due).toISOString());
  });

  it('a swapped working Saturday counts as a working day', () => {
    const swapped: SlaCalendar = { ...cal, days: new Map([...cal.days, ['2026-03-07', false]]) };
    expect(isWorkingDay('2026-03-07', swapped)).toBe(true);
    expect(slaDeadline(vn('2026-03-06T09:00:00'), 1, 'working_days', swapped).toISOString()).toBe(
      vn('2026-03-07T17:00:00').toISOString(),
    );
  });

  it('Saturday can be made a working day for the whole week rule', () => {
    const sixDays: SlaCalendar = { ...cal, weekendIsoDays: new Set([7]) };
    expect(slaDeadline(vn('2026-03-06T09:00:00'), 1, 'working_days', sixDays).toISOString()).toBe(
      vn('2026-03-07T17:00:00').toISOString(),
    );
  });
});

describe('slaState: overdue and at-risk flags', () => {
  const r = {
    status: 'received' as const,
    created_at: vn('2026-03-03T08:00:00'),
    response_due_at: vn('2026-03-03T12:00:00'),
    due_at: vn('2026-03-10T17:00:00'),
  };
  it.each([
    ['2026-03-03T09:00:00', false, false],
    ['2026-03-03T11:00:00', false, true],
    ['2026-03-03T12:00:00', true, false],
  ])('at %s overdue=%s atRisk=%s (response phase)', (now, overdue, atRisk) => {
    expect(slaState(r, vn(now))).toMatchObject({ phase: 'response', overdue, atRisk });
  });
  it('assigned reports run on the resolution deadline; resolved ones on none', () => {
    expect(slaState({ ...r, status: 'in_progress' }, vn('2026-03-04T09:00:00'))).toMatchObject({
      phase: 'resolution',
      overdue: false,
    });
    expect(slaState({ ...r, status: 'in_progress' }, vn('2026-03-11T09:00:00'))).toMatchObject({ overdue: true });
    expect(slaState({ ...r, status: 'resolved' }, vn('2026-04-01T09:00:00'))).toMatchObject({
      phase: null,
      overdue: false,
      atRisk: false,
    });
  });
});

describe('sla_deadline (SQL) agrees with the pure function', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase();
    await seedSlaConfig(db);
  });
  afterAll(async () => db?.end());

  it.each(CASES)('%s', async (_what, received, amount, unit, due) => {
    const { rows } = await db.query('SELECT sla_deadline($1::timestamptz, $2, $3) AS due', [
      vn(received),
      amount,
      unit,
    ]);
    expect(rows[0].due.toISOString()).toBe(vn(due).toISOString());
  });

  it('a new report gets both deadlines from its category on insert', async () => {
    const { rows } = await db.query(
      `INSERT INTO reports (category, description, lat, lng, h3_cell, created_at) VALUES ('road', 'x', 19.8, 105.7, 1, $1)
       RETURNING response_due_at, due_at`,
      [vn('2026-02-12T08:00:00')],
    );
    expect(rows[0].response_due_at.toISOString()).toBe(vn('2026-02-12T12:00:00').toISOString());
    expect(rows[0].due_at.toISOString()).toBe(vn('2026-02-26T17:00:00').toISOString());
  });
});
