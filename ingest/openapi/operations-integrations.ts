// Operations of the integration surface administered from /admin: Open311 keys, webhooks, hotline imports.
import { XLSX_TYPE } from '../imports/read-table.ts';
import { importMappingInput, importQuery } from '../routes/api/imports.ts';
import { open311ClientInput } from '../routes/api/open311-clients.ts';
import { webhookInput } from '../routes/api/webhooks.ts';
import { op } from './operation.ts';
import { DESK } from './operations-staff.ts';

/** Supervisors read what administrators change. */
const READERS = 'administrator, supervisor (read-only)';

export const INTEGRATION_OPERATIONS = [
  op({
    method: 'get',
    route: '/api/v1/open311/clients',
    tag: 'integrations',
    summary: 'Open311 clients',
    access: READERS,
  }),
  op({
    method: 'post',
    route: '/api/v1/open311/clients',
    tag: 'integrations',
    summary: 'Issue an Open311 api_key (shown once)',
    access: 'administrator',
    body: open311ClientInput,
    responses: { '201': 'Issued', '409': 'slug already issued' },
  }),
  op({
    method: 'post',
    route: '/api/v1/open311/clients/:id/revoke',
    tag: 'integrations',
    summary: "Revoke a client's api_key",
    access: 'administrator',
  }),
  op({
    method: 'get',
    route: '/api/v1/webhooks',
    tag: 'integrations',
    summary: 'Webhook endpoints',
    access: READERS,
  }),
  op({
    method: 'post',
    route: '/api/v1/webhooks',
    tag: 'integrations',
    summary: 'Register an https endpoint for an agency and event types (the signing secret is shown once)',
    access: 'administrator',
    body: webhookInput,
    responses: { '201': 'Registered' },
  }),
  op({
    method: 'post',
    route: '/api/v1/webhooks/:id/disable',
    tag: 'integrations',
    summary: 'Stop an endpoint',
    access: 'administrator',
  }),
  op({
    method: 'get',
    route: '/api/v1/webhooks/:id/deliveries',
    tag: 'integrations',
    summary: "An endpoint's latest deliveries, each with its attempt log (when, HTTP status or error, duration)",
    access: READERS,
  }),
  op({
    method: 'post',
    route: '/api/v1/webhooks/deliveries/:id/replay',
    tag: 'integrations',
    summary: 'Send a delivery again now (a fresh 24-hour window)',
    access: 'administrator',
  }),
  op({
    method: 'post',
    route: '/api/v1/imports',
    tag: 'integrations',
    summary:
      "Import a call centre's tickets as hotline reports; with a bad row nothing is written (422 per row and field) unless goodRows=import",
    access: DESK,
    query: importQuery,
    upload: ['text/csv', XLSX_TYPE],
    responses: { '201': 'Imported', '422': 'Bad rows, each named by its number in the file and the field' },
  }),
  op({
    method: 'get',
    route: '/api/v1/imports/mappings',
    tag: 'integrations',
    summary: 'Saved column mappings',
    access: DESK,
  }),
  op({
    method: 'post',
    route: '/api/v1/imports/mappings',
    tag: 'integrations',
    summary: 'Save a column mapping by name (replaces the one of that name); audited',
    access: 'administrator',
    body: importMappingInput,
  }),
  op({
    method: 'post',
    route: '/api/v1/imports/mappings/:id',
    tag: 'integrations',
    summary: 'Edit a column mapping, its name included; audited',
    access: 'administrator',
    body: importMappingInput,
    responses: { '409': "The name is another mapping's" },
  }),
  op({
    method: 'post',
    route: '/api/v1/imports/mappings/:id/delete',
    tag: 'integrations',
    summary: 'Delete a column mapping; audited',
    access: 'administrator',
  }),
];
