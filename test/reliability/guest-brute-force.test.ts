/**
 * Guest brute force: someone guessing invoice numbers and amounts on the
 * public pay page runs into 429 with Retry-After, per invoice whoever guesses
 * and per address whatever is guessed; the right answer found after the limit
 * is refused like the wrong ones; and every mismatch, whichever field was
 * wrong (or whether the invoice exists at all), gets the very same answer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface Target {
  number: string;
  account_number: string;
  amount_due: number;
  invoice_date: string;
}

async function target(server: TestServer, offset: number): Promise<Target> {
  const [row] = await server.db.query<Target>(
    `select number, account_number, amount_due::int as amount_due, invoice_date::text as invoice_date from invoices
      where status in ('open', 'past_due') and amount > 0 and type <> 'import' order by id offset $1 limit 1`,
    [offset],
  );
  return row!;
}

const lookup = (server: TestServer, json: unknown, ip: string) =>
  fetch(`${server.url}/api/v1/guest/invoice-lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-client-ip': ip },
    body: JSON.stringify(json),
  });

/** What a client can observe of an answer: status, headers that are not about time, and the body. */
async function observable(response: Response): Promise<string> {
  const headers = [...response.headers].filter(([name]) => !['date', 'content-length'].includes(name));
  return JSON.stringify([response.status, headers, await response.text()]);
}

describe('guest identification under guessing', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.close());

  test('every kind of mismatch gets one and the same answer', async () => {
    // A roomy limit here: this test is about the shape of the refusal, not when it starts.
    const roomy = await startTestServer({ config: { guestMaxFailures: 10_000 } });
    try {
      const invoice = await target(roomy, 0);
      const other = await target(roomy, 1);
      const reference = await observable(
        await lookup(roomy, { accountNumber: 'ZZZZZZ', invoiceNumber: 'NOSUCH000', amountDue: 1 }, '10.60.0.1'),
      );
      assert.match(reference, /identification_failed/);
      let i = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            account: fc.constantFrom('right', 'other invoice’s', 'unknown'),
            number: fc.constantFrom('right', 'other', 'unknown', 'lower case'),
            by: fc.constantFrom('amount', 'date'),
            value: fc.constantFrom('right', 'off by one', 'zero', 'negative', 'huge'),
          }),
          async (guess) => {
            fc.pre(
              !(guess.account === 'right' && ['right', 'lower case'].includes(guess.number) && guess.value === 'right'),
            );
            const accountNumber = {
              right: invoice.account_number,
              'other invoice’s': other.account_number,
              unknown: 'Q9Q9Q9',
            }[guess.account];
            const invoiceNumber = {
              right: invoice.number,
              other: other.number,
              unknown: 'X0000000001',
              'lower case': invoice.number.toLowerCase(),
            }[guess.number];
            const amount = {
              right: invoice.amount_due,
              'off by one': invoice.amount_due + 1,
              zero: 0,
              negative: -invoice.amount_due,
              huge: 2 ** 52,
            }[guess.value];
            const day = new Date(
              Date.parse(`${invoice.invoice_date}T00:00:00Z`) + (guess.value === 'right' ? 0 : 86_400_000),
            );
            const body =
              guess.by === 'amount'
                ? { accountNumber, invoiceNumber, amountDue: amount }
                : { accountNumber, invoiceNumber, invoiceDate: day.toISOString().slice(0, 10) };
            const answer = await observable(await lookup(roomy, body, `10.61.${i >> 8}.${i++ & 255}`));
            assert.equal(answer, reference, JSON.stringify(guess));
          },
        ),
        { numRuns: 120 },
      );
      // Sanity: the right values do identify the invoice, so the refusals above were for the mismatch.
      const right = await lookup(
        roomy,
        { accountNumber: invoice.account_number, invoiceNumber: invoice.number, amountDue: invoice.amount_due },
        '10.62.0.1',
      );
      assert.equal(right.status, 200);
    } finally {
      await roomy.close();
    }
  });

  test('guessing one invoice’s amount from many addresses runs into 429, and the right amount is then refused too', async () => {
    const invoice = await target(server, 2);
    const max = 5; // guestMaxFailures by default
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await lookup(
        server,
        { accountNumber: invoice.account_number, invoiceNumber: invoice.number, amountDue: 100 + i },
        `10.70.0.${i}`,
      );
      statuses.push(response.status);
      if (response.status === 429) assert.ok(Number(response.headers.get('retry-after')) > 0, 'Retry-After');
    }
    assert.deepEqual(statuses, [...Array(max).fill(422), ...Array(12 - max).fill(429)]);
    const right = await lookup(
      server,
      { accountNumber: invoice.account_number, invoiceNumber: invoice.number, amountDue: invoice.amount_due },
      '10.70.1.1',
    );
    assert.equal(right.status, 429, 'the lock-out does not confirm the right guess');
  });

  test('an invoice that does not exist locks out exactly like one that does', async () => {
    const invoice = await target(server, 3);
    const run = async (invoiceNumber: string, net: number) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const response = await lookup(
          server,
          { accountNumber: invoice.account_number, invoiceNumber, amountDue: 1 + i },
          `10.${net}.0.${i}`,
        );
        out.push(`${response.status} ${(await response.json()).code}`);
      }
      return out;
    };
    assert.deepEqual(await run('NOPE12345', 71), await run(invoice.number, 72));
  });

  test('one address guessing invoice numbers runs into 429 whatever it guesses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const response = await lookup(
        server,
        { accountNumber: '4R7X21', invoiceNumber: `GUESS${String(i).padStart(5, '0')}`, amountDue: 1000 },
        '10.80.0.1',
      );
      statuses.push(response.status);
    }
    // 4 × guestMaxFailures per address.
    assert.deepEqual(statuses, [...Array(20).fill(422), ...Array(5).fill(429)]);
  });
});
