// The wall's KPI rules that both the live answer (sql + ingest) and a replayed moment (dashboard) apply, so the
// two agree to the digit: how far back the on-time share and time to triage look, and how they are rounded.

/** On-time share and time to triage look back this far from the moment. */
export const WALL_LOOKBACK_DAYS = 7;
/** Time to triage counts the desk's first actions in this window before the moment. */
export const TRIAGE_WINDOW_HOURS = 24;
/** Days are the centre's local days; the settings' sla_timezone overrides this default. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Resolved by the deadline, of those whose outcome is known, in % to one decimal; null when none is known. */
export const onTimePercent = (onTime: number, known: number): number | null =>
  known === 0 ? null : Math.round((1000 * onTime) / known) / 10;

/** Minutes to one decimal. */
export const tenthOfMinute = (minutes: number | null): number | null =>
  minutes === null ? null : Math.round(minutes * 10) / 10;
