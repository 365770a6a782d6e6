// A valid alert request for tests, and a way to put one in a state without going through the API.
import { composeAlert } from '../commands/compose-alert.ts';
import type { Db } from '../../sql/db.ts';
import { findStaffByUsername, insertStaffIfMissing } from '../../sql/queries/staff.ts';
import type { StaffActor } from '../policies/roles.ts';
import { alertInputSchema } from '../schemas/alert-input.ts';

const hour = 3_600_000;
/** Hàm Rồng, Hạc Thành, Nguyệt Viên: three neighbouring wards of Thanh Hóa city. */
export const THREE_COMMUNES = ['14758', '14797', '15925'];

export const sampleAlert = (over: Record<string, unknown> = {}) => ({
  title: 'Cảnh báo mưa lớn',
  body: 'Mưa lớn 100–150 mm trong 24 giờ tới, đề phòng ngập úng.',
  titleEn: 'Heavy rain warning',
  bodyEn: 'Heavy rain of 100-150 mm in the next 24 hours; expect flooding.',
  category: 'weather',
  severity: 'Moderate',
  urgency: 'Expected',
  certainty: 'Likely',
  effective: new Date(Date.now() - 60_000).toISOString(),
  expires: new Date(Date.now() + 6 * hour).toISOString(),
  area: { communes: THREE_COMMUNES },
  ...over,
});

/** A supervisor account of its own, so the alerts it composes are nobody's among the test's callers. */
async function testPublisher(db: Db): Promise<StaffActor> {
  const account = { username: 'test-publisher', displayName: 'Test publisher', passwordHash: null, role: 'supervisor' };
  const row =
    (await insertStaffIfMissing(db, { ...account, agencyId: null, unitId: null, demo: false })) ??
    (await findStaffByUsername(db, account.username))!;
  return {
    kind: 'staff',
    role: 'supervisor',
    userId: row.id,
    name: row.display_name,
    agencyId: null,
    unitId: null,
    via: 'session',
  };
}

/** An alert composed by a publisher outside the test's callers (so any of them may approve it). */
export async function composeTestAlert(db: Db, over: Record<string, unknown> = {}): Promise<string> {
  const row = await composeAlert(db, await testPublisher(db), alertInputSchema.parse(sampleAlert(over)));
  return row.id;
}
