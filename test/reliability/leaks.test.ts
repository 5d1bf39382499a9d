/**
 * Leak scan: a payment load with every kind of test card (approved,
 * declined, gateway failure), bank accounts, a guest payment, a saved card,
 * and requests that put a card number where it does not belong. Then the
 * full card numbers, the CVC and the full bank numbers are searched for in
 * every row of every table, in everything the server process printed, and in
 * every HTTP response it sent. Zero hits.
 *
 * The host DOM is covered by the pay-form browser tests:
 * src/elements/pay-form/pay-form.test.ts, "a payer pays a cart with the keyboard alone, through the card
 * frame, and the page never holds the card".
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../server/db/db.js';
import { freshDatabase, today } from '../helpers/database.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { hasPostgres, payableInvoices, signIn, startServerProcess, type ServerProcess } from './support.js';

const CARDS = ['4242424242424242', '5555555555554444', '4000000000009995', '4000000000000002', '4000000000000119'];
/** Unusual enough that a hit is the CVC, not an amount that happens to contain it: checked as "no new rows hold it". */
const CVC = '8317';
/**
 * The CVC standing alone, not inside a longer run of letters, digits, `_` or `-`: random
 * tokens (`pt_` + 32 hex digits) and request ids hold "8317" about once in 2,000, and that
 * is not a leak. Written for both PostgreSQL's and JavaScript's regular expressions.
 */
const CVC_ALONE = `(^|[^0-9A-Za-z_-])${CVC}($|[^0-9A-Za-z_-])`;
const ACH_ACCOUNT = '987650001234';
const IBAN = 'DE89370400440532013000';
const SECRETS = [...CARDS, ACH_ACCOUNT, IBAN];

describe('card and bank numbers stay out of the database, the logs and the responses', () => {
  let db: Db;
  let base: string;
  let logs: () => string;
  let close: () => Promise<void>;
  const responses: string[] = [];

  before(async () => {
    // A real server process (its real stdout and stderr) where PostgreSQL lets one share the database;
    // the in-process server with a capturing logger otherwise.
    if (hasPostgres) {
      const fresh = await freshDatabase();
      const server: ServerProcess = await startServerProcess(fresh.url!);
      db = fresh;
      base = server.base;
      logs = server.output;
      close = async () => {
        await server.kill('SIGTERM');
        await fresh.close();
      };
    } else {
      const server: TestServer = await startTestServer();
      db = server.db;
      base = `${server.url}/api/v1`;
      logs = () => server.logs.join('\n');
      close = () => server.close();
    }
  });
  after(() => close?.());

  async function call(path: string, init: { method?: string; token?: string; json?: unknown; key?: boolean } = {}) {
    const headers: Record<string, string> = {};
    if (init.token) headers['authorization'] = `Bearer ${init.token}`;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    if (init.key) headers['idempotency-key'] = crypto.randomUUID();
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers,
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
    const text = await response.text();
    responses.push(`${response.status} ${JSON.stringify([...response.headers])} ${text}`);
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  /** Rows, per table, whose text holds the needle (or matches it, with `regex`). */
  async function hits(needle: string, regex = false): Promise<Record<string, number>> {
    const tables = await db.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const out: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await db.query<{ n: number }>(
        regex
          ? `select count(*)::int as n from "${name}" t where t::text ~ $1`
          : `select count(*)::int as n from "${name}" t where strpos(t::text, $1) > 0`,
        [needle],
      );
      if (row!.n) out[name] = row!.n;
    }
    return out;
  }

  test('a payment load leaves no full card number, CVC or bank number anywhere', async () => {
    const cvcBefore = await hits(CVC_ALONE, true);
    for (const secret of SECRETS) assert.deepEqual(await hits(secret), {}, `${secret} before the load`);

    const token = await signIn(base, 'admin1');
    const invoices = await payableInvoices(db, null, CARDS.length + 4);
    const card = (number: string) => ({
      holder: 'Leak Test',
      number,
      expMonth: 11,
      expYear: 2032,
      cvc: CVC,
      postalCode: '30301',
    });
    // Every test card, paying one invoice each, the first one saved to the wallet.
    for (const [i, number] of CARDS.entries()) {
      const made = await call('/card-tokens', { json: card(number) });
      assert.equal(made.status, 201);
      const invoice = invoices[i]!;
      await call('/payments', {
        token,
        key: true,
        json: {
          invoices: [{ number: invoice.number, amount: invoice.amount_due }],
          processingDate: today(),
          source: { token: made.json['token'] },
          ...(i === 0 ? { saveMethod: true } : {}),
        },
      });
    }
    // A card added to the wallet directly, and bank accounts.
    const saved = await call('/card-tokens', { json: card(CARDS[1]!) });
    assert.equal(
      (await call('/payment-methods', { token, json: { token: saved.json['token'], nickname: 'Leak' } })).status,
      201,
    );
    const ach = await call('/bank-tokens', {
      json: { type: 'ach', holder: 'Leak Test', routingNumber: '011000015', accountNumber: ACH_ACCOUNT },
    });
    assert.equal(ach.status, 201);
    const achInvoice = invoices[CARDS.length]!;
    await call('/payments', {
      token,
      key: true,
      json: {
        invoices: [{ number: achInvoice.number, amount: achInvoice.amount_due }],
        processingDate: today(),
        source: { token: ach.json['token'] },
      },
    });
    await call('/bank-tokens', { json: { type: 'sepa', holder: 'Leak Test', iban: IBAN, mandateVersion: '1' } });

    // A guest identifies an invoice and pays it by card.
    const [guestInvoice] = await db.query<{ number: string; account_number: string; amount_due: number }>(
      `select number, account_number, amount_due::int as amount_due from invoices
        where number = $1`,
      [invoices[CARDS.length + 1]!.number],
    );
    const lookup = await call('/guest/invoice-lookup', {
      json: {
        accountNumber: guestInvoice!.account_number,
        invoiceNumber: guestInvoice!.number,
        amountDue: guestInvoice!.amount_due,
      },
    });
    assert.equal(lookup.status, 200);
    const guestCard = await call('/card-tokens', { json: card(CARDS[0]!) });
    await call('/guest/payments', {
      key: true,
      json: { lookupToken: lookup.json['lookupToken'], token: guestCard.json['token'], email: 'guest@example.com' },
    });

    // Card numbers where they do not belong: refused, and not echoed or stored on the way.
    await call('/card-tokens', { json: { ...card(CARDS[0]!), cvc: `${CVC}x` } });
    await call('/card-tokens', { json: { ...card(CARDS[0]!), cardNumber: CARDS[0] } });
    await call('/card-tokens', { json: { ...card(CARDS[0]!), holder: CARDS[0], expYear: 1999 } });
    await call('/payments', {
      token,
      key: true,
      json: { invoices: [{ number: CARDS[0], amount: 1 }], processingDate: today(), source: { token: CARDS[0] } },
    });
    await call(`/invoices?q=${CARDS[2]}`, { token });
    // A card number typed into the user ID field of the sign-in form.
    await call('/session', { json: { userId: CARDS[4], password: CVC } });
    await call('/guest/invoice-lookup', {
      json: { accountNumber: '4R7X21', invoiceNumber: CARDS[3], amountDue: Number(CVC) },
    });

    const found: Record<string, unknown> = {};
    for (const secret of SECRETS) {
      const inDb = await hits(secret);
      if (Object.keys(inDb).length) found[`database: ${secret}`] = inDb;
    }
    const cvcAfter = await hits(CVC_ALONE, true);
    if (JSON.stringify(cvcAfter) !== JSON.stringify(cvcBefore))
      found[`database: CVC`] = { before: cvcBefore, after: cvcAfter };
    const output = logs();
    for (const secret of [...SECRETS, CVC_ALONE]) {
      const at = output.search(new RegExp(secret, 'm'));
      if (at >= 0) found[`logs: ${secret}`] = output.slice(at - 200, at + 50);
    }
    for (const secret of [...SECRETS, `"${CVC}"`]) {
      const response = responses.find((r) => r.includes(secret));
      if (response) found[`response: ${secret}`] = response.slice(0, 400);
    }
    assert.deepEqual(found, {});
    assert.ok(responses.length > 20, `the load ran: ${responses.length} responses`);
    console.log(`leak scan: ${responses.length} responses, ${output.length} characters of logs, every table: no hits`);
  });
});
