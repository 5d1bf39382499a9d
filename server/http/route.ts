/**
 * Binds a contract endpoint to a handler: authenticates, validates params,
 * query and body with the endpoint's own schemas, runs the handler, and
 * parses its result with the response schema (which also strips any field the
 * contract does not list, so internal columns cannot leak).
 */
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import { isFileResponse, type Endpoint, type FileResponse, type UploadSpec } from '../../src/api/endpoint.js';
import { SNIFF_BYTES, sniffType } from '../../src/api/upload.js';
import { PARSE_OPTIONS, toFieldErrors } from '../../src/api/field-errors.js';
import type { Db } from '../db/db.js';
import { loadCaller, requireCapability, type Caller } from '../domain/caller.js';
import type { Capability } from '../domain/roles.js';
import { ProblemError, problemResponse } from './problem.js';
import { readToken } from './tokens.js';
import type { Services } from './services.js';

type Schema = z.ZodMiniType;
type Out<S> = S extends Schema ? z.output<S> : S extends FileResponse ? Response : undefined;

/** A file that came with the body of an upload route, checked against the endpoint's `UploadSpec`. */
export interface UploadedFile {
  /** The base name only, without control characters or path separators, at most 120 characters. */
  name: string;
  /** Recognised from the content (never the name or the browser's word). */
  mediaType: string;
  bytes: Uint8Array;
  size: number;
}

export interface RouteContext<E extends Endpoint> {
  params: Out<E['params']>;
  query: Out<E['query']>;
  body: Out<E['body']>;
  /** Files of an upload route, in the order sent; empty for every other route. */
  files: UploadedFile[];
  /** The signed-in caller; only routes with `auth: false` have none. */
  caller: E['auth'] extends false ? undefined : Caller;
  /** When the caller's token expires (ISO), for routes that describe the session. */
  tokenExpiresAt: string | undefined;
  services: Services;
  db: Db;
  /** Client address, for attempt limits. */
  ip: string;
  hono: Context;
  /**
   * Throws 403 unless the caller's role allows it. Call it after the
   * resource was found in the caller's scope, so that what the caller may
   * not see stays a 404 and never becomes a 403 that confirms it exists.
   */
  require(capability: Capability): void;
}

export interface RouteSpec<E extends Endpoint> {
  endpoint: E;
  /** One line for the OpenAPI document. */
  summary: string;
  tags: string[];
  /**
   * The capability the route needs. For collection routes it is checked
   * before the handler runs; routes with path params check it themselves
   * with `ctx.require()` after finding the resource.
   */
  capability: Capability | null;
  handler(ctx: RouteContext<E>): Promise<Out<E['response']> | Response>;
}

export function defineRoute<E extends Endpoint>(spec: RouteSpec<E>): RouteSpec<E> {
  return spec;
}

/**
 * The path of the first string (value or key) holding U+0000, or null. PostgreSQL cannot store
 * that character in text or jsonb, so a query given one fails: it is bad input, refused up front.
 */
function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '_' : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, [...path, String(i)]);
      if (found !== null) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes('\u0000') ? [...path, key].join('.') : nulPath(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

function validate<S extends Schema>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, PARSE_OPTIONS);
  if (!result.success) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: toFieldErrors(result.error.issues) });
  }
  const nul = nulPath(result.data);
  if (nul !== null) throw new ProblemError(400, 'validation_failed', { fieldErrors: { [nul]: 'invalid_format' } });
  return result.data;
}

function queryObject(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    // A repeated key arrives as an array, which every scalar schema refuses.
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ProblemError(415, 'unsupported_media_type');
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError(400, 'malformed_json');
  }
}

/** Room for the JSON part and the multipart framing around the files. */
const MULTIPART_OVERHEAD = 1024 * 1024;

/** The largest multipart body an upload route reads. */
export const uploadLimit = (upload: UploadSpec) => upload.maxFiles * upload.maxBytes + MULTIPART_OVERHEAD;

const MAX_NAME = 120;

/**
 * A file name fit to store and to send back in `Content-Disposition`: the
 * base name (browsers send just that, other clients may send a path), no
 * control characters, no separators, not too long, never empty.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return [...(clean || 'attachment')].slice(0, MAX_NAME).join('');
}

const fileProblem = (status: number, code: string, fieldErrors: Record<string, string>, detail?: string) =>
  new ProblemError(status, code, { fieldErrors, ...(detail === undefined ? {} : { detail }) });

/**
 * Reads a `multipart/form-data` body: the JSON part `body` and the files in
 * `upload.field`. Limits are checked before anything is read where the
 * request tells its length, and every file's type is decided by its first
 * bytes. Nothing here writes: a refused upload leaves no trace.
 */
async function readMultipart(c: Context, upload: UploadSpec): Promise<{ json: unknown; files: UploadedFile[] }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(type)) throw new ProblemError(415, 'unsupported_media_type');
  const length = Number(c.req.header('content-length') ?? NaN);
  if (length > uploadLimit(upload)) throw new ProblemError(413, 'payload_too_large');
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { _: 'invalid_format' } });
  }
  const unknown = [...new Set(form.keys())].filter((key) => key !== 'body' && key !== upload.field);
  if (unknown.length) {
    throw new ProblemError(400, 'validation_failed', {
      fieldErrors: Object.fromEntries(unknown.map((key) => [key, 'unknown_field'])),
    });
  }
  const parts = form.getAll('body');
  if (parts.length !== 1) {
    throw new ProblemError(400, 'validation_failed', {
      fieldErrors: { body: parts.length ? 'invalid_value' : 'required' },
    });
  }
  // A browser may send the JSON as a string part or as a Blob of type application/json.
  const part = parts[0]!;
  const text = typeof part === 'string' ? part : await part.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProblemError(400, 'malformed_json');
  }
  const sent = form.getAll(upload.field);
  if (sent.some((file) => typeof file === 'string')) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: { [upload.field]: 'invalid_type' } });
  }
  const blobs = sent as File[];
  if (blobs.length > upload.maxFiles) {
    throw fileProblem(422, 'too_many_files', { [upload.field]: 'too_many_files' }, String(upload.maxFiles));
  }
  const files: UploadedFile[] = [];
  for (const [i, blob] of blobs.entries()) {
    if (blob.size > upload.maxBytes) {
      throw fileProblem(422, 'file_too_large', { [`${upload.field}.${i}`]: 'file_too_large' }, String(upload.maxBytes));
    }
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const mediaType = sniffType(bytes.subarray(0, SNIFF_BYTES), upload.types);
    if (!mediaType) throw fileProblem(422, 'file_type_not_allowed', { [`${upload.field}.${i}`]: 'file_type' });
    files.push({ name: safeFileName(blob.name ?? ''), mediaType, bytes, size: bytes.byteLength });
  }
  return { json, files };
}

export function mountRoute<E extends Endpoint>(router: Hono, spec: RouteSpec<E>, services: Services): void {
  const { endpoint } = spec;
  const honoPath = endpoint.path.replace(/\{(\w+)\}/g, ':$1');
  // An upload's body is bigger than the API's usual limit; this one also holds when no length is sent (chunked).
  if (endpoint.upload) {
    const limit = bodyLimit({
      maxSize: uploadLimit(endpoint.upload),
      onError: () => problemResponse(new ProblemError(413, 'payload_too_large').problem),
    });
    router.on(endpoint.method, honoPath, limit);
  }
  router.on(endpoint.method, honoPath, async (c) => {
    let caller: Caller | undefined;
    let tokenExpiresAt: string | undefined;
    if (endpoint.auth) {
      const claims = await readToken(c.req.header('authorization'), await services.tokenSecret(), services.now());
      tokenExpiresAt = new Date(claims.exp * 1000).toISOString();
      caller = (await loadCaller(services.db, claims.sub)) ?? undefined;
      // A valid signature for a user who no longer exists is as good as no token.
      if (!caller) throw new ProblemError(401, 'token_invalid');
    }
    const params = endpoint.params ? validate(endpoint.params, c.req.param()) : undefined;
    const rawQuery = queryObject(c);
    if (!endpoint.query && Object.keys(rawQuery).length > 0) {
      throw new ProblemError(400, 'validation_failed', {
        fieldErrors: Object.fromEntries(Object.keys(rawQuery).map((k) => [k, 'unknown_field'])),
      });
    }
    const query = endpoint.query ? validate(endpoint.query, rawQuery) : undefined;
    let body: unknown;
    let files: UploadedFile[] = [];
    if (endpoint.upload) {
      const upload = await readMultipart(c, endpoint.upload);
      body = endpoint.body ? validate(endpoint.body, upload.json) : undefined;
      files = upload.files;
    } else if (endpoint.body) {
      body = validate(endpoint.body, await readJson(c));
    }

    let checked = false;
    const require = (capability: Capability) => {
      checked = true;
      requireCapability(caller!, capability);
    };
    if (spec.capability && !endpoint.params) require(spec.capability);

    const result = await spec.handler({
      params,
      query,
      body,
      files,
      caller,
      tokenExpiresAt,
      services,
      db: services.db,
      ip: services.clientIp(c),
      hono: c,
      require,
    } as RouteContext<E>);
    if (spec.capability && !checked) {
      // A route that forgot its role check must fail loudly in tests, not pass silently.
      throw new Error(`route ${endpoint.method} ${endpoint.path} did not check ${spec.capability}`);
    }
    if (result instanceof Response) return result;
    if (!endpoint.response) return c.body(null, endpoint.status as 204);
    if (isFileResponse(endpoint.response)) throw new Error(`route ${endpoint.path} must answer its file as a Response`);
    const parsed = endpoint.response.safeParse(result);
    if (!parsed.success) {
      services.log.error('response does not match the contract', {
        route: `${endpoint.method} ${endpoint.path}`,
        fieldErrors: toFieldErrors(parsed.error.issues),
      });
      throw new ProblemError(500, 'internal_error');
    }
    return c.json(parsed.data as object, endpoint.status as 200);
  });
}
