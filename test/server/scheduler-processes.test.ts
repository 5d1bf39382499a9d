/**
 * Scheduled payments run exactly once with two server processes on one
 * PostgreSQL. Runs where the suite runs on PostgreSQL (`DATABASE_URL`, as in
 * CI's second pass); PGlite is one process by nature.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { today } from '../helpers/database.js';
import { issueInvoices } from '../../server/db/issue-invoices.js';

function runOps(url: string, date: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ops.ts', 'run-payments', '--date', date], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(output))));
  });
}

describe('scheduled payments with two processes', { skip: !process.env['DATABASE_URL'] }, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.close());

  test('each payment due is charged exactly once', async () => {
    const token = await server.tokenFor('admin1');
    // Invoices not due for weeks, whatever today's demo data holds: the payments can be scheduled ahead.
    const [demo] = await server.db.query<{ id: string }>(`select id from companies where name = 'Demo Co'`);
    await issueInvoices(server.db, { companyId: demo!.id, weeks: 2, today: today(), seed: 11 });
    const day = new Date(Date.parse(`${today()}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    const invoices = await server.db.query<{ number: string; amount_due: number }>(
      `select number, amount_due from invoices where status = 'open' and amount > 0 and type <> 'import'
          and due_date >= $1::date and currency = 'USD' and company_id = $2 order by id limit 20`,
      [day, demo!.id],
    );
    assert.ok(invoices.length >= 10);
    const confirmations: string[] = [];
    for (const invoice of invoices) {
      const card = await (
        await server.api('/card-tokens', {
          method: 'POST',
          json: {
            holder: 'A',
            number: '4242424242424242',
            expMonth: 12,
            expYear: 2030,
            cvc: '123',
            postalCode: '30301',
          },
        })
      ).json();
      const response = await server.api('/payments', {
        method: 'POST',
        token,
        headers: { 'idempotency-key': crypto.randomUUID() },
        json: {
          invoices: [{ number: invoice.number, amount: invoice.amount_due }],
          processingDate: day,
          source: { token: card.token },
        },
      });
      assert.equal(response.status, 201, `${invoice.number}: ${await response.clone().text()}`);
      confirmations.push((await response.json()).confirmationNumber);
    }
    const url = (server.db as { url?: string }).url!;
    await Promise.all([runOps(url, day), runOps(url, day)]);
    const rows = await server.db.query<{ status: string; charges: number }>(
      `select p.status, (select count(*)::int from test_gateway_charges c where c.idempotency_key = p.id::text) as charges
         from payments p where p.confirmation_number = any($1::text[])`,
      [confirmations],
    );
    assert.equal(rows.length, confirmations.length);
    assert.ok(
      rows.every((r) => r.status === 'completed' && r.charges === 1),
      JSON.stringify(rows),
    );
  });
});
