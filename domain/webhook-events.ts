// What a webhook endpoint may subscribe to, derived from the report events (the trigger in 0081 maps them).
export const WEBHOOK_EVENTS = ['report.created', 'report.status_changed', 'report.resolved'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
