// An HTTP client for the Open311 tests: form posts as the spec has them, XML answers parsed back with fast-xml-parser.
import { XMLParser } from 'fast-xml-parser';

// Lists are always arrays, whatever their length, so a test reads `doc.services.service[0]` every time.
const LISTS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format', 'request_update']);
const parser = new XMLParser({ isArray: (name) => LISTS.has(name), parseTagValue: false });

export interface Open311Answer {
  status: number;
  type: string;
  text: string;
  json(): any;
  xml(): any;
}

async function answer(res: Response): Promise<Open311Answer> {
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text,
    json: () => JSON.parse(text),
    xml: () => parser.parse(text),
  };
}

export function open311Client(baseUrl: string) {
  return {
    get: async (path: string) => answer(await fetch(`${baseUrl}/open311/v2/${path}`)),
    /** application/x-www-form-urlencoded, repeated keys for lists, as Open311 clients post. */
    post: async (path: string, fields: Record<string, string | string[] | undefined>) => {
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) {
        if (v === undefined) continue;
        for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
      }
      return answer(
        await fetch(`${baseUrl}/open311/v2/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        }),
      );
    },
  };
}
