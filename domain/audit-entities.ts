// What the administration audit trail records changes of: one list for the table's check, the API and /admin.
export const AUDIT_ENTITIES = [
  'routing_rule',
  'sla',
  'holiday',
  'staff',
  'unit',
  'unit_token',
  'wall_token',
  'canned_reply',
  'open311_client',
  'webhook',
  'webhook_delivery',
  'import_mapping',
] as const;

export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
