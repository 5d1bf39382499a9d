/**
 * How the Node server delivers what is not the API: pages, bundles, the
 * card frame and a Vite build's files leave compressed when the browser
 * accepts it; content-hashed files are cached for good, everything else is
 * revalidated; the pages name an icon that exists and describe themselves.
 * (Lighthouse's findings on the demo pages; see docs/BENCHMARKS.md.)
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { silentLogger } from '../../server/http/services.js';
import { createNodeApp } from '../../server/node.js';
import type { Db } from '../../server/db/db.js';
import { freshDatabase } from '../helpers/database.js';

describe('pages, bundles and built files', () => {
  let db: Db;
  let dir: string;
  let app: ReturnType<typeof createNodeApp>;
  // Repetitive, as real scripts are: large enough to be worth compressing.
  const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, label: 'row ${i}' }`).join(', ')}];\n`;

  before(async () => {
    db = await freshDatabase();
    dir = mkdtempSync(join(tmpdir(), 'ups-static-'));
    mkdirSync(join(dir, 'demo/assets'), { recursive: true });
    mkdirSync(join(dir, 'bundle'));
    writeFileSync(join(dir, 'demo/index.html'), '<!doctype html><title>portal</title>');
    writeFileSync(join(dir, 'demo/assets/index-iBk2VS3m.js'), script);
    writeFileSync(join(dir, 'bundle/ups-pay-form.js'), script);
    app = createNodeApp({
      db,
      log: silentLogger,
      clientIp: () => '127.0.0.1',
      // serveStatic takes a root relative to the working directory.
      demoRoot: relative(process.cwd(), join(dir, 'demo')),
      bundleRoot: join(dir, 'bundle'),
    });
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.close();
  });

  const get = (path: string, encoding?: string) =>
    app.request(path, encoding ? { headers: { 'accept-encoding': encoding } } : {});

  test('a browser that accepts gzip gets bundles and built files gzipped, and the same bytes once inflated', async () => {
    for (const path of ['/bundles/ups-pay-form.js', '/assets/index-iBk2VS3m.js']) {
      const response = await get(path, 'gzip, deflate, br');
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-encoding'), 'gzip', path);
      const body = Buffer.from(await response.arrayBuffer());
      assert.ok(body.length * 3 < script.length, `${path}: ${body.length} bytes for ${script.length}`);
      assert.equal(gunzipSync(body).toString('utf8'), script, path);
    }
  });

  test('a client that asks for no encoding gets the plain file; the API compresses its larger answers too', async () => {
    const plain = await get('/bundles/ups-pay-form.js');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(await plain.text(), script);
    const api = await get('/api/openapi.json', 'gzip');
    assert.equal(api.status, 200);
    assert.equal(api.headers.get('content-encoding'), 'gzip');
    const document = JSON.parse(gunzipSync(Buffer.from(await api.arrayBuffer())).toString('utf8')) as {
      openapi: string;
    };
    assert.match(document.openapi, /^3\./);
  });

  test('content-hashed files are cached for a year; pages and bundles are revalidated', async () => {
    assert.equal(
      (await get('/assets/index-iBk2VS3m.js')).headers.get('cache-control'),
      'public, max-age=31536000, immutable',
    );
    assert.doesNotMatch((await get('/')).headers.get('cache-control') ?? '', /immutable/);
    assert.equal((await get('/bundles/ups-pay-form.js')).headers.get('cache-control'), 'no-cache');
    assert.equal((await get('/guest')).headers.get('cache-control'), 'no-cache');
    // A missing hashed name is a 404, not something cached for a year.
    const missing = await get('/assets/index-AAAAAAAA.js');
    assert.equal(missing.status, 404);
    assert.doesNotMatch(missing.headers.get('cache-control') ?? '', /immutable/);
  });

  test('the pages describe themselves in their language and name an icon that is served', async () => {
    const english = await (await get('/guest')).text();
    assert.match(english, /<meta name="description" content="Pay a UPS invoice online without an account/);
    const french = await (await get('/guest?lang=fr')).text();
    assert.match(french, /<meta name="description" content="Payez une facture UPS en ligne sans compte/);
    assert.match(await (await get('/plain/invoices')).text(), /<meta name="description"/);
    assert.match(english, /<link rel="icon" href="\/pages\/favicon.svg"/);
    const icon = await get('/pages/favicon.svg');
    assert.equal(icon.status, 200);
    assert.equal(icon.headers.get('content-type'), 'image/svg+xml');
    assert.match(await icon.text(), /^<svg/);
  });
});
