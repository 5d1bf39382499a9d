import { expect } from '@open-wc/testing';
import { privateServer, tokenFor } from '../../test/browser/fixtures.js';
import { BillingClient } from './client.js';
import { createDispute, getDispute } from './endpoints/disputes.js';
import { getInvoice, listInvoiceShipments, listInvoices } from './endpoints/invoices.js';
import { getSession, signIn } from './endpoints/session.js';
import { BillingApiError } from './errors.js';

/**
 * The transport below is the real `fetch` to the real test server; the
 * wrapper only counts calls or injects a failure before passing through.
 */
function countingFetch(fail: (request: Request, attempt: number) => Response | null = () => null) {
  const calls: Request[] = [];
  const wrapped = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push(request);
    return fail(request, calls.length) ?? fetch(request);
  };
  return { calls, fetch: wrapped as typeof fetch };
}

describe('BillingClient', () => {
  it('parses a typed response through its schema', async () => {
    const token = await tokenFor('payer1');
    const client = new BillingClient({ baseUrl: '/api/v1', getToken: () => token });
    const page = await client.call(listInvoices, { query: { status: 'all', pageSize: 5 } });
    expect(page.items).to.have.length(5);
    expect(page.items[0]!.amount.amount).to.be.a('number');
    const detail = await client.call(getInvoice, { params: { number: page.items[0]!.number } });
    expect(detail.number).to.equal(page.items[0]!.number);
  });

  it('turns a problem document into a BillingApiError with its code and field codes', async () => {
    const client = new BillingClient({ baseUrl: '/api/v1' });
    const error = await client.call(signIn, { body: { userId: 'admin1', password: 'wrong' } }).catch((e) => e);
    expect(error).to.be.instanceOf(BillingApiError);
    expect(error.code).to.equal('invalid_credentials');
    expect(error.status).to.equal(401);
  });

  it('refuses bad input before sending, with the server’s field codes', async () => {
    const { calls, fetch } = countingFetch();
    const client = new BillingClient({ baseUrl: '/api/v1', fetch, getToken: () => 'x' });
    const error = await client.call(listInvoices, { query: { pageSize: 500, q: 'x'.repeat(101) } }).catch((e) => e);
    expect(error.code).to.equal('validation_failed');
    expect(error.fieldErrors).to.deep.equal({ pageSize: 'too_big', q: 'too_long' });
    expect(calls).to.have.length(0);
  });

  it('passes the AbortSignal through and rejects with an AbortError', async () => {
    const token = await tokenFor('admin1');
    const controller = new AbortController();
    const client = new BillingClient({ baseUrl: '/api/v1', getToken: () => token });
    const pending = client.call(listInvoices, { query: { status: 'all' } }, { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e) => e);
    expect(error).to.be.instanceOf(DOMException);
    expect(error.name).to.equal('AbortError');
  });

  it('retries a GET after a 503, but never a POST', async () => {
    const token = await tokenFor('admin1');
    const flaky = countingFetch((_, attempt) => (attempt === 1 ? new Response('busy', { status: 503 }) : null));
    const client = new BillingClient({ baseUrl: '/api/v1', fetch: flaky.fetch, getToken: () => token });
    const session = await client.call(getSession);
    expect(session.user.userId).to.equal('admin1');
    expect(flaky.calls.map((r) => r.method)).to.deep.equal(['GET', 'GET']);

    const down = countingFetch(() => new Response('busy', { status: 503 }));
    const poster = new BillingClient({ baseUrl: '/api/v1', fetch: down.fetch });
    const error = await poster.call(signIn, { body: { userId: 'admin1', password: 'demo-password' } }).catch((e) => e);
    expect(error.code).to.equal('internal_error');
    expect(down.calls).to.have.length(1);
  });

  it('asks for a fresh token once after a 401, then gives up', async () => {
    const good = await tokenFor('manager1');
    const asked: boolean[] = [];
    const client = new BillingClient({
      baseUrl: '/api/v1',
      getToken: ({ refresh }) => {
        asked.push(refresh);
        return refresh ? good : 'stale.token.value';
      },
    });
    const session = await client.call(getSession);
    expect(session.user.userId).to.equal('manager1');
    expect(asked).to.deep.equal([false, true]);

    const never = new BillingClient({ baseUrl: '/api/v1', getToken: () => 'stale.token.value' });
    const error = await never.call(getSession).catch((e) => e);
    expect(error.status).to.equal(401);
    expect(error.code).to.equal('token_invalid');
  });

  it('reports a network failure and an unexpected body with their own codes', async () => {
    const offline = new BillingClient({
      baseUrl: '/api/v1',
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
    });
    expect((await offline.call(signIn, { body: { userId: 'a', password: 'b' } }).catch((e) => e)).code).to.equal(
      'network_error',
    );
    const odd = new BillingClient({
      baseUrl: '/api/v1',
      fetch: (async () =>
        new Response('{"items": "nope"}', { headers: { 'content-type': 'application/json' } })) as typeof fetch,
    });
    expect((await odd.call(getSession).catch((e) => e)).code).to.equal('invalid_response');
  });

  describe('uploads (multipart)', () => {
    const pdf = (name = 'proof.pdf', size = 64) =>
      new File([new TextEncoder().encode('%PDF-1.7\n'), new Uint8Array(size)], name, { type: 'application/pdf' });
    const request = (invoiceNumber: string, chargeId: string) => ({
      invoiceNumber,
      scope: 'charges' as const,
      chargeIds: [chargeId],
      reason: 'incorrect_rate' as const,
      amountKind: 'disputed' as const,
      amount: { amount: 1, currency: 'USD' },
      contactEmail: 'payer1@demo-co.example',
    });

    it('refuses a sixth file, an oversized file and an executable named .pdf before sending', async () => {
      const { calls, fetch } = countingFetch();
      const client = new BillingClient({ baseUrl: '/api/v1', fetch, getToken: () => 'x' });
      const body = request('INV0001', '1');
      const six = await client
        .call(createDispute, { body, files: Array.from({ length: 6 }, () => pdf()) })
        .catch((e) => e);
      expect(six).to.be.instanceOf(BillingApiError);
      expect(six.code).to.equal('too_many_files');
      expect(six.fieldErrors).to.deep.equal({ files: 'too_many_files' });
      const big = new File([new TextEncoder().encode('%PDF-'), new Uint8Array(11 * 1024 * 1024)], 'big.pdf');
      const large = await client.call(createDispute, { body, files: [pdf(), big] }).catch((e) => e);
      expect(large.code).to.equal('file_too_large');
      expect(large.fieldErrors).to.deep.equal({ 'files.1': 'file_too_large' });
      // The name and the browser's type say PDF; the bytes say Windows executable.
      const exe = new File([new TextEncoder().encode('MZ\x90\x00'), new Uint8Array(100)], 'invoice.pdf', {
        type: 'application/pdf',
      });
      const typed = await client.call(createDispute, { body, files: [exe] }).catch((e) => e);
      expect(typed.code).to.equal('file_type_not_allowed');
      expect(typed.fieldErrors).to.deep.equal({ 'files.0': 'file_type' });
      expect(calls).to.have.length(0);
    });

    it('sends the body as JSON and each file as its own part; the server stores them', async () => {
      const apiBase = await privateServer();
      const token = await tokenFor('payer1', apiBase);
      const sent: Request[] = [];
      const client = new BillingClient({
        baseUrl: apiBase,
        getToken: () => token,
        fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
          const req = new Request(input, init);
          sent.push(req.clone());
          return fetch(req);
        }) as typeof fetch,
      });
      const invoices = await client.call(listInvoices, { query: { status: 'all', pageSize: 50 } });
      const invoice = invoices.items.find((i) => i.type === 'delivery_service' && i.amount.amount > 0 && !i.inDispute)!;
      const shipments = await client.call(listInvoiceShipments, { params: { number: invoice.number } });
      const charge = shipments.items[0]!.charges[0]!;
      const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], 'photo.png');
      const body = { ...request(invoice.number, charge.id), amount: { amount: 1, currency: invoice.amount.currency } };
      const dispute = await client.call(createDispute, { body, files: [pdf('scan.pdf', 2000), png] });

      const form = await sent.at(-1)!.formData();
      const json = form.get('body') as File;
      expect(json.type).to.equal('application/json');
      expect(JSON.parse(await json.text())).to.deep.equal(body);
      expect(form.getAll('files').map((f) => (f as File).name)).to.deep.equal(['scan.pdf', 'photo.png']);
      expect(dispute.number).to.match(/^D\d{8}$/);
      const stored = await client.call(getDispute, { params: { id: dispute.id } });
      // Order-free: the contract does not say in which order attachments are listed.
      expect(stored.attachments.map((a) => [a.name, a.mediaType]).sort()).to.deep.equal([
        ['photo.png', 'image/png'],
        ['scan.pdf', 'application/pdf'],
      ]);
      expect(stored.chargeIds).to.deep.equal([charge.id]);
    });
  });
});
