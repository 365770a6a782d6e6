// POST /api/v1/imports: a call centre's tickets (CSV or XLSX) become hotline reports. Every row is checked first;
// with any bad row nothing is written (422 naming each row and field) unless `goodRows=import` is asked for.
import Router from '@koa/router';
import { z } from 'zod';
import type { IngestState } from '../../context.ts';
import { errorBody, errors, fieldIssue, reasons } from '../../../domain/errors.ts';
import { createReports } from '../../commands/create-reports.ts';
import { checkHotlineRows, MAPPED_FIELDS, type ColumnMapping } from '../../imports/hotline-rows.ts';
import { readTable, XLSX_TYPE } from '../../imports/read-table.ts';
import { editMapping, removeMapping, saveMapping } from '../../commands/integration-changes.ts';
import { isDesk } from '../../policies/permissions.ts';
import { invalidFields, parseOr422 } from '../../schemas/validate.ts';
import { because } from '../../../domain/zod-reasons.ts';
import { findImportMapping, listImportMappings, type ImportMappingRow } from '../../../sql/queries/import-mappings.ts';
import { authorize, idParam, permittedTo, requireStaff } from './guard.ts';

/** The largest file accepted: a month of a province's hotline is a few thousand rows. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const importMappingInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  columns: z.strictObject(
    Object.fromEntries(MAPPED_FIELDS.map((f) => [f, z.string().trim().min(1).max(200).optional()])) as Record<
      (typeof MAPPED_FIELDS)[number],
      z.ZodOptional<z.ZodString>
    >,
  ),
  categoryValues: z.record(z.string().max(200), z.string().max(64)).optional(),
});

export const importQuery = z.object({
  mapping: z
    .string({ error: because('mappingRequired') })
    .min(1)
    .max(100),
  goodRows: z.enum(['import'], { error: because('goodRowsImport') }).optional(),
});

export const importsRouter = new Router<IngestState>({ prefix: '/api/v1/imports' });

importsRouter.use((ctx, next) => {
  authorize(isDesk(requireStaff(ctx.state.actor)), 'import hotline tickets');
  return next();
});

const presentMapping = (m: ImportMappingRow) => ({
  id: m.id,
  name: m.name,
  columns: m.columns,
  categoryValues: m.category_values,
  updatedAt: m.updated_at.toISOString(),
});

importsRouter.get('/mappings', async (ctx) => {
  ctx.body = { mappings: (await listImportMappings(ctx.state.deps.db)).map(presentMapping) };
});

// The desk imports with a mapping; only an administrator saves, edits or deletes one (audited).
function mappingOf(body: unknown) {
  const input = parseOr422(importMappingInput, body);
  if (!input.columns.category || !input.columns.description)
    throw invalidFields([fieldIssue('columns', reasons.categoryAndDescriptionMapped)]);
  return {
    name: input.name,
    columns: input.columns as Record<string, string>,
    categoryValues: input.categoryValues ?? {},
  };
}

importsRouter.post('/mappings', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, saveMapping);
  ctx.body = presentMapping(await saveMapping(ctx.state.deps.db, actor, mappingOf(ctx.request.body)));
});

importsRouter.post('/mappings/:id', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, editMapping);
  const id = idParam(ctx);
  ctx.body = presentMapping(await editMapping(ctx.state.deps.db, actor, id, mappingOf(ctx.request.body)));
});

importsRouter.post('/mappings/:id/delete', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, removeMapping);
  ctx.body = presentMapping(await removeMapping(ctx.state.deps.db, actor, idParam(ctx)));
});

async function readUpload(ctx: { req: NodeJS.ReadableStream }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_IMPORT_BYTES) throw errors.fileTooLarge(MAX_IMPORT_BYTES);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

importsRouter.post('/', async (ctx) => {
  const query = parseOr422(importQuery, ctx.query);
  const type = ctx.is('text/csv') ? 'csv' : ctx.is(XLSX_TYPE) ? 'xlsx' : null;
  if (!type) throw errors.notCsvOrXlsx(XLSX_TYPE);
  const { deps } = ctx.state;
  const mapping = await findImportMapping(deps.db, query.mapping);
  if (!mapping) throw invalidFields([fieldIssue('mapping', reasons.noMappingNamed(query.mapping))]);
  const table = await readTable(await readUpload(ctx), type).catch((e: Error) => {
    throw invalidFields([fieldIssue('(file)', reasons.unreadableFile({ type, detail: e.message }))]);
  });
  const places = await deps.placeSearch();
  const checked = checkHotlineRows(table, mapping.columns as ColumnMapping, mapping.category_values, {
    isCategory: (code) => deps.catalog.has(code),
    locate: (address) => {
      const hit = places.search(address, 1)[0];
      return hit && hit.lat !== null && hit.lng !== null ? { lat: hit.lat, lng: hit.lng } : null;
    },
  });
  if (checked.fileIssues.length) throw invalidFields(checked.fileIssues);
  if (checked.issues.length && query.goodRows !== 'import') {
    ctx.status = 422;
    const fields = checked.issues.map((i) => ({
      field: `row ${i.row}: ${i.field}`,
      reason: i.reason,
      reasonVi: i.reasonVi,
    }));
    ctx.body = {
      ...errorBody(errors.invalidRows({ rows: new Set(checked.issues.map((i) => i.row)).size, fields })),
      rows: checked.issues,
      goodRows: checked.good.length,
    };
    return;
  }
  // One transaction for every good row: all are stored, with their events, or none.
  const stored = await createReports(
    deps.db,
    checked.good.map((g) => g.input),
    {
      geocoder: deps.geocoder,
      sensitiveCategories: deps.catalog.sensitive,
      agencyRouting: deps.agencyRouting,
      channel: 'hotline',
    },
  );
  ctx.status = 201;
  ctx.body = {
    imported: stored.map((r, i) => ({ row: checked.good[i].row, id: r.id, code: r.tracking_code })),
    skipped: checked.issues,
  };
});
