/**
 * Sessions: on every route that needs one, an expired token, a tampered
 * token, a guest's lookup token and no token get 401; a valid token of
 * another company gets 404 (or 400 for a body it could not have sent) on
 * every route that names one of our resources, and lists without our data.
 * Never data, never a write.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Endpoint } from '../../src/api/endpoint.js';
import { issueToken } from '../../server/http/tokens.js';
import { ROUTES } from '../../server/routes/index.js';
import { OTHER_COMPANY_ADMIN } from '../../server/db/seed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { jsonSchemaOf, validish } from './schema-arbitraries.js';
import { contentFingerprint, nextXid, rowsWrittenSince } from './support.js';

const authed = Object.entries(ROUTES)
  .map(([name, spec]) => ({ name, endpoint: spec.endpoint as Endpoint }))
  .filter(({ endpoint }) => endpoint.auth);

describe('sessions on every route', () => {
  let server: TestServer;
  let ours: Record<string, string>;
  let demoText: string[];

  before(async () => {
    server = await startTestServer();
    const one = async (sql: string) =>
      (await server.db.query<{ v: string }>(sql))[0]?.v ?? '00000000-0000-4000-8000-000000000000';
    const demo = `(select id from companies where name = 'Demo Co')`;
    ours = {
      invoice: await one(`select number as v from invoices where company_id = ${demo} order by id limit 1`),
      account: await one(`select number as v from accounts where company_id = ${demo} order by number limit 1`),
      confirmation: await one(`select confirmation_number as v from payments where company_id = ${demo} limit 1`),
      user: await one(`select id::text as v from users where company_id = ${demo} limit 1`),
      dispute: await one(`select id::text as v from disputes where company_id = ${demo} limit 1`),
      attachment: await one(
        `select a.id::text as v from dispute_attachments a join disputes d on d.id = a.dispute_id where d.company_id = ${demo} limit 1`,
      ),
      method: await one(`select id::text as v from payment_methods where company_id = ${demo} limit 1`),
      rule: await one(`select id::text as v from autopay_rules where company_id = ${demo} limit 1`),
      shipper: await one(
        `select shipper_account as v from inbound_charge_exceptions where company_id = ${demo} limit 1`,
      ),
    };
    // Identifiers whose appearance in another company's answer would be a leak.
    demoText = [ours['invoice']!, ours['account']!, ours['confirmation']!, 'Demo Co', 'admin1'];
  });
  after(() => server?.close());

  /** Our resources' identifiers in the route's path, so the route reaches its lookup. */
  function pathFor(endpoint: Endpoint): string {
    return endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const p = endpoint.path;
      if (name === 'number') return p.startsWith('/accounts') ? ours['account']! : ours['invoice']!;
      if (name === 'format') return 'pdf';
      if (name === 'confirmation') return ours['confirmation']!;
      if (name === 'shipper') return ours['shipper']!;
      if (name === 'attachmentId') return ours['attachment']!;
      if (p.startsWith('/users')) return ours['user']!;
      if (p.startsWith('/disputes')) return ours['dispute']!;
      if (p.startsWith('/payment-methods')) return ours['method']!;
      if (p.startsWith('/autopay-rules')) return ours['rule']!;
      return '00000000-0000-4000-8000-000000000000';
    });
  }

  /** A body the route's schema accepts, when one can be generated, so the request reaches the handler. */
  function validBody(endpoint: Endpoint): unknown {
    if (!endpoint.body) return undefined;
    const candidates = fc.sample(validish(jsonSchemaOf(endpoint.body)), { numRuns: 200, seed: 42 });
    return candidates.find((c) => endpoint.body!.safeParse(c).success) ?? candidates[0];
  }

  async function send(endpoint: Endpoint, authorization: string | undefined) {
    const headers: Record<string, string> = { 'x-test-client-ip': '10.55.0.1' };
    if (authorization) headers['authorization'] = authorization;
    if (endpoint.idempotent) headers['idempotency-key'] = crypto.randomUUID();
    let body: BodyInit | undefined;
    const json = validBody(endpoint);
    if (endpoint.upload) {
      const form = new FormData();
      form.append('body', JSON.stringify(json ?? {}));
      body = form;
    } else if (json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(json);
    }
    const response = await fetch(`${server.url}/api/v1${pathFor(endpoint)}`, {
      method: endpoint.method,
      headers,
      body,
    });
    return { status: response.status, text: await response.text() };
  }

  test('expired, tampered, guest and missing tokens get 401 on every route, and write nothing', async () => {
    const token = await server.tokenFor('admin1');
    const [{ value: secret }] = (await server.db.query<{ value: string }>(
      `select value from settings where key = 'token_secret'`,
    )) as [{ value: string }];
    const [{ id }] = (await server.db.query<{ id: string }>(`select id from users where user_id = 'admin1'`)) as [
      { id: string },
    ];
    const expired = (await issueToken(id, secret, 900, new Date(Date.now() - 901_000))).token;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const reencode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const otherUser = (await server.db.query<{ id: string }>(`select id from users where user_id = 'viewer1'`))[0]!.id;
    const [guestInvoice] = await server.db.query<{ number: string; account_number: string; amount_due: number }>(
      `select number, account_number, amount_due::int as amount_due from invoices where status = 'open' and amount > 0 limit 1`,
    );
    const lookup = await server.api('/guest/invoice-lookup', {
      method: 'POST',
      json: {
        accountNumber: guestInvoice!.account_number,
        invoiceNumber: guestInvoice!.number,
        amountDue: guestInvoice!.amount_due,
      },
    });
    const guestToken = ((await lookup.json()) as { lookupToken: string }).lookupToken;
    const bad: [string, string | undefined][] = [
      ['none', undefined],
      ['expired', `Bearer ${expired}`],
      ['guest lookup token', `Bearer ${guestToken}`],
      ['alg none', `Bearer ${reencode({ alg: 'none', typ: 'JWT' })}.${payload}.`],
      ['another user, same signature', `Bearer ${header}.${reencode({ ...claims, sub: otherUser })}.${signature}`],
      [
        'longer life, same signature',
        `Bearer ${header}.${reencode({ ...claims, exp: Number(claims['exp']) + 86_400 })}.${signature}`,
      ],
      ['no scheme', token],
    ];
    const wrong: string[] = [];
    for (const { name, endpoint } of authed) {
      for (const [label, authorization] of bad) {
        const before = await nextXid(server.db);
        const { status, text } = await send(endpoint, authorization);
        if (status !== 401) wrong.push(`${name} with ${label}: ${status} ${text.slice(0, 120)}`);
        if ((await nextXid(server.db)) !== before) {
          const written = await rowsWrittenSince(server.db, before);
          if (Object.keys(written).length) wrong.push(`${name} with ${label}: wrote ${JSON.stringify(written)}`);
        }
      }
    }
    assert.deepEqual(wrong, []);

    // Any change to any character of a valid token makes it worthless.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...authed),
        fc.nat({ max: token.length - 1 }),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.='),
        async ({ endpoint }, at, char) => {
          fc.pre(token[at] !== char);
          // The last character of the signature carries spare bits: flipping only those can leave the bytes unchanged.
          fc.pre(at !== token.length - 1);
          const tampered = `${token.slice(0, at)}${char}${token.slice(at + 1)}`;
          const { status } = await send(endpoint, `Bearer ${tampered}`);
          assert.equal(status, 401, `${endpoint.method} ${endpoint.path} with ${tampered}`);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('another company’s administrator gets 404 for our resources on every route, and none of our data', async () => {
    const theirs = `Bearer ${await server.tokenFor(OTHER_COMPANY_ADMIN)}`;
    const wrong: string[] = [];
    const answers: Record<string, number> = {};
    for (const { name, endpoint } of authed) {
      const named = /\{\w+\}/.test(endpoint.path);
      const before = named ? await contentFingerprint(server.db) : undefined;
      const { status, text } = await send(endpoint, theirs);
      answers[`${status}`] = (answers[`${status}`] ?? 0) + 1;
      const leaked = demoText.filter((t) => text.includes(t));
      // Routes naming one of our resources must not find it (400: the generated body was refused first).
      if (named && ![404, 400].includes(status)) wrong.push(`${name}: ${status} ${text.slice(0, 160)}`);
      if (status >= 500 || leaked.length) wrong.push(`${name}: ${status} shows ${leaked.join(', ')}`);
      if (named) {
        const after = await contentFingerprint(server.db);
        const changed = Object.keys(after).filter((table) => after[table] !== before![table]);
        if (changed.length) wrong.push(`${name}: wrote to ${changed.join(', ')}`);
      }
    }
    console.log(`another company's token on ${authed.length} routes: ${JSON.stringify(answers)}`);
    assert.deepEqual(wrong, []);
  });
});
