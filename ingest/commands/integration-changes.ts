// Integration changes made from /admin: Open311 keys, webhooks, import mappings. Each writes its audit row in the
// same transaction (commands/admin-changes.ts `audited`); secrets (key hashes, signing secrets) never enter it.
import { errors, fieldIssue, reasons } from '../../domain/errors.ts';
import type { Db } from '../../sql/db.ts';
import {
  deleteImportMapping,
  findImportMappingById,
  saveImportMapping,
  updateImportMapping,
  type ImportMappingRow,
} from '../../sql/queries/import-mappings.ts';
import {
  findOpen311Client,
  insertOpen311Client,
  revokeOpen311Client,
  type Open311ClientRow,
} from '../../sql/queries/open311.ts';
import {
  disableWebhookEndpoint,
  findWebhookDelivery,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  replayWebhookDelivery,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from '../../sql/queries/webhooks.ts';
import type { StaffActor } from '../policies/roles.ts';
import { audited } from './admin-changes.ts';
import { staffCommand } from './command.ts';

export const issueOpen311Client = staffCommand('manage_integrations', runIssueOpen311Client);
async function runIssueOpen311Client(
  db: Db,
  actor: StaffActor,
  c: { slug: string; name: string; contact: string | null; keyHash: string },
): Promise<Open311ClientRow> {
  return audited(db, actor, { entity: 'open311_client', id: (after) => after.id, action: 'issue' }, async (tx) => {
    const after = await insertOpen311Client(tx, { ...c, createdBy: actor.userId });
    if (!after) throw errors.slugTaken();
    return { before: null, after };
  });
}

export const revokeClient = staffCommand('manage_integrations', runRevokeClient);
async function runRevokeClient(db: Db, actor: StaffActor, id: string): Promise<Open311ClientRow> {
  return audited(db, actor, { entity: 'open311_client', id, action: 'revoke' }, async (tx) => {
    const before = await findOpen311Client(tx, id);
    if (!before) throw errors.notFound('open311Client');
    return { before, after: (await revokeOpen311Client(tx, id))! };
  });
}

export const registerWebhook = staffCommand('manage_integrations', runRegisterWebhook);
async function runRegisterWebhook(
  db: Db,
  actor: StaffActor,
  e: { url: string; agencyId: string | null; events: string[]; secret: string },
): Promise<WebhookEndpointRow> {
  return audited(db, actor, { entity: 'webhook', id: (after) => after.id, action: 'register' }, async (tx) => {
    if (e.agencyId && !(await tx.query('SELECT 1 FROM agencies WHERE id = $1', [e.agencyId])).rows.length)
      throw errors.invalid([fieldIssue('agencyId', reasons.unknownAgency)]);
    return { before: null, after: await insertWebhookEndpoint(tx, { ...e, createdBy: actor.userId }) };
  });
}

export const disableWebhook = staffCommand('manage_integrations', runDisableWebhook);
async function runDisableWebhook(db: Db, actor: StaffActor, id: string): Promise<WebhookEndpointRow> {
  return audited(db, actor, { entity: 'webhook', id, action: 'disable' }, async (tx) => {
    const before = await findWebhookEndpoint(tx, id);
    if (!before) throw errors.notFound('webhookEndpoint');
    return { before, after: (await disableWebhookEndpoint(tx, id))! };
  });
}

/** The audit keeps the delivery's state, not its payload (the report data is in the event log already). */
const deliveryState = (d: WebhookDeliveryRow) => ({
  status: d.status,
  attempts: d.attempts,
  lastStatus: d.last_status,
});

export const replayDelivery = staffCommand('manage_integrations', runReplayDelivery);
async function runReplayDelivery(db: Db, actor: StaffActor, id: string): Promise<WebhookDeliveryRow> {
  await audited(db, actor, { entity: 'webhook_delivery', id, action: 'replay' }, async (tx) => {
    const before = await findWebhookDelivery(tx, id);
    if (!before) throw errors.notFound('webhookDelivery');
    const after = (await replayWebhookDelivery(tx, id))!;
    return { before: deliveryState(before), after: deliveryState(after) };
  });
  return (await findWebhookDelivery(db, id))!;
}

type MappingInput = { name: string; columns: Record<string, string>; categoryValues: Record<string, string> };

/** POST /imports/mappings: saves under its name, replacing the mapping of that name. */
export const saveMapping = staffCommand('manage_integrations', runSaveMapping);
async function runSaveMapping(db: Db, actor: StaffActor, m: MappingInput): Promise<ImportMappingRow> {
  return audited(db, actor, { entity: 'import_mapping', id: (after) => after.id, action: 'save' }, async (tx) => {
    const { rows } = await tx.query<{ id: string }>('SELECT id::text AS id FROM import_mappings WHERE name = $1', [
      m.name,
    ]);
    const before = rows[0] ? await findImportMappingById(tx, rows[0].id) : null;
    return { before, after: await saveImportMapping(tx, { ...m, by: actor.userId }) };
  });
}

export const editMapping = staffCommand('manage_integrations', runEditMapping);
async function runEditMapping(db: Db, actor: StaffActor, id: string, m: MappingInput): Promise<ImportMappingRow> {
  return audited(db, actor, { entity: 'import_mapping', id, action: 'edit' }, async (tx) => {
    const before = await findImportMappingById(tx, id);
    if (!before) throw errors.notFound('importMapping');
    const after = await updateImportMapping(tx, id, { ...m, by: actor.userId });
    if (!after) throw errors.mappingNameTaken();
    return { before, after };
  });
}

export const removeMapping = staffCommand('manage_integrations', runRemoveMapping);
async function runRemoveMapping(db: Db, actor: StaffActor, id: string): Promise<ImportMappingRow> {
  return audited(db, actor, { entity: 'import_mapping', id, action: 'delete' }, async (tx) => {
    const before = await findImportMappingById(tx, id);
    if (!before) throw errors.notFound('importMapping');
    await deleteImportMapping(tx, id);
    return { before, after: before };
  });
}
