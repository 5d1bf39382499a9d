/**
 * Disputes at the HTTP boundary (issue 7), creating and who may: a dispute
 * made with real multipart uploads and its files downloaded back, every
 * refusal with its problem code and field error — and with nothing stored
 * —, two users disputing one line at once, withdrawing, and what each role
 * and the other company may do. The lifecycle is in dispute-lifecycle.test.ts.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { OTHER_COMPANY_ADMIN } from '../../server/db/seed.js';
import { safeFileName } from '../../server/http/route.js';
import { EXE, PDF, PNG, disputeHelpers, file, invoicePool, type Dispute } from '../helpers/disputes.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('disputes: creating and who may', () => {
  let server: TestServer;
  let pool: Awaited<ReturnType<typeof invoicePool>>;
  let h: ReturnType<typeof disputeHelpers>;

  before(async () => {
    server = await startTestServer();
    for (const user of ['admin1', 'manager1', 'payer1', 'viewer1', OTHER_COMPANY_ADMIN]) await server.tokenFor(user);
    pool = await invoicePool(server, 18);
    h = disputeHelpers(server);
  });
  after(() => server.close());

  const freshInvoice = () => pool.fresh();

  describe('creating', () => {
    test('a shipment dispute with a PDF and a PNG: stored, files downloaded back byte for byte, amount due unchanged', async () => {
      const invoice = freshInvoice();
      const [shipment] = await h.shipmentsOf(invoice.id);
      const before = await h.state(invoice.id);
      const dispute = await h.created(
        h.body(invoice.number.toLowerCase(), {
          scope: 'shipments',
          shipmentIds: [shipment!.id],
          reason: 'incorrect_weight',
          amount: { amount: Math.min(250, shipment!.charged), currency: 'USD' },
          comment: 'Billed 12 lb, weighed 4 lb',
        }),
        [file(PDF, 'C:\\scans\\weight ticket.pdf'), file(PNG, 'label.png', 'image/png')],
      );
      assert.match(dispute.number, /^D\d{8}$/);
      assert.equal(dispute.invoiceNumber, invoice.number);
      assert.equal(dispute.status, 'submitted');
      assert.deepEqual(dispute.shipmentIds, [shipment!.id]);
      assert.deepEqual(dispute.disputed, { amount: Math.min(250, shipment!.charged), currency: 'USD' });
      // Started from one line, the dispute carries its tracking number.
      assert.equal(dispute.trackingNumber, shipment!.tracking_number);
      assert.equal(dispute.lines[0]!.charged.amount, shipment!.charged);
      assert.deepEqual(
        dispute.attachments.map((a) => [a.name, a.mediaType, a.size]),
        [
          ['weight ticket.pdf', 'application/pdf', PDF.length],
          ['label.png', 'image/png', PNG.length],
        ],
      );
      assert.deepEqual(
        dispute.history.map((h) => [h.status, h.by]),
        [['submitted', 'Priya Shah']],
      );
      assert.equal(dispute.canWithdraw, true);

      for (const [attachment, bytes] of [
        [dispute.attachments[0]!, PDF],
        [dispute.attachments[1]!, PNG],
      ] as const) {
        const response = await server.api(`/disputes/${dispute.id}/attachments/${attachment.id}`, {
          token: await server.tokenFor('manager1'),
        });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), attachment.mediaType);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
        assert.match(
          response.headers.get('content-disposition')!,
          new RegExp(`^attachment; filename="${attachment.name}"`),
        );
        assert.deepEqual(new Uint8Array(await response.arrayBuffer()), bytes);
      }

      const after = await h.state(invoice.id);
      assert.deepEqual(after.invoice, { ...before.invoice, in_dispute: true });
      const [audit] = await server.db.query<{ actor: string; data: { invoice: string } }>(
        `select u.user_id as actor, l.data from audit_log l join users u on u.id = l.actor_id
          where l.action = 'dispute.create' and l.target = $1`,
        [dispute.number],
      );
      assert.deepEqual([audit!.actor, audit!.data.invoice], ['payer1', invoice.number]);

      // The invoice list's "In dispute" preset shows it.
      const list = await server.api(`/invoices?status=in_dispute&q=${invoice.number}`, {
        token: await server.tokenFor('payer1'),
      });
      const page = (await list.json()) as { items: { number: string; inDispute: boolean }[] };
      assert.deepEqual(
        page.items.map((i) => [i.number, i.inDispute]),
        [[invoice.number, true]],
      );
    });

    test('an expected amount records charged − expected as disputed; charge lines are disputed by id', async () => {
      const invoice = freshInvoice();
      const charges = (await h.chargesOf(invoice.id)).filter((c) => c.amount > 100);
      const picked = charges.slice(0, 2);
      const total = picked.reduce((sum, c) => sum + c.amount, 0);
      const dispute = await h.created(
        h.body(invoice.number, {
          scope: 'charges',
          chargeIds: picked.map((c) => c.id),
          amountKind: 'expected',
          amount: { amount: total - 75, currency: 'USD' },
        }),
      );
      assert.equal(dispute.disputed.amount, 75);
      assert.equal(dispute.amount.amount, total - 75);
      assert.deepEqual(
        dispute.chargeIds,
        picked.map((c) => c.id).sort((a, b) => Number(a) - Number(b)),
      );
    });

    test('file names are kept as a base name, without control characters, at most 120 characters', () => {
      assert.equal(safeFileName('../../etc/pass\u0000wd.pdf'), 'passwd.pdf');
      assert.equal(safeFileName('C:\\Users\\me\\scan\u001b[31m.png'), 'scan[31m.png');
      assert.equal(safeFileName('  \u0007 '), 'attachment');
      assert.equal(safeFileName(`${'é'.repeat(200)}.pdf`).length, 120);
    });

    describe('bad input is refused with a problem code and a field error, and nothing is stored', () => {
      test('a sixth file', async () => {
        const invoice = freshInvoice();
        const problem = await h.refused(
          invoice.id,
          () =>
            h.create(
              h.body(invoice.number),
              Array.from({ length: 6 }, (_, i) => file(PDF, `scan-${i}.pdf`)),
            ),
          422,
          'too_many_files',
          { files: 'too_many_files' },
        );
        assert.equal(problem.detail, '5');
      });

      test('an 11 MB file', async () => {
        const invoice = freshInvoice();
        const big = new Uint8Array(11 * 1024 * 1024);
        big.set(PDF);
        await h.refused(
          invoice.id,
          () => h.create(h.body(invoice.number), [file(PDF, 'ok.pdf'), file(big, 'big.pdf')]),
          422,
          'file_too_large',
          { 'files.1': 'file_too_large' },
        );
      });

      test('a body longer than five full files (and some room) is refused before it is read', async () => {
        const invoice = freshInvoice();
        const before = await h.state(invoice.id);
        const token = await server.tokenFor('payer1');
        // Only the headers are sent: the server must answer on the length alone.
        const status = await new Promise<number>((resolve, reject) => {
          const url = new URL(`${server.url}/api/v1/disputes`);
          const request = httpRequest(url, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'multipart/form-data; boundary=x',
              'content-length': String(5 * 10 * 1024 * 1024 + 2 * 1024 * 1024),
            },
          });
          request.on('response', (response) => {
            response.resume();
            resolve(response.statusCode!);
            request.destroy();
          });
          request.on('error', reject);
          request.flushHeaders();
        });
        assert.equal(status, 413);
        assert.deepEqual(await h.state(invoice.id), before);
      });

      test('an executable renamed .pdf', async () => {
        const invoice = freshInvoice();
        await h.refused(
          invoice.id,
          () => h.create(h.body(invoice.number), [file(EXE, 'invoice.pdf', 'application/pdf')]),
          422,
          'file_type_not_allowed',
          { 'files.0': 'file_type' },
        );
      });

      test('a line of another invoice', async () => {
        const [invoice, other] = [freshInvoice(), freshInvoice()];
        const [own] = await h.shipmentsOf(invoice.id);
        const [foreign] = await h.shipmentsOf(other.id);
        await h.refused(
          invoice.id,
          () => h.create(h.body(invoice.number, { scope: 'shipments', shipmentIds: [own!.id, foreign!.id] })),
          422,
          'line_not_on_invoice',
          { 'shipmentIds.1': 'not_on_invoice' },
        );
        const [foreignCharge] = await h.chargesOf(other.id);
        await h.refused(
          invoice.id,
          () => h.create(h.body(invoice.number, { scope: 'charges', chargeIds: [foreignCharge!.id] })),
          422,
          'line_not_on_invoice',
          { 'chargeIds.0': 'not_on_invoice' },
        );
      });

      test('a disputed amount above the line’s charge, or an expected amount not below it', async () => {
        const invoice = freshInvoice();
        const [shipment] = await h.shipmentsOf(invoice.id);
        const over = { scope: 'shipments', shipmentIds: [shipment!.id] };
        await h.refused(
          invoice.id,
          () =>
            h.create(h.body(invoice.number, { ...over, amount: { amount: shipment!.charged + 1, currency: 'USD' } })),
          422,
          'amount_above_charge',
          { amount: 'above_charge' },
        );
        await h.refused(
          invoice.id,
          () =>
            h.create(
              h.body(invoice.number, {
                ...over,
                amountKind: 'expected',
                amount: { amount: shipment!.charged, currency: 'USD' },
              }),
            ),
          422,
          'amount_above_charge',
          { amount: 'above_charge' },
        );
        await h.refused(
          invoice.id,
          () => h.create(h.body(invoice.number, { amount: { amount: invoice.amount + 1, currency: 'USD' } })),
          422,
          'amount_above_charge',
          { amount: 'above_charge' },
        );
        await h.refused(
          invoice.id,
          () => h.create(h.body(invoice.number, { amount: { amount: 100, currency: 'EUR' } })),
          422,
          'currency_mismatch',
          { 'amount.currency': 'currency_mismatch' },
        );
      });

      test('a credit invoice: nothing to dispute', async () => {
        const [credit] = await server.db.query<{ id: number; number: string }>(
          `select id, number from invoices where account_number = '4R7X21' and amount < 0 limit 1`,
        );
        await h.refused(credit!.id, () => h.create(h.body(credit!.number)), 422, 'amount_above_charge', {
          amount: 'above_charge',
        });
      });

      test('a duplicate open dispute on the same line, a charge of a disputed shipment, a whole invoice with a line disputed', async () => {
        const invoice = freshInvoice();
        const [first, second] = await h.shipmentsOf(invoice.id);
        const open = await h.created(h.body(invoice.number, { scope: 'shipments', shipmentIds: [first!.id] }));
        const problem = await h.refused(
          invoice.id,
          () => h.create(h.body(invoice.number, { scope: 'shipments', shipmentIds: [second!.id, first!.id] })),
          409,
          'dispute_exists',
          { 'shipmentIds.1': 'dispute_exists' },
        );
        assert.equal(problem.detail, open.number);
        const charge = (await h.chargesOf(invoice.id)).find((c) => c.shipment_id === first!.id)!;
        await h.refused(
          invoice.id,
          () => h.create(h.body(invoice.number, { scope: 'charges', chargeIds: [charge.id] })),
          409,
          'dispute_exists',
          { 'chargeIds.0': 'dispute_exists' },
        );
        await h.refused(invoice.id, () => h.create(h.body(invoice.number)), 409, 'dispute_exists', {
          scope: 'dispute_exists',
        });
        // Another shipment of the same invoice is free to dispute.
        await h.created(h.body(invoice.number, { scope: 'shipments', shipmentIds: [second!.id] }));
        // Once withdrawn, the line may be disputed again.
        assert.equal((await h.withdraw(open.id, 'payer1')).status, 200);
        await h.created(h.body(invoice.number, { scope: 'charges', chargeIds: [charge.id] }));
      });

      test('an open whole-invoice dispute blocks any other dispute of the invoice', async () => {
        const invoice = freshInvoice();
        const whole = await h.created(h.body(invoice.number));
        const [shipment] = await h.shipmentsOf(invoice.id);
        const problem = await h.refused(
          invoice.id,
          () => h.create(h.body(invoice.number, { scope: 'shipments', shipmentIds: [shipment!.id] })),
          409,
          'dispute_exists',
          { scope: 'dispute_exists' },
        );
        assert.equal(problem.detail, whole.number);
      });

      test('malformed requests: JSON instead of multipart, bad JSON part, unknown part, invalid body', async () => {
        const invoice = freshInvoice();
        const token = await server.tokenFor('payer1');
        await h.refused(
          invoice.id,
          () => server.api('/disputes', { method: 'POST', json: h.body(invoice.number), token }),
          415,
          'unsupported_media_type',
        );
        const form = (parts: [string, string | File][]) => {
          const f = new FormData();
          for (const [name, value] of parts) f.append(name, value);
          return f;
        };
        await h.refused(
          invoice.id,
          () => server.api('/disputes', { method: 'POST', body: form([['body', '{nope']]), token }),
          400,
          'malformed_json',
        );
        await h.refused(
          invoice.id,
          () =>
            server.api('/disputes', {
              method: 'POST',
              body: form([
                ['body', JSON.stringify(h.body(invoice.number))],
                ['extra', 'x'],
              ]),
              token,
            }),
          400,
          'validation_failed',
          { extra: 'unknown_field' },
        );
        await h.refused(
          invoice.id,
          () => h.create(h.body(invoice.number, { reason: 'other', scope: 'shipments' })),
          400,
          'validation_failed',
          { shipmentIds: 'required', comment: 'required' },
        );
      });
    });

    test('two users disputing one line at once: one dispute, one dispute_exists', async () => {
      const invoice = freshInvoice();
      const [shipment] = await h.shipmentsOf(invoice.id);
      const json = h.body(invoice.number, { scope: 'shipments', shipmentIds: [shipment!.id] });
      const responses = await Promise.all([h.create(json, [], 'payer1'), h.create(json, [], 'manager1')]);
      assert.deepEqual(responses.map((r) => r.status).sort(), [201, 409]);
      const [{ n }] = await server.db.query<{ n: number }>(
        `select count(*)::int as n from dispute_lines where shipment_id = $1`,
        [shipment!.id],
      );
      assert.equal(n, 1);
    });
  });

  describe('who may', () => {
    test('viewers cannot dispute (403), even invoices they see; another company’s invoice is not found (404)', async () => {
      const [viewerInvoice] = await server.db.query<{ number: string; id: number }>(
        `select number, id from invoices where account_number = 'F3R901' and status = 'open' and amount > 0 limit 1`,
      );
      await h.refused(
        viewerInvoice!.id,
        () => h.create(h.body(viewerInvoice!.number, { amount: { amount: 1, currency: 'EUR' } }), [], 'viewer1'),
        403,
        'forbidden',
      );
      const [other] = await server.db.query<{ number: string; id: number }>(
        `select number, id from invoices where account_number = 'N0RTH1' and amount > 0 limit 1`,
      );
      await h.refused(
        other!.id,
        () => h.create(h.body(other!.number, { amount: { amount: 1, currency: 'EUR' } }), [], 'payer1'),
        404,
        'not_found',
      );
      // Out of a payer's scope, within the company: as unknown.
      const [outside] = await server.db.query<{ number: string; id: number }>(
        `select number, id from invoices where account_number = 'E7T310' and amount > 0 limit 1`,
      );
      await h.refused(
        outside!.id,
        () => h.create(h.body(outside!.number, { amount: { amount: 1, currency: 'EUR' } }), [], 'payer1'),
        404,
        'not_found',
      );
    });

    test('another company sees none of it: the dispute, its files and the list', async () => {
      const invoice = freshInvoice();
      const dispute = await h.created(h.body(invoice.number), [file(PDF, 'a.pdf')]);
      const token = await server.tokenFor(OTHER_COMPANY_ADMIN);
      assert.equal((await server.api(`/disputes/${dispute.id}`, { token })).status, 404);
      assert.equal(
        (await server.api(`/disputes/${dispute.id}/attachments/${dispute.attachments[0]!.id}`, { token })).status,
        404,
      );
      assert.equal((await h.withdraw(dispute.id, OTHER_COMPANY_ADMIN)).status, 404);
      const list = (await (await server.api(`/disputes?q=${dispute.number}`, { token })).json()) as { total: number };
      assert.equal(list.total, 0);
      // A viewer of another account of Demo Co does not see it either.
      assert.equal(
        (await server.api(`/disputes/${dispute.id}`, { token: await server.tokenFor('viewer1') })).status,
        404,
      );
    });

    test('withdrawing: the author, an administrator, a manager of the account; not another payer; open only', async () => {
      const invoice = freshInvoice();
      const byManager = await h.created(
        h.body(invoice.number, { scope: 'shipments', shipmentIds: [(await h.shipmentsOf(invoice.id))[0]!.id] }),
        [],
        'manager1',
      );
      // payer1 sees it but did not write it.
      assert.equal((await h.get(byManager.id, 'payer1')).canWithdraw, false);
      await h.refused(invoice.id, () => h.withdraw(byManager.id, 'payer1'), 403, 'forbidden');
      assert.equal((await h.get(byManager.id, 'admin1')).canWithdraw, true);
      const response = await h.withdraw(byManager.id, 'admin1', 'Sent to the wrong invoice');
      assert.equal(response.status, 200);
      const withdrawn = (await response.json()) as Dispute;
      assert.equal(withdrawn.status, 'withdrawn');
      assert.equal(withdrawn.canWithdraw, false);
      assert.deepEqual(
        withdrawn.history.map((h) => [h.status, h.by, h.note]),
        [
          ['submitted', 'Marc Dubois', null],
          ['withdrawn', 'Alice Martin', 'Sent to the wrong invoice'],
        ],
      );
      const [flag] = await server.db.query<{ in_dispute: boolean }>('select in_dispute from invoices where id = $1', [
        invoice.id,
      ]);
      assert.equal(flag!.in_dispute, false);
      await h.refused(invoice.id, () => h.withdraw(byManager.id, 'admin1'), 409, 'dispute_closed');

      const byPayer = await h.created(h.body(invoice.number));
      assert.equal((await h.get(byPayer.id, 'manager1')).canWithdraw, true);
      // A viewer of other accounts does not see it at all.
      const unseen = await server.api(`/disputes/${byPayer.id}`, { token: await server.tokenFor('viewer1') });
      assert.equal(unseen.status, 404);
      assert.equal((await h.withdraw(byPayer.id, 'manager1')).status, 200);
      const [audit] = await server.db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'dispute.withdraw' and target = any($1::text[])`,
        [[byManager.number, byPayer.number]],
      );
      assert.equal(audit!.n, 2);
    });
  });
});
