/**
 * Races: two users and a guest pay the same invoices at the same moment
 * through two server processes on one PostgreSQL. Each invoice is charged once, owes
 * nothing less than zero, and every losing request gets a 4xx problem, never a 500.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, today } from '../helpers/database.js';
import type { Db } from '../../server/db/db.js';
import { issueInvoices } from '../../server/db/issue-invoices.js';
import {
  NO_POSTGRES,
  cardToken,
  hasPostgres,
  ledgerViolations,
  payableInvoices,
  signIn,
  startServerProcess,
  type ServerProcess,
} from './support.js';

describe('concurrent payments, two users, two server processes', { skip: hasPostgres ? false : NO_POSTGRES }, () => {
  let db: Db & { url?: string };
  let servers: ServerProcess[] = [];
  before(async () => {
    db = await freshDatabase();
    // Enough unpaid invoices on the accounts both users see for three rounds.
    const [demo] = await db.query<{ id: string }>(`select id from companies where name = 'Demo Co'`);
    await issueInvoices(db, { companyId: demo!.id, weeks: 12, today: today(), seed: 5 });
    servers = await Promise.all([startServerProcess(db.url!), startServerProcess(db.url!)]);
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.kill('SIGTERM')));
    await db?.close();
  });

  // Three rounds on fresh invoices: which request wins changes from round to round.
  for (const round of [1, 2, 3]) {
    test(`round ${round}: each invoice is paid once whoever asks first; the others are refused with a 4xx`, async () => {
      const [a, b] = servers as [ServerProcess, ServerProcess];
      // admin1 and payer1 both see account 4R7X21.
      const users = [
        { server: a, token: await signIn(a.base, 'admin1') },
        { server: b, token: await signIn(b.base, 'payer1') },
        { server: b, token: await signIn(b.base, 'admin1') },
        { server: a, token: await signIn(a.base, 'payer1') },
      ];
      const invoices = await payableInvoices(db, ['4R7X21'], 12);
      assert.ok(invoices.length >= 8, `payable invoices: ${invoices.length}`);
      const pay = async (who: (typeof users)[number], lines: { number: string; amount: number }[]) => {
        const response = await fetch(`${who.server.base}/payments`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${who.token}`,
            'content-type': 'application/json',
            'idempotency-key': crypto.randomUUID(),
          },
          body: JSON.stringify({
            invoices: lines,
            processingDate: today(),
            source: { token: await cardToken(who.server.base) },
          }),
        });
        return {
          status: response.status,
          body: (await response.json()) as { code?: string; confirmationNumber?: string },
        };
      };

      /** A guest who identified the invoice on the public page pays it at the same moment. */
      const payAsGuest = async (server: ServerProcess, invoice: { number: string; amount_due: number }) => {
        const [row] = await db.query<{ account_number: string }>(
          'select account_number from invoices where number = $1',
          [invoice.number],
        );
        const lookup = await fetch(`${server.base}/guest/invoice-lookup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            accountNumber: row!.account_number,
            invoiceNumber: invoice.number,
            amountDue: invoice.amount_due,
          }),
        });
        // Identification itself may lose the race: an invoice paid meanwhile is no longer offered to guests.
        if (lookup.status !== 200) return { status: lookup.status, body: (await lookup.json()) as { code?: string } };
        const { lookupToken } = (await lookup.json()) as { lookupToken: string };
        const response = await fetch(`${server.base}/guest/payments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify({ lookupToken, token: await cardToken(server.base) }),
        });
        return { status: response.status, body: (await response.json()) as { code?: string } };
      };

      const singles = invoices.slice(0, 6);
      // Overlapping pairs ([0,1], [1,2], …) taken in both orders: locks wanted in opposite orders must not deadlock into a 500.
      const pairs = invoices.slice(6);
      const attempts: Promise<{ status: number; body: { code?: string }; invoices: string[] }>[] = [];
      for (const invoice of singles) {
        attempts.push(payAsGuest(b, invoice).then((r) => ({ ...r, invoices: [invoice.number] })));
        for (const who of users) {
          attempts.push(
            pay(who, [{ number: invoice.number, amount: invoice.amount_due }]).then((r) => ({
              ...r,
              invoices: [invoice.number],
            })),
          );
        }
      }
      for (let i = 0; i + 1 < pairs.length; i++) {
        const lines = [pairs[i]!, pairs[i + 1]!].map((p) => ({ number: p.number, amount: p.amount_due }));
        attempts.push(pay(users[i % 4]!, lines).then((r) => ({ ...r, invoices: lines.map((l) => l.number) })));
        attempts.push(
          pay(users[(i + 1) % 4]!, [...lines].reverse()).then((r) => ({ ...r, invoices: lines.map((l) => l.number) })),
        );
      }
      const results = await Promise.all(attempts);

      const unexpected = results.filter(
        (r) => r.status >= 500 || (r.status !== 201 && !(r.status >= 400 && r.body.code)),
      );
      assert.deepEqual(unexpected, [], 'every answer is a receipt or a 4xx problem with a code');
      for (const invoice of singles) {
        const won = results.filter((r) => r.invoices.includes(invoice.number) && r.status === 201);
        assert.equal(won.length, 1, `${invoice.number}: exactly one payment succeeds`);
      }
      for (const invoice of pairs) {
        const won = results.filter((r) => r.invoices.includes(invoice.number) && r.status === 201);
        assert.ok(won.length <= 1, `${invoice.number}: at most one payment succeeds`);
      }
      const refusals = new Set(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.code}`));
      console.log(
        `round ${round}: ${results.length} payments at once: ${results.filter((r) => r.status === 201).length} paid; refused: ${[...refusals].join(', ')}`,
      );

      const numbers = invoices.map((i) => i.number);
      const charges = await db.query<{ number: string; charges: number; amount_due: number }>(
        `select i.number, i.amount_due::int as amount_due,
              (select count(*)::int from payment_allocations a join test_gateway_charges c on c.idempotency_key = a.payment_id::text
                where a.invoice_id = i.id) as charges
         from invoices i where i.number = any($1::text[])`,
        [numbers],
      );
      for (const row of charges) {
        if (singles.some((s) => s.number === row.number)) {
          assert.equal(row.charges, 1, `${row.number}: one charge`);
          assert.equal(row.amount_due, 0, `${row.number}: paid`);
        } else assert.ok(row.charges <= 1, `${row.number}: at most one charge`);
      }
      assert.deepEqual(await ledgerViolations(db), []);
      for (const server of servers) assert.doesNotMatch(server.output(), /internal_error|unhandled/i);
    });
  }
});
