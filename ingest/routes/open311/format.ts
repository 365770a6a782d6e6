// GeoReport v2 answers in the format the path names (.xml or .json), and its `errors` shape for failures.
import type { Context, Next } from 'koa';
import { create } from 'xmlbuilder2';
import { errorBody, errorLines, errors as catalogue } from '../../../domain/errors.ts';
import { answerOf, setRetryAfter } from '../../http-error.ts';

export type Open311Format = 'json' | 'xml';

export const isOpen311Path = (path: string): boolean => path === '/open311' || path.startsWith('/open311/');

/** The spec picks the format by the path's extension; anything else answers JSON. */
export const formatOf = (path: string): Open311Format => (path.endsWith('.xml') ? 'xml' : 'json');

/** A null field is still written, as an empty element, so every request has the same elements. */
function emptyForNull(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(emptyForNull);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, emptyForNull(v)]));
  return value;
}

/** XML is built by xmlbuilder2 from plain objects: arrays become repeated elements. */
export function toXml(root: string, content: unknown): string {
  return create({ version: '1.0', encoding: 'utf-8' })
    .ele({ [root]: emptyForNull(content ?? {}) })
    .end({ prettyPrint: true });
}

/**
 * A list answer: JSON is the bare array; XML wraps each item in `item` under `root`
 * (`service_requests` > `request`, `services` > `service`).
 */
export function sendList(ctx: Context, root: string, item: string, items: object[]): void {
  if (formatOf(ctx.path) === 'xml') {
    ctx.type = 'application/xml; charset=utf-8';
    ctx.body = toXml(root, items.length ? { [item]: items } : {});
  } else {
    ctx.body = items;
  }
}

export function sendObject(ctx: Context, root: string, value: object): void {
  if (formatOf(ctx.path) === 'xml') {
    ctx.type = 'application/xml; charset=utf-8';
    ctx.body = toXml(root, value);
  } else {
    ctx.body = value;
  }
}

export interface Open311ErrorItem {
  code: number;
  description: string;
}

export function sendErrors(ctx: Context, status: number, errors: Open311ErrorItem[]): void {
  ctx.status = status;
  sendList(ctx, 'errors', 'error', errors);
}

/** Every failure under /open311/ leaves as the spec's `errors` list, in the path's format, with its HTTP status. */
export async function open311Errors(ctx: Context, next: Next): Promise<void> {
  if (!isOpen311Path(ctx.path)) {
    await next();
    return;
  }
  try {
    await next();
    if (ctx.status === 404 && ctx.body == null) throw catalogue.noRoute(`${ctx.method} ${ctx.path}`);
  } catch (err) {
    const { status, error, unexpected } = answerOf(err);
    if (unexpected) ctx.app.emit('error', err, ctx);
    setRetryAfter(ctx, error);
    // One `error` per bad field, as Open311 clients show each description to the user: Vietnamese, English beside it.
    const lines = errorLines(errorBody(error).error);
    sendErrors(
      ctx,
      status,
      lines.map((description) => ({ code: status, description })),
    );
  }
}
