// The OpenAPI 3.1 document of /api/v1, generated from the operations list and the zod schemas routes validate with.
import { z } from 'zod';
import type { Operation } from './operation.ts';
import { PUBLIC_OPERATIONS } from './operations-public.ts';
import { STAFF_OPERATIONS } from './operations-staff.ts';
import { ADMIN_OPERATIONS } from './operations-admin.ts';
import { INTEGRATION_OPERATIONS } from './operations-integrations.ts';

/** Every documented operation. A new /api/v1 route adds its entry to one of these lists (openapi.test.ts checks). */
export const OPERATIONS: Operation[] = [
  ...PUBLIC_OPERATIONS,
  ...STAFF_OPERATIONS,
  ...ADMIN_OPERATIONS,
  ...INTEGRATION_OPERATIONS,
];

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

/** zod 4's own JSON Schema (draft 2020-12, what OpenAPI 3.1 uses), of what the route accepts as input. */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema; // the document's dialect is OpenAPI 3.1's own
  return json;
}

export const documentedPath = (o: Operation): string => o.documentedPath ?? o.route.replace(/:(\w+)/g, '{$1}');

function operationId(o: Operation): string {
  const words = documentedPath(o)
    .replace(/^\/api\/v1\//, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return o.method + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function parametersOf(o: Operation) {
  const path = [...documentedPath(o).matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (!o.query) return path;
  const query = jsonSchemaOf(o.query);
  return [
    ...path,
    ...Object.entries(query.properties ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: query.required?.includes(name) ?? false,
      schema,
    })),
  ];
}

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        messageVi: { type: 'string' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'reason', 'reasonVi'],
            properties: {
              field: { type: 'string' },
              reason: { type: 'string', description: 'Why, in English' },
              reasonVi: { type: 'string', description: 'Why, in Vietnamese' },
            },
          },
        },
      },
    },
  },
};

function operationObject(o: Operation) {
  const success = o.method === 'post' && o.responses?.['201'] ? '201' : '200';
  const parameters = parametersOf(o);
  return {
    operationId: operationId(o),
    tags: [o.tag],
    summary: o.summary,
    description: `Access: ${o.access}.`,
    'x-access': o.access,
    ...(parameters.length ? { parameters } : {}),
    ...(o.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(o.body) } } } }
      : {}),
    ...(o.upload
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(o.upload.map((type) => [type, { schema: { contentMediaType: type } }])),
          },
        }
      : {}),
    responses: {
      [success]: {
        description: o.responses?.[success] ?? 'OK',
        content: { [o.produces ?? 'application/json']: {} },
      },
      ...Object.fromEntries(
        Object.entries(o.responses ?? {})
          .filter(([status]) => status !== success)
          .map(([status, description]) => [status, { description }]),
      ),
      '4XX': { $ref: '#/components/responses/Error' },
      '5XX': { $ref: '#/components/responses/Error' },
    },
  };
}

let built: object | null = null;

export function openApiDocument(): object {
  if (built) return built;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const o of OPERATIONS) (paths[documentedPath(o)] ??= {})[o.method] = operationObject(o);
  built = {
    openapi: '3.1.0',
    info: {
      title: 'Hiện Trường API',
      version: '1',
      description:
        'Báo cáo hiện trường, bản đồ, điều phối. / Field reports, maps, dispatch. Errors always have the shape ' +
        '{"error": {"code", "message", "messageVi", "fields": [{"field", "reason"}]}}. Staff writes with a session ' +
        'cookie also send the x-csrf-token header. Open311 GeoReport v2 lives at /open311/v2 (see the README).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      responses: {
        Error: {
          description: 'The error shape (4xx names each bad field; 503 with Retry-After means retry)',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'ht_session' },
        bearer: { type: 'http', scheme: 'bearer', description: 'wall-display token or a unit phone token' },
      },
    },
  };
  return built;
}
