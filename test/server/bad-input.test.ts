/**
 * Bad input at the HTTP boundary: every rejection is a 4xx problem document
 * with a stable code, never a 500 or a stack trace, and writes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/server.js';

const TABLES = [
  'companies',
  'accounts',
  'plans',
  'users',
  'user_scope',
  'invoices',
  'shipments',
  'charges',
  'audit_log',
  'attempts',
  'settings',
];

describe('bad input', () => {
  let server: TestServer;
  let token: string;
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of TABLES)
      out[table] = (await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
    return out;
  };
  before(async () => {
    server = await startTestServer({ config: { bodyLimitBytes: 16 * 1024 } });
    token = await server.tokenFor('admin1');
  });
  after(() => server.close());

  const post = (body: string, contentType = 'application/json') =>
    server.api('/session', { method: 'POST', body, headers: { 'content-type': contentType } });

  const cases: [string, () => Promise<Response>, number, string, Record<string, string>?][] = [
    ['malformed JSON', () => post('{"userId": "admin1",'), 400, 'malformed_json'],
    ['a JSON array', () => post('[]'), 400, 'validation_failed', { _: 'invalid_type' }],
    [
      'wrong types',
      () => post('{"userId": 42, "password": true}'),
      400,
      'validation_failed',
      { userId: 'invalid_type', password: 'invalid_type' },
    ],
    ['missing fields', () => post('{}'), 400, 'validation_failed', { userId: 'required', password: 'required' }],
    [
      'empty strings',
      () => post('{"userId": "", "password": ""}'),
      400,
      'validation_failed',
      { userId: 'required', password: 'required' },
    ],
    [
      'unknown fields',
      () => post('{"userId": "a", "password": "b", "role": "administrator"}'),
      400,
      'validation_failed',
      { role: 'unknown_field' },
    ],
    [
      'an oversized body',
      () => post(JSON.stringify({ userId: 'a', password: 'x'.repeat(20_000) })),
      413,
      'payload_too_large',
    ],
    [
      'a form body',
      () => post('userId=a&password=b', 'application/x-www-form-urlencoded'),
      415,
      'unsupported_media_type',
    ],
    ['no body at all', () => server.api('/session', { method: 'POST' }), 415, 'unsupported_media_type'],
    ['an unknown route', () => server.api('/nowhere', { token }), 404, 'not_found'],
    ['an unknown method', () => server.api('/invoices', { method: 'DELETE', token }), 404, 'not_found'],
    [
      'a query on a route without one',
      () => server.api('/accounts?debug=1', { token }),
      400,
      'validation_failed',
      { debug: 'unknown_field' },
    ],
    [
      'a path param of the wrong shape',
      () => server.api(`/invoices/${'%00'.repeat(3)}`, { token }),
      400,
      'validation_failed',
      { number: 'invalid_format' },
    ],
    ['no token', () => server.api('/invoices'), 401, 'unauthenticated'],
  ];

  for (const [name, send, status, code, fieldErrors] of cases) {
    test(`${name} → ${status} ${code}, nothing written`, async () => {
      const before = await counts();
      const response = await send();
      assert.equal(response.status, status);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      const body = await response.json();
      assert.equal(body.code, code);
      assert.equal(body.status, status);
      assert.equal(body.type, `urn:ups-billing:problem:${code}`);
      if (fieldErrors) assert.deepEqual(body.fieldErrors, fieldErrors);
      assert.ok(!JSON.stringify(body).includes('    at '), 'no stack trace');
      assert.deepEqual(await counts(), before);
    });
  }

  test('no error reached the unhandled-error path', () => {
    assert.deepEqual(
      server.logs.filter((line) => line.includes('unhandled error')),
      [],
    );
  });
});
