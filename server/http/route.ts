/**
 * Binds a contract endpoint to a handler: authenticates, validates params,
 * query and body with the endpoint's own schemas, runs the handler, and
 * parses its result with the response schema (which also strips any field the
 * contract does not list, so internal columns cannot leak).
 */
import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import { isFileResponse, type Endpoint, type FileResponse } from '../../src/api/endpoint.js';
import { PARSE_OPTIONS, toFieldErrors } from '../../src/api/field-errors.js';
import type { Db } from '../db/db.js';
import { loadCaller, requireCapability, type Caller } from '../domain/caller.js';
import type { Capability } from '../domain/roles.js';
import { ProblemError } from './problem.js';
import { readToken } from './tokens.js';
import type { Services } from './services.js';

type Schema = z.ZodMiniType;
type Out<S> = S extends Schema ? z.output<S> : S extends FileResponse ? Response : undefined;

export interface RouteContext<E extends Endpoint> {
  params: Out<E['params']>;
  query: Out<E['query']>;
  body: Out<E['body']>;
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

function validate<S extends Schema>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, PARSE_OPTIONS);
  if (!result.success) {
    throw new ProblemError(400, 'validation_failed', { fieldErrors: toFieldErrors(result.error.issues) });
  }
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

export function mountRoute<E extends Endpoint>(router: Hono, spec: RouteSpec<E>, services: Services): void {
  const { endpoint } = spec;
  const honoPath = endpoint.path.replace(/\{(\w+)\}/g, ':$1');
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
    const body = endpoint.body ? validate(endpoint.body, await readJson(c)) : undefined;

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
