// Operations of the administration screens (/admin) and of a citizen following a report by its tracking code.
import {
  auditQuerySchema,
  holidaySchema,
  holidaysQuerySchema,
  routingPreviewSchema,
  slaSchema,
  staffChangeSchema,
  unitSchema,
} from '../schemas/admin-input.ts';
import { confirmSchema, ratingSchema, reopenSchema } from '../schemas/track-input.ts';
import { subscribeSchema, unsubscribeSchema } from '../schemas/push-input.ts';
import { queueFilterSchema } from '../schemas/dispatch-input.ts';
import { moderationSchema } from '../routes/api/photos.ts';
import { op } from './operation.ts';

const VIEW = 'administrator, supervisor (read)';
const ADMIN = 'administrator';

const TRACK = '/api/v1/track/:code';
export const ADMIN_OPERATIONS = [
  op({ method: 'get', route: '/api/v1/admin/sla', tag: 'admin', summary: 'SLA targets per category', access: VIEW }),
  op({
    method: 'post',
    route: '/api/v1/admin/sla/:category',
    tag: 'admin',
    summary: "Change a category's SLA targets",
    access: ADMIN,
    body: slaSchema,
  }),
  op({
    method: 'get',
    route: '/api/v1/admin/holidays',
    tag: 'admin',
    summary: 'Holidays of a year (SLA clock)',
    access: VIEW,
    query: holidaysQuerySchema,
  }),
  op({
    method: 'post',
    route: '/api/v1/admin/holidays',
    tag: 'admin',
    summary: 'Add a holiday',
    access: ADMIN,
    body: holidaySchema,
  }),
  op({
    method: 'post',
    route: '/api/v1/admin/holidays/:day/delete',
    tag: 'admin',
    summary: 'Remove a holiday',
    access: ADMIN,
  }),
  op({
    method: 'post',
    route: '/api/v1/admin/staff/:id',
    tag: 'admin',
    summary: "Change a staff account's role, agency or state",
    access: ADMIN,
    body: staffChangeSchema,
  }),
  op({ method: 'get', route: '/api/v1/admin/units', tag: 'admin', summary: 'Field units to administer', access: VIEW }),
  op({
    method: 'post',
    route: '/api/v1/admin/units',
    tag: 'admin',
    summary: 'Add or change a field unit',
    access: ADMIN,
    body: unitSchema,
  }),
  op({
    method: 'get',
    route: '/api/v1/admin/routing-preview',
    tag: 'admin',
    summary: 'Which agency a report of a category at a place would go to',
    access: VIEW,
    query: routingPreviewSchema,
  }),
  op({
    method: 'get',
    route: '/api/v1/admin/audit',
    tag: 'admin',
    summary: 'The audit log',
    access: VIEW,
    query: auditQuerySchema,
  }),
  op({
    method: 'get',
    route: TRACK,
    tag: 'citizens',
    summary:
      'A report followed by its tracking code: status, phase, public timeline with replies, approved photos; the secret (?k= or X-Tracking-Secret) proves the reporter',
    access: 'anyone (reporter with the secret)',
    responses: { '400': 'Not a tracking code', '404': 'No report has this code' },
  }),
  op({
    method: 'post',
    route: `${TRACK}/rating`,
    tag: 'citizens',
    summary: 'The reporter rates the resolution (1-5, comment)',
    access: 'reporter (secret)',
    body: ratingSchema,
    responses: { '403': 'Wrong secret', '409': 'Not resolved' },
  }),
  op({
    method: 'post',
    route: `${TRACK}/reopen`,
    tag: 'citizens',
    summary: 'The reporter reopens it within 7 days of resolution: back in the dispatch queue with the reason',
    access: 'reporter (secret)',
    body: reopenSchema,
    responses: { '403': 'Wrong secret', '409': 'Outside the 7-day window, or not resolved' },
  }),
  op({
    method: 'post',
    route: `${TRACK}/confirm`,
    tag: 'citizens',
    summary: 'The reporter confirms it fixed: closed',
    access: 'reporter (secret)',
    body: confirmSchema,
    responses: { '403': 'Wrong secret', '409': 'Not resolved' },
  }),
  op({
    method: 'get',
    route: '/api/v1/photos/:id/:variant',
    tag: 'citizens',
    summary:
      'A photo, variant thumb (320 px) or display (1600 px), WebP without metadata: public once approved, staff always',
    access: 'anyone (approved photos), staff',
    produces: 'image/webp',
    responses: { '404': 'No such photo, or not approved' },
  }),
  op({
    method: 'get',
    route: '/api/v1/reports/:id/photos',
    tag: 'citizens',
    summary: "A report's photos with their moderation state (pending, approved, rejected)",
    access: 'staff',
  }),
  op({
    method: 'post',
    route: '/api/v1/photos/:id/moderation',
    tag: 'citizens',
    summary: 'Approve a photo for the public, or reject it (with a reason)',
    access: 'desk (administrator, supervisor, dispatcher)',
    body: moderationSchema,
  }),
  op({ method: 'get', route: '/api/v1/push/key', tag: 'push', summary: 'The VAPID public key', access: 'anyone' }),
  op({
    method: 'post',
    route: '/api/v1/push/subscriptions',
    tag: 'push',
    summary: 'Subscribe to alerts of a commune or a point, or to a followed report',
    access: 'anyone',
    body: subscribeSchema,
  }),
  op({
    method: 'post',
    route: '/api/v1/push/unsubscribe',
    tag: 'push',
    summary: 'Unsubscribe',
    access: 'anyone',
    body: unsubscribeSchema,
  }),
  op({
    method: 'get',
    route: '/api/v1/queue/export.csv',
    tag: 'dispatch',
    summary: 'The filtered queue as CSV',
    access: 'staff',
    query: queueFilterSchema,
    produces: 'text/csv',
  }),
  op({
    method: 'get',
    route: '/api/v1/queue/export.geojson',
    tag: 'dispatch',
    summary: 'The filtered queue as GeoJSON',
    access: 'staff',
    query: queueFilterSchema,
    produces: 'application/geo+json',
  }),
];
