import { describe, expect, it } from 'vitest';
import type { AlertDTO } from '../../ingest/presenters/dto.ts';
import type { AlertNotice } from '../../realtime/protocol.ts';
import { alertFromNotice, applyAlertNotice, applyReload, fromNoticeOnly } from './alert-notice.ts';
import { alertInView } from './in-view.ts';

const notice = (over: Partial<AlertNotice> = {}): AlertNotice => ({
  eventId: '41',
  kind: 'alert',
  alertId: '7',
  change: 'published',
  replaces: null,
  category: 'flood',
  severity: 'Moderate',
  urgency: 'Expected',
  headline: 'Cảnh báo ngập úng',
  headlineEn: 'Flood warning',
  effective: '2026-12-06T05:00:00.000Z',
  expires: '2026-12-06T11:00:00.000Z',
  bounds: [105.7, 19.7, 105.9, 19.9],
  areaCodes: ['14797'],
  at: '2026-12-06T05:00:01.000Z',
  ...over,
});

/** An alert as the list over HTTP has it: text and area. */
const loaded = (id: string): AlertDTO => ({
  ...alertFromNotice(notice({ alertId: id })),
  body: 'Mưa lớn gây ngập.',
  areaDesc: 'Hạc Thành',
  certainty: 'Likely',
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [105.7, 19.7],
          [105.9, 19.7],
          [105.9, 19.9],
          [105.7, 19.7],
        ],
      ],
    ],
  },
});

describe('applyAlertNotice', () => {
  it('puts a published alert in front at once, as far as its notice tells', () => {
    const list = applyAlertNotice([loaded('3')], notice());
    expect(list.map((a) => a.id)).toEqual(['7', '3']);
    expect(list[0]).toMatchObject({
      title: 'Cảnh báo ngập úng',
      titleEn: 'Flood warning',
      severity: 'Moderate',
      category: 'flood',
      expires: '2026-12-06T11:00:00.000Z',
      areaCodes: ['14797'],
      capUrl: '/api/v1/alerts/7.cap',
      body: '',
    });
    expect(fromNoticeOnly(list[0])).toBe(true);
    expect(fromNoticeOnly(list[1])).toBe(false);
  });

  it('swaps an update in for the version it replaces', () => {
    const list = applyAlertNotice(
      [loaded('3'), loaded('5')],
      notice({ alertId: '8', change: 'updated', replaces: '3' }),
    );
    expect(list.map((a) => [a.id, a.msgType, a.references])).toEqual([
      ['8', 'Update', '3'],
      ['5', 'Alert', null],
    ]);
  });

  it.each(['cancelled', 'expired'] as const)('takes a %s alert out', (change) => {
    expect(applyAlertNotice([loaded('7'), loaded('5')], notice({ change })).map((a) => a.id)).toEqual(['5']);
  });

  it('keeps the text and area of an alert the list already has', () => {
    const [first] = applyAlertNotice([loaded('7')], notice());
    expect(first.body).toBe('Mưa lớn gây ngập.');
    expect(fromNoticeOnly(first)).toBe(false);
  });
});

describe('alertInView of an alert known only from its notice', () => {
  const heard = alertFromNotice(notice());
  it.each([
    ['a view inside its bounds', [105.75, 19.75, 105.8, 19.8], true],
    ['a view far away', [105.2, 20.2, 105.4, 20.4], false],
  ] as const)('%s: %s', (_, box, inView) => {
    expect(alertInView(heard, [...box])).toBe(inView);
  });
});

describe('a reload over HTTP', () => {
  it('replaces the list, keeping an alert heard by notice that the answer does not hold yet', () => {
    const heard = applyAlertNotice([loaded('5')], notice({ alertId: '8' }));
    const reloaded = applyReload(heard, [loaded('5')]);
    expect(reloaded.map((a) => a.id)).toEqual(['8', '5']);
    expect(fromNoticeOnly(reloaded[0])).toBe(true);
  });

  it('takes the loaded version once the answer holds it, and drops what the answer no longer holds', () => {
    const heard = applyAlertNotice([loaded('5')], notice({ alertId: '8' }));
    const reloaded = applyReload(heard, [loaded('8')]);
    expect(reloaded.map((a) => a.id)).toEqual(['8']);
    expect(fromNoticeOnly(reloaded[0])).toBe(false);
  });

  it('keeps hiding the version an update heard by notice replaced, while the answer still holds the old one', () => {
    const heard = applyAlertNotice([loaded('5')], notice({ alertId: '9', replaces: '5' }));
    expect(applyReload(heard, [loaded('5')]).map((a) => a.id)).toEqual(['9']);
  });
});
