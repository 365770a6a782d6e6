// Every (from, to) pair for every role, against a spec written out by hand: changing the table means changing this.
import { describe, expect, it } from 'vitest';
import { decideTransition, type ReportScope } from './permissions.ts';
import { ROLES, type Role } from '../../domain/roles.ts';
import type { StaffActor } from './roles.ts';
import { REPORT_STATUSES as STATUSES } from '../../domain/report-status.ts';
import { staffActor } from '../test-support/actors.ts';

const SPEC: Record<string, string> = {
  'received>triaged': 'administrator supervisor dispatcher',
  'reopened>triaged': 'administrator supervisor dispatcher',
  'received>assigned': 'administrator supervisor dispatcher',
  'triaged>assigned': 'administrator supervisor dispatcher',
  'reopened>assigned': 'administrator supervisor dispatcher',
  'assigned>triaged': 'administrator supervisor dispatcher agency_officer',
  'assigned>in_progress': 'administrator supervisor dispatcher agency_officer field_officer',
  'assigned>resolved': 'administrator supervisor dispatcher agency_officer field_officer',
  'in_progress>resolved': 'administrator supervisor dispatcher agency_officer field_officer',
  'resolved>closed': 'administrator supervisor dispatcher',
  'received>rejected': 'administrator supervisor dispatcher',
  'triaged>rejected': 'administrator supervisor dispatcher',
  'reopened>rejected': 'administrator supervisor dispatcher',
  'resolved>reopened': 'administrator supervisor dispatcher',
  'closed>reopened': 'administrator supervisor',
  'rejected>reopened': 'administrator supervisor',
};
// Legal, but only through POST /merge.
const MERGE = ['received>merged', 'triaged>merged', 'reopened>merged'];

const actor = (role: Role): StaffActor => staffActor(role);
// In the agency's and the unit's remit, so only the table decides.
const report = (status: string): ReportScope => ({
  status,
  agency_id: 'so-xay-dung',
  unit_id: 'xd-01',
  resolved_at: new Date(),
});
const full = { reason: 'spam', note: 'n', publicReply: 'p' };

const cases = STATUSES.flatMap((from) => STATUSES.flatMap((to) => ROLES.map((role) => [from, to, role] as const)));

describe('the transition table', () => {
  it.each(cases)('%s -> %s as %s', (from, to, role) => {
    const d = decideTransition(actor(role), report(from), { to, ...full }, new Date());
    const key = `${from}>${to}`;
    if (MERGE.includes(key)) {
      expect(d.ok ? 'ok' : d.error.kind).toBe(
        ['administrator', 'supervisor', 'dispatcher'].includes(role) ? 'conflict' : 'forbidden',
      );
    } else if (!(key in SPEC)) {
      expect(d.ok ? 'ok' : d.error.kind).toBe('conflict');
    } else {
      expect(d.ok ? 'ok' : d.error.kind).toBe(SPEC[key].split(' ').includes(role) ? 'ok' : 'forbidden');
    }
  });

  it('the public is told to sign in before anything else', () => {
    expect(decideTransition({ kind: 'public' }, report('received'), { to: 'closed' }, new Date())).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
  });

  it('merge moves pass only with via=merge', () => {
    expect(decideTransition(actor('dispatcher'), report('received'), { to: 'merged' }, new Date(), 'merge').ok).toBe(
      true,
    );
  });

  it.each([
    ['rejected', {}, 'reason'],
    ['rejected', { reason: 'boring' }, 'reason'],
    ['reopened', {}, 'note'],
    ['resolved', {}, 'publicReply'],
    ['resolved', { publicReply: '   ' }, 'publicReply'],
  ] as const)('-> %s with %j is a 422 naming %s', (to, extra, field) => {
    const from = to === 'rejected' ? 'received' : to === 'reopened' ? 'resolved' : 'in_progress';
    expect(decideTransition(actor('dispatcher'), report(from), { to, ...extra }, new Date())).toMatchObject({
      ok: false,
      error: { kind: 'invalid', fields: [{ field }] },
    });
  });

  it('agency officers and field officers act only within their agency and unit', () => {
    const elsewhere: ReportScope = { status: 'assigned', agency_id: 'dien-luc', unit_id: 'dl-01', resolved_at: null };
    for (const role of ['agency_officer', 'field_officer'] as const) {
      expect(decideTransition(actor(role), elsewhere, { to: 'in_progress' }, new Date())).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
    }
    expect(decideTransition(actor('dispatcher'), elsewhere, { to: 'in_progress' }, new Date()).ok).toBe(true);
  });

  it('reopening a resolved report closes after seven days', () => {
    const r = { ...report('resolved'), resolved_at: new Date('2026-03-01T00:00:00Z') };
    expect(
      decideTransition(actor('dispatcher'), r, { to: 'reopened', note: 'n' }, new Date('2026-03-07T23:00:00Z')).ok,
    ).toBe(true);
    expect(
      decideTransition(actor('dispatcher'), r, { to: 'reopened', note: 'n' }, new Date('2026-03-08T01:00:00Z')),
    ).toMatchObject({ error: { kind: 'conflict', code: 'reopen_window_passed' } });
  });
});
