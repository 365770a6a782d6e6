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
import { op } from './operation.ts';

const VIEW = 'administrator, supervisor (read)';
const ADMIN = 'administrator';

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
    route: '/api/v1/track/:code',
    tag: 'tracking',
    summary: 'A report followed by its tracking code (the reporter, with its secret, sees more)',
    access: 'anyone',
  }),
  op({
    method: 'post',
    route: '/api/v1/track/:code/rating',
    tag: 'tracking',
    summary: 'The reporter rates the answer',
    access: 'the reporter (tracking secret)',
    body: ratingSchema,
  }),
  op({
    method: 'post',
    route: '/api/v1/track/:code/reopen',
    tag: 'tracking',
    summary: 'The reporter asks to reopen',
    access: 'the reporter (tracking secret)',
    body: reopenSchema,
  }),
  op({
    method: 'post',
    route: '/api/v1/track/:code/confirm',
    tag: 'tracking',
    summary: 'The reporter confirms the fix',
    access: 'the reporter (tracking secret)',
    body: confirmSchema,
  }),
];
