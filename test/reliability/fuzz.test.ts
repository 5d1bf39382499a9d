/**
 * Malformed input on every route of the route table, property-based: the
 * params, query and body of each request are generated from the endpoint's
 * own schemas and then broken (see `schema-arbitraries.ts`), or replaced by
 * bytes that are not JSON, by the wrong content type, by multipart where JSON
 * is expected. The server must never answer 5xx, must answer every refusal
 * with a problem document, and a request refused as bad input (400, 413, 415)
 * must write nothing: no row of any table written by a transaction started
 * after the request was sent (checked when the cluster's transaction id moved).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Endpoint } from '../../src/api/endpoint.js';
import { ROUTES } from '../../server/routes/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { jsonSchemaOf, malformed, oddString } from './schema-arbitraries.js';
import { nextXid, rowsWrittenSince } from './support.js';

/** Runs per route; ~60 routes. `FUZZ_RUNS` raises it for a longer hunt. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
/** A new seed each run finds new inputs; a failure prints its seed, and `FUZZ_SEED` replays it. */
const SEED = process.env['FUZZ_SEED'] ? { seed: Number(process.env['FUZZ_SEED']) } : {};

type Json = unknown;

interface Request {
  path: string;
  query: string;
  headers: Record<string, string>;
  body: BodyInit | undefined;
}

const BAD_PATH_SEGMENTS = ['%', '%zz', '%E0%A4%A', '%C0%AF', '%2F..%2F', '..', '%00', '%FF%FE', '%ED%A0%80'];
const BAD_JSON = ['{', '{"a":', '[', 'nul', '\u0000', '{"a":1}{', '"\\ud800"', '1e999999', '['.repeat(20_000), ''];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'multipart/form-data',
  'application/problem+json',
  '',
];

function segment(value: Json): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate cannot be percent-encoded as UTF-8: send the bytes of a broken escape instead.
    return '%ED%A0%80';
  }
}

function queryString(value: Json): string {
  const search = new URLSearchParams();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) {
      for (const one of Array.isArray(v) ? v : [v]) {
        try {
          search.append(key, typeof one === 'string' ? one : (JSON.stringify(one) ?? ''));
        } catch {
          search.append(key, '\ufffd');
        }
      }
    }
  } else search.append('q', JSON.stringify(value) ?? '');
  return search.toString();
}

/** Header values must be bytes without line breaks: printable ASCII of any length, or a UUID. */
const headerValue = fc.oneof(
  fc.uuid(),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
  fc.constantFrom('', 'a'.repeat(5_000)),
);

function requests(endpoint: Endpoint, token: string): fc.Arbitrary<Request> {
  const params = endpoint.params ? malformed(jsonSchemaOf(endpoint.params)) : fc.constant({});
  const query = endpoint.query
    ? malformed(jsonSchemaOf(endpoint.query))
    : fc.oneof(
        fc.constant(undefined),
        fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
      );
  const body = endpoint.body ? malformed(jsonSchemaOf(endpoint.body)) : fc.constant(undefined);
  const path = params.chain((p) =>
    fc
      .oneof({ weight: 4, arbitrary: fc.constant(p) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_PATH_SEGMENTS) })
      .map((choice) =>
        endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) =>
          typeof choice === 'string' ? choice : segment((choice as Record<string, Json> | null)?.[name]),
        ),
      ),
  );
  const headers = fc
    .record({
      key: headerValue,
      auth: fc.constantFrom('admin', 'admin', 'admin', 'admin', 'admin', 'admin', 'none', 'garbage'),
    })
    .map(({ key, auth }) => {
      const out: Record<string, string> = {};
      if (endpoint.idempotent) out['idempotency-key'] = key;
      if (auth === 'admin') out['authorization'] = `Bearer ${token}`;
      if (auth === 'garbage') out['authorization'] = `Bearer ${key}`;
      return out;
    });
  const encoded = fc.oneof(
    // The generated body, sent the way the route wants it.
    { weight: 6, arbitrary: body.map((b) => ({ kind: 'schema' as const, b })) },
    { weight: 1, arbitrary: fc.constantFrom(...BAD_JSON).map((b) => ({ kind: 'raw' as const, b })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(body, fc.constantFrom(...CONTENT_TYPES))
        .map(([b, type]) => ({ kind: 'typed' as const, b, type })),
    },
    { weight: 1, arbitrary: fc.tuple(body, oddString).map(([b, s]) => ({ kind: 'multipart' as const, b, s })) },
  );
  return fc.record({ path, query, headers, encoded }).map(({ path, query, headers, encoded }) => {
    const request: Request = {
      path,
      query: query === undefined ? '' : queryString(query),
      headers: { ...headers },
      body: undefined,
    };
    // A brief description for fast-check's report: a counterexample may hold 100,000 characters.
    Object.defineProperty(request, fc.toStringMethod, {
      value: () => {
        const short = (v: unknown) => {
          const t = typeof v === 'string' ? v : v instanceof FormData ? '[multipart]' : String(v);
          return t.length > 160 ? `${t.slice(0, 160)}…(${t.length})` : t;
        };
        return `${endpoint.method} ${short(request.path)}?${short(request.query)} ${short(JSON.stringify({ ...request.headers, authorization: request.headers['authorization'] ? '…' : undefined }))} body=${short(request.body)}`;
      },
    });
    // fetch sends no body with GET; a GET route is fuzzed through its params and query.
    if (endpoint.method === 'GET') return request;
    const json = JSON.stringify(encoded.b ?? {}) ?? 'null';
    switch (encoded.kind) {
      case 'schema':
        if (endpoint.upload) {
          const form = new FormData();
          form.append('body', json);
          request.body = form;
        } else if (endpoint.body) {
          request.headers['content-type'] = 'application/json';
          request.body = json;
        }
        break;
      case 'raw':
        request.headers['content-type'] = endpoint.upload ? 'multipart/form-data; boundary=xyz' : 'application/json';
        request.body = encoded.b;
        break;
      case 'typed':
        if (encoded.type) request.headers['content-type'] = encoded.type;
        request.body = json;
        break;
      case 'multipart': {
        const form = new FormData();
        form.append('body', json);
        form.append(endpoint.upload?.field ?? 'file', new Blob([encoded.s]), encoded.s.slice(0, 200));
        request.body = form;
        break;
      }
    }
    return request;
  });
}

describe('malformed input on every route', () => {
  let server: TestServer;
  let token: string;
  /** The next transaction id of the whole cluster: it moves only when something writes. */
  const tally: Record<string, Record<number, number>> = {};

  before(async () => {
    server = await startTestServer();
    token = await server.tokenFor('admin1');
  });
  after(async () => {
    const lines = Object.entries(tally).map(
      ([route, statuses]) =>
        `${route.padEnd(48)} ${Object.entries(statuses)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
    );
    console.log(`answers per route (${RUNS} runs each):\n${lines.join('\n')}`);
    await server?.close();
  });

  for (const [name, spec] of Object.entries(ROUTES)) {
    const endpoint = spec.endpoint as Endpoint;
    const route = `${endpoint.method} ${endpoint.path}`;
    test(`${name}: ${route}`, async () => {
      await fc.assert(
        fc.asyncProperty(requests(endpoint, token), async (request) => {
          const before = await nextXid(server.db);
          const url = `${server.url}/api/v1${request.path}${request.query ? `?${request.query}` : ''}`;
          const response = await fetch(url, { method: endpoint.method, headers: request.headers, body: request.body });
          const text = await response.text();
          (tally[route] ??= {})[response.status] = (tally[route]![response.status] ?? 0) + 1;
          assert.ok(response.status < 500, `${response.status} ${text.slice(0, 300)}`);
          // 431: Node's HTTP parser refuses a request line or headers over 16 KB before the app sees them.
          if (response.status >= 400 && response.status !== 431) {
            assert.equal(
              response.headers.get('content-type'),
              'application/problem+json',
              `${response.status} ${text.slice(0, 200)}`,
            );
            const problem = JSON.parse(text) as { code?: unknown; status?: unknown };
            assert.equal(typeof problem.code, 'string');
            assert.equal(problem.status, response.status);
            assert.ok(!text.includes('    at '), 'no stack trace');
          }
          if ([400, 413, 415].includes(response.status) && (await nextXid(server.db)) !== before) {
            // The id moved: a row lock or autovacuum, or a write of ours? Only rows tell.
            assert.deepEqual(
              await rowsWrittenSince(server.db, before),
              {},
              `refused as bad input (${text.slice(0, 200)}) but something was written`,
            );
          }
        }),
        { numRuns: RUNS, endOnFailure: true, includeErrorInReport: true, ...SEED },
      );
    });
  }

  test('nothing reached the unhandled-error path', () => {
    assert.deepEqual(
      server.logs.filter((line) => line.includes('unhandled error') || line.includes('"level":"error"')),
      [],
    );
  });
});
