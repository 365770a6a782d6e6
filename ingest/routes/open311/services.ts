// GeoReport v2 discovery, service list and service definitions.
import { open311CommonQuery } from '../../schemas/open311-input.ts';
import { presentService, presentServiceDefinition } from '../../presenters/open311-presenters.ts';
import { sendList, sendObject } from './format.ts';
import { OPEN311_BASE, open311Router, parseOr400, questionsOf, unknownService } from './common.ts';

export const open311ServicesRouter = open311Router();

/** When this API's shape last changed: clients compare it to know whether to re-read the services. */
export const OPEN311_CHANGESET = '2026-12-05T00:00:00+07:00';

open311ServicesRouter.get('/discovery.:format', (ctx) => {
  parseOr400(open311CommonQuery, ctx.query);
  const endpoints = [
    {
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `${ctx.protocol}://${ctx.host}${OPEN311_BASE}`,
      changeset: OPEN311_CHANGESET,
      type: 'production',
      formats: ['text/xml', 'application/json'],
    },
  ];
  const xml = ctx.params.format === 'xml';
  sendObject(ctx, 'discovery', {
    changeset: OPEN311_CHANGESET,
    contact: 'Trung tâm điều hành của tỉnh / the province command centre',
    key_service: 'Quản trị viên cấp khóa API cho từng ứng dụng / an administrator issues an api_key per client',
    // XML nests each list (endpoints > endpoint, formats > format); JSON keeps plain arrays.
    endpoints: xml ? { endpoint: endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) } : endpoints,
  });
});

open311ServicesRouter.get('/services.:format', (ctx) => {
  const { locale } = parseOr400(open311CommonQuery, ctx.query);
  const { deps } = ctx.state;
  const services = deps.catalog.categories.map((c) => presentService(c, questionsOf(deps, c.code), locale));
  sendList(ctx, 'services', 'service', services);
});

open311ServicesRouter.get('/services/:code.:format', (ctx) => {
  const { locale } = parseOr400(open311CommonQuery, ctx.query);
  const { deps } = ctx.state;
  const { code } = ctx.params;
  if (!deps.catalog.has(code)) throw unknownService(code);
  const definition = presentServiceDefinition(code, questionsOf(deps, code), locale);
  if (ctx.params.format === 'xml') {
    // XML nests each list: attributes > attribute, values > value.
    sendObject(ctx, 'service_definition', {
      service_code: definition.service_code,
      attributes: definition.attributes.length
        ? {
            attribute: definition.attributes.map((a) => ({
              ...a,
              ...(a.values ? { values: { value: a.values } } : {}),
            })),
          }
        : {},
    });
  } else sendObject(ctx, 'service_definition', definition);
});
