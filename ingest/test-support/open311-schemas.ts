// JSON Schemas of the GeoReport v2 answers, written from the specification, to validate the JSON format with ajv.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const isoWithOffset = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)$',
};
const nullableString = { type: ['string', 'null'] };

export const OPEN311_SCHEMAS = {
  errors: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['code', 'description'],
      additionalProperties: false,
      properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } },
    },
  },
  discovery: {
    type: 'object',
    required: ['changeset', 'contact', 'endpoints'],
    properties: {
      changeset: isoWithOffset,
      contact: { type: 'string' },
      key_service: { type: 'string' },
      endpoints: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['specification', 'url', 'changeset', 'type', 'formats'],
          properties: {
            specification: { type: 'string', format: 'uri' },
            url: { type: 'string', format: 'uri' },
            changeset: isoWithOffset,
            type: { enum: ['production', 'test'] },
            formats: { type: 'array', items: { type: 'string' }, minItems: 1 },
          },
        },
      },
    },
  },
  services: {
    type: 'array',
    items: {
      type: 'object',
      required: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
      additionalProperties: false,
      properties: {
        service_code: { type: 'string' },
        service_name: { type: 'string' },
        description: { type: 'string' },
        metadata: { type: 'boolean' },
        type: { enum: ['realtime', 'batch', 'blackbox'] },
        keywords: { type: 'string' },
        group: { type: 'string' },
      },
    },
  },
  serviceDefinition: {
    type: 'object',
    required: ['service_code', 'attributes'],
    properties: {
      service_code: { type: 'string' },
      attributes: {
        type: 'array',
        items: {
          type: 'object',
          required: ['variable', 'code', 'datatype', 'required', 'order', 'description'],
          properties: {
            variable: { type: 'boolean' },
            code: { type: 'string' },
            datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
            required: { type: 'boolean' },
            datatype_description: nullableString,
            order: { type: 'integer' },
            description: { type: 'string' },
            values: {
              type: 'array',
              items: { type: 'object', required: ['key', 'name'], properties: { key: {}, name: { type: 'string' } } },
            },
          },
        },
      },
    },
  },
  postResponse: {
    type: 'array',
    minItems: 1,
    maxItems: 1,
    items: {
      type: 'object',
      anyOf: [{ required: ['service_request_id'] }, { required: ['token'] }],
      properties: {
        service_request_id: { type: 'string' },
        token: { type: 'string' },
        service_notice: nullableString,
        account_id: nullableString,
      },
    },
  },
  requests: {
    type: 'array',
    items: {
      type: 'object',
      required: ['service_request_id', 'status', 'service_code', 'requested_datetime'],
      additionalProperties: false,
      properties: {
        service_request_id: { type: 'string' },
        status: { enum: ['open', 'closed'] },
        status_notes: nullableString,
        service_name: { type: 'string' },
        service_code: { type: 'string' },
        description: nullableString,
        agency_responsible: nullableString,
        service_notice: nullableString,
        requested_datetime: isoWithOffset,
        updated_datetime: { anyOf: [isoWithOffset, { type: 'null' }] },
        expected_datetime: { anyOf: [isoWithOffset, { type: 'null' }] },
        address: nullableString,
        address_id: nullableString,
        zipcode: nullableString,
        lat: { type: ['number', 'null'] },
        long: { type: ['number', 'null'] },
        media_url: nullableString,
      },
    },
  },
  /** `extensions=true`: every core field, plus `extended_attributes` (the spec wiki's Extensions page). */
  requestsExtended: {
    type: 'array',
    items: {
      allOf: [{ $ref: '#/$defs/core' }],
      required: ['extended_attributes', 'notes'],
      unevaluatedProperties: false,
      properties: {
        notes: {
          type: 'array',
          items: {
            type: 'object',
            required: ['datetime', 'description', 'type'],
            additionalProperties: false,
            properties: {
              datetime: isoWithOffset,
              description: { type: 'string' },
              type: { type: 'string', pattern: '^[a-z_]+$' },
            },
          },
        },
        extended_attributes: {
          type: 'object',
          required: ['title', 'detailed_status', 'channel', 'attributes', 'media_urls'],
          additionalProperties: false,
          properties: {
            title: { type: 'string', minLength: 1 },
            detailed_status: { type: 'string', pattern: '^[a-z_]+$' },
            channel: { type: 'string', pattern: '^(web|app|hotline|open311:[a-z0-9-]+)$' },
            attributes: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name', 'label', 'code', 'value'],
                additionalProperties: false,
                properties: {
                  name: { type: 'string' },
                  label: { type: 'string' },
                  code: { type: 'string' },
                  value: { type: 'string' },
                },
              },
            },
            media_urls: { type: 'array', items: { type: 'string', format: 'uri' } },
          },
        },
      },
    },
  },
  tokens: {
    type: 'array',
    items: { type: 'object', required: ['service_request_id', 'token'] },
  },
  updates: {
    type: 'array',
    items: {
      type: 'object',
      required: ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description'],
      properties: {
        update_id: { type: 'string' },
        service_request_id: { type: 'string' },
        status: { type: 'string', pattern: '^[a-z_]+$' },
        updated_datetime: isoWithOffset,
        description: { type: 'string' },
        media_url: nullableString,
      },
    },
  },
  postUpdate: {
    type: 'array',
    minItems: 1,
    items: { type: 'object', required: ['update_id'], properties: { update_id: { type: 'string' } } },
  },
} as const;

export type Open311SchemaName = keyof typeof OPEN311_SCHEMAS;

const ajv = new Ajv2020({ allErrors: true, strict: false });
// ajv-formats is CommonJS: its default export arrives as the module object under ESM.
const plugin = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
plugin(ajv);

/** The ajv errors of `value` against the named schema (empty when valid). */
export function open311SchemaErrors(name: Open311SchemaName, value: unknown): string[] {
  // The extended shape is the core request (its closedness moved to unevaluatedProperties) plus extended_attributes.
  const core = { ...OPEN311_SCHEMAS.requests.items, additionalProperties: undefined };
  const validate = ajv.compile({ ...OPEN311_SCHEMAS[name], $defs: { core } });
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
