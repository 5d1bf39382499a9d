import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('CORS', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { corsOrigins: ['https://portal.example'] } });
  });
  after(() => server.close());

  const preflight = (origin: string) =>
    server.api('/invoices', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });

  test('a configured origin may call the API with a bearer token', async () => {
    const response = await preflight('https://portal.example');
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://portal.example');
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /authorization/);
  });

  test('any other origin gets no CORS grant', async () => {
    const response = await preflight('https://evil.example');
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const simple = await server.api('/invoices', { headers: { origin: 'https://evil.example' } });
    assert.equal(simple.headers.get('access-control-allow-origin'), null);
  });
});
