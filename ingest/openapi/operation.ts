// One documented /api/v1 operation: the zod schemas the route itself validates with, and who may call it.
import type { z } from 'zod';

export interface Operation {
  method: 'get' | 'post' | 'delete' | 'put' | 'patch';
  /** The Koa route exactly as registered (`/api/v1/reports/:id`); the document writes `{id}`. */
  route: string;
  /** Where the documented path differs from the route (a route that only serves `/:file` as `{id}.cap`). */
  documentedPath?: string;
  tag: string;
  summary: string;
  /** Who may call it, in the permission matrix's words (anyone, staff, desk, administrator, …). */
  access: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Status -> description beside the 200/201 and the error answers every route may give. */
  responses?: Record<string, string>;
  /** A file sent as the body itself, in one of these content types (an import). */
  upload?: string[];
  /** Content type of a non-JSON success answer (GeoJSON, Atom, CAP, CSV). */
  produces?: string;
}

export const op = (o: Operation): Operation => o;
