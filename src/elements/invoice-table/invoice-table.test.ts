import { expect, html } from '@open-wc/testing';
import { expectAccessible, mount, until } from '../../../test/browser/fixtures.js';
import '../../ups-invoice-table.js';
import type { UpsInvoiceTable } from './invoice-table.js';

const rows = (table: UpsInvoiceTable) => [...table.shadowRoot!.querySelectorAll('tbody tr:not(.skeleton)')];
const loaded = (table: UpsInvoiceTable) =>
  until(() => rows(table).length > 0 || Boolean(table.shadowRoot!.querySelector('.notice')), 'rows');

describe('<ups-invoice-table>', () => {
  it('is accessible once loaded', async () => {
    const table = await mount<UpsInvoiceTable>(html`<ups-invoice-table></ups-invoice-table>`, { user: 'payer1' });
    await loaded(table);
    await expectAccessible(table);
  });

  it("lists the signed-in user's invoices through provider, client, server and database", async () => {
    const table = await mount<UpsInvoiceTable>(html`<ups-invoice-table></ups-invoice-table>`, { user: 'payer1' });
    await loaded(table);
    const accounts = new Set(rows(table).map((row) => row.children[1]!.textContent!.trim()));
    // payer1's scope is exactly these two accounts.
    expect([...accounts].every((a) => a === '4R7X21' || a === 'F3R901')).to.equal(true);
    const statuses = new Set(rows(table).map((row) => row.querySelector('[part=status]')!.textContent!.trim()));
    expect([...statuses].every((s) => s === 'Open' || s === 'Past due')).to.equal(true);
    expect(table.shadowRoot!.querySelector('[role=status]')!.textContent).to.match(/\d+ invoices/);
  });

  it('shows the plan view with plan numbers', async () => {
    const table = await mount<UpsInvoiceTable>(html`<ups-invoice-table view="plan"></ups-invoice-table>`, {
      user: 'manager1',
    });
    await loaded(table);
    expect(table.shadowRoot!.querySelector('caption')!.textContent).to.contain('billing plan');
    expect(rows(table).every((row) => row.children[1]!.textContent!.trim() === 'P4R7X210')).to.equal(true);
  });

  it('speaks French with French formats', async () => {
    const table = await mount<UpsInvoiceTable>(html`<ups-invoice-table></ups-invoice-table>`, {
      user: 'viewer1',
      locale: 'fr',
    });
    await until(
      () => table.shadowRoot!.querySelector('caption')?.textContent?.includes('Mes factures') ?? false,
      'French caption',
    );
    await loaded(table);
    expect(rows(table)[0]!.children[5]!.textContent).to.match(/\d,\d\d\s€/);
  });

  it('asks to sign in when there is no session', async () => {
    const table = await mount<UpsInvoiceTable>(html`<ups-invoice-table></ups-invoice-table>`, { user: null });
    expect(table.shadowRoot!.textContent).to.contain('Sign in');
  });

  it('shows a localized error with a working retry', async () => {
    let fail = true;
    const flaky = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (fail && request.url.includes('/invoices')) return new Response('{}', { status: 500, statusText: 'boom' });
      return fetch(request);
    }) as typeof fetch;
    const table = await mount<UpsInvoiceTable>(html`<ups-invoice-table></ups-invoice-table>`, {
      user: 'payer1',
      fetch: flaky,
    });
    await until(() => Boolean(table.shadowRoot!.querySelector('[role=alert]')), 'error shown', 15_000);
    const alert = table.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('could not be loaded');
    await expectAccessible(table);
    fail = false;
    (alert.querySelector('button') as HTMLButtonElement).click();
    await until(() => rows(table).length > 0, 'rows after retry');
    expect(table.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });
});
