// What a field unit is doing; only an available unit is suggested for a new job.
export const UNIT_STATUSES = ['available', 'en_route', 'on_scene', 'off_duty'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
