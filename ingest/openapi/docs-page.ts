// The document as a page to browse, rendered on the server (no script, no CDN: the product runs offline).
import type { Operation } from './operation.ts';
import { documentedPath, OPERATIONS } from './document.ts';
import { z } from 'zod';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const schemaBlock = (label: string, schema: z.ZodType | undefined) =>
  schema
    ? `<h3>${label}</h3><pre tabindex="0">${escape(JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2))}</pre>`
    : '';

function operationHtml(o: Operation): string {
  return `<details><summary><code class="m-${o.method}">${o.method.toUpperCase()}</code> <code>${escape(documentedPath(o))}</code> — ${escape(o.summary)}</summary>
<p>Quyền / Access: ${escape(o.access)}</p>${schemaBlock('Tham số / Query', o.query)}${schemaBlock('Nội dung gửi / Body (application/json)', o.body)}</details>`;
}

let page: string | null = null;

export function docsPage(): string {
  if (page) return page;
  const tags = [...new Set(OPERATIONS.map((o) => o.tag))];
  page = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hiện Trường API v1</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a;background:#fff}
details{border:1px solid #ccc;border-radius:4px;margin:.4rem 0;padding:.4rem .6rem}
summary{cursor:pointer;overflow-wrap:anywhere}pre{overflow-x:auto;background:#f4f4f4;padding:.5rem;font-size:.85rem}
code{font-size:.95em}.m-get{color:#0b5e0b}.m-post{color:#0b3f8f}.m-delete{color:#8f0b0b}a{color:#0b3f8f}
</style></head><body><main>
<h1>Hiện Trường API v1</h1>
<p>Tài liệu OpenAPI 3.1 / The OpenAPI 3.1 document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
Open311 GeoReport v2: <a href="/open311/v2/discovery.json">/open311/v2/</a>.</p>
${tags
  .map(
    (t) =>
      `<section><h2>${escape(t)}</h2>${OPERATIONS.filter((o) => o.tag === t)
        .map(operationHtml)
        .join('\n')}</section>`,
  )
  .join('\n')}
</main></body></html>`;
  return page;
}
