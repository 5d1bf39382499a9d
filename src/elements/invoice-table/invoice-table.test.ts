import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../api/client.js';
import { createDispute } from '../../api/endpoints/disputes.js';
import { listInvoices } from '../../api/endpoints/invoices.js';
import type { Invoice } from '../../api/schemas/invoice.js';
import { expectAccessible, mount, privateServer, tokenFor, until } from '../../../test/browser/fixtures.js';
import '../../ups-invoice-table.js';
import type { UpsInvoiceTable } from './invoice-table.js';
import { sortInvoices } from './invoice-query.js';

const $ = <T extends Element = HTMLElement>(table: UpsInvoiceTable, selector: string) =>
  table.shadowRoot!.querySelector<T & Element>(selector) as T;
const $$ = <T extends Element = HTMLElement>(table: UpsInvoiceTable, selector: string) => [
  ...table.shadowRoot!.querySelectorAll<T & Element>(selector),
];
const rows = (table: UpsInvoiceTable) => $$(table, '.frame tbody tr:not(.skeleton):not(.spacer)');
const numbers = (table: UpsInvoiceTable) => rows(table).map((row) => row.querySelector('th')!.textContent!.trim());
/** Waits for the update a change started, then for its page to arrive. */
async function settled(table: UpsInvoiceTable) {
  await table.updateComplete;
  await until(() => $(table, '.frame table')?.getAttribute('aria-busy') === 'false', 'table loaded', 10_000);
}

async function serverOrder(user: string, query: Record<string, unknown>): Promise<string[]> {
  const client = new BillingClient({ baseUrl: '/api/v1', getToken: () => tokenFor(user) });
  const page = await client.call(listInvoices, { query: { pageSize: 50, ...query } });
  return page.items.map((i) => i.number);
}

async function mountTable(
  options: Parameters<typeof mount>[1] = { user: 'admin1' },
  attributes = html`<ups-invoice-table></ups-invoice-table>`,
) {
  const table = await mount<UpsInvoiceTable>(attributes, options);
  await settled(table);
  return table;
}

async function press(element: HTMLElement, ...keys: string[]) {
  element.focus();
  for (const key of keys) await sendKeys({ press: key });
}

describe('<ups-invoice-table>', () => {
  it('is accessible: table, toolbar, selection bar, menu and calendar', async () => {
    const table = await mountTable();
    await expectAccessible(table);
    ($(table, 'tbody input[type=checkbox]') as HTMLInputElement).click();
    await table.updateComplete;
    await expectAccessible(table);
    await press($(table, 'tbody .menu-button'), 'ArrowDown');
    await until(() => Boolean($(table, '#actions-menu [role=menuitem]')), 'menu open');
    await expectAccessible(table);
    await sendKeys({ press: 'Escape' });
    await press($(table, '[aria-haspopup=dialog]'), 'Enter');
    await until(() => ($(table, 'dialog') as HTMLDialogElement).open, 'calendar open');
    await expectAccessible(table);
  });

  it('shows open and past-due invoices, newest first, with aria-sort on that column only', async () => {
    const table = await mountTable();
    expect(numbers(table)).to.deep.equal(await serverOrder('admin1', {}));
    const sorted = $$(table, 'th[aria-sort]');
    expect(sorted).to.have.length(1);
    expect(sorted[0]!.textContent).to.contain('Invoice date');
    expect(sorted[0]!.getAttribute('aria-sort')).to.equal('descending');
    const statuses = new Set(rows(table).map((r) => r.querySelector('[part=status]')!.textContent!.trim()));
    expect([...statuses].every((s) => s === 'Open' || s === 'Past due')).to.equal(true);
    expect(rows(table)).to.have.length(50);
  });

  it('sorts from the keyboard, in SQL, both ways', async () => {
    const table = await mountTable();
    const amount = $$(table, 'th .sort').find((b) => b.textContent!.includes('Amount due'))!;
    await press(amount, 'Enter');
    await settled(table);
    expect(amount.closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    expect($$(table, 'th[aria-sort]')).to.have.length(1);
    expect(numbers(table)).to.deep.equal(await serverOrder('admin1', { sort: 'amountDue', order: 'asc' }));
    await press(amount, ' ');
    await settled(table);
    expect(amount.closest('th')!.getAttribute('aria-sort')).to.equal('descending');
    expect(numbers(table)).to.deep.equal(await serverOrder('admin1', { sort: 'amountDue', order: 'desc' }));
  });

  it('searches after three characters, and says why before', async () => {
    const table = await mountTable({ user: 'admin1' });
    const target = numbers(table)[3]!;
    const search = $(table, '#search') as HTMLInputElement;
    search.focus();
    await sendKeys({ type: target.slice(0, 2) });
    await table.updateComplete;
    expect($(table, '#search-hint').textContent).to.contain('at least 3 characters');
    expect(search.getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ type: target.slice(2) });
    await until(() => numbers(table).length === 1, 'one result', 5000);
    expect(numbers(table)).to.deep.equal([target]);
  });

  it('filters by status preset, account and amount range', async () => {
    const table = await mountTable();
    const status = $(table, '#status') as HTMLSelectElement;
    status.value = 'paid';
    status.dispatchEvent(new Event('change'));
    await settled(table);
    expect([...new Set(rows(table).map((r) => r.querySelector('[part=status]')!.textContent!.trim()))]).to.deep.equal([
      'Paid',
    ]);
    await until(() => Boolean($(table, '#account')), 'account filter');
    const account = $(table, '#account') as HTMLSelectElement;
    account.value = 'F3R902';
    account.dispatchEvent(new Event('change'));
    await settled(table);
    expect([...new Set(rows(table).map((r) => r.children[2]!.textContent!.trim()))]).to.deep.equal(['F3R902']);
    const min = $(table, '#min') as HTMLInputElement;
    min.value = '250,50';
    min.dispatchEvent(new Event('change'));
    await settled(table);
    expect(numbers(table)).to.deep.equal(
      await serverOrder('admin1', { status: 'paid', account: 'F3R902', min: 25050 }),
    );
  });

  it('picks a date range in the calendar with the keyboard', async () => {
    const table = await mountTable({ user: 'admin1' });
    const button = $(table, '[aria-haspopup=dialog]');
    await press(button, 'Enter');
    await until(() => ($(table, 'dialog') as HTMLDialogElement).open, 'calendar open');
    const focused = () => table.shadowRoot!.activeElement as HTMLElement;
    await until(() => focused()?.dataset['date'] !== undefined, 'a day has focus');
    const today = focused().dataset['date']!;
    await sendKeys({ press: 'PageUp' });
    await until(() => focused().dataset['date']! < today, 'previous month');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'Enter' });
    const start = focused().dataset['date']!;
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    const end = focused().dataset['date']!;
    expect(Date.parse(end) - Date.parse(start)).to.equal(8 * 86_400_000);
    expect(focused().getAttribute('aria-selected')).to.equal('true');
    // Every day of the range shown in this month is marked, and only those.
    const shown = $$(table, 'dialog td[data-date]').map((td) => td.dataset['date']!);
    const expected = shown.filter((d) => d >= start && d <= end);
    expect($$(table, 'dialog td[aria-selected=true]').map((td) => td.dataset['date'])).to.deep.equal(expected);
    const apply = $$(table, 'dialog .button.primary')[0]!;
    await press(apply, 'Enter');
    await until(() => !($(table, 'dialog') as HTMLDialogElement).open, 'calendar closed');
    expect(table.shadowRoot!.activeElement).to.equal(button);
    await settled(table);
    expect(numbers(table)).to.deep.equal(await serverOrder('admin1', { from: start, to: end }));
    expect($(table, '#dates-value').textContent).to.not.contain('Any date');
  });

  it('selects rows, the page, then all matching, and says so in events', async () => {
    const table = await mountTable({ user: 'payer1' });
    const first = $(table, 'tbody input[type=checkbox]');
    const one = oneEvent(table, 'ups-invoice-select');
    await press(first, 'Space');
    expect((await one).detail.invoices.map((i: Invoice) => i.number)).to.deep.equal([numbers(table)[0]]);
    const page = oneEvent(table, 'ups-invoice-select');
    ($(table, 'thead input[type=checkbox]') as HTMLInputElement).click();
    const pageDetail = (await page).detail;
    expect(pageDetail.count).to.equal(rows(table).length);
    expect(pageDetail.allMatching).to.equal(false);
    const all = $$(table, '.bulk .link').find((b) => b.textContent!.includes('matching'));
    const total = Number(
      $(table, '.status-line')
        .textContent!.match(/of ([\d,]+)/)![1]!
        .replace(/,/g, ''),
    );
    if (total > rows(table).length) {
      const everything = oneEvent(table, 'ups-invoice-select');
      all!.click();
      expect((await everything).detail).to.include({ allMatching: true, count: total });
      expect($(table, '.bulk').textContent).to.contain(
        `All ${total.toLocaleString('en')} matching invoices are selected`,
      );
    }
  });

  it('runs the row actions menu from the keyboard (APG menu button)', async () => {
    const table = await mountTable({ user: 'admin1' });
    const button = $(table, 'tbody .menu-button');
    await press(button, 'ArrowDown');
    const active = () => table.shadowRoot!.activeElement as HTMLElement;
    await until(() => active()?.getAttribute('role') === 'menuitem', 'menu focus');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(active().textContent).to.contain('View');
    await sendKeys({ press: 'End' });
    expect(active().textContent).to.contain('Dispute');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'd' });
    expect(active().textContent).to.contain('Download');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => active()?.closest('#actions-menu-sub') !== null, 'submenu focus');
    expect($$(table, '#actions-menu-sub [role=menuitem]').map((i) => i.textContent!.trim())).to.include('PDF invoice');
    await sendKeys({ press: 'Escape' });
    await until(() => active()?.textContent?.includes('Download') ?? false, 'back in the menu');
    await sendKeys({ press: 'Escape' });
    await until(() => active() === button, 'focus back on the button');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const opened = oneEvent(table, 'ups-invoice-open');
    await press(button, 'Enter');
    await until(() => active()?.textContent?.includes('View') ?? false, 'menu again');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.invoice.number).to.equal(numbers(table)[0]);
  });

  it('asks the host to pay the selected payable invoices', async () => {
    const table = await mountTable({ user: 'payer1' });
    for (const box of $$(table, 'tbody input[type=checkbox]').slice(0, 3)) (box as HTMLInputElement).click();
    await table.updateComplete;
    const request = oneEvent(table, 'ups-pay-request');
    ($$(table, '.bulk .button.primary')[0] as HTMLButtonElement).click();
    const { invoices } = (await request).detail;
    expect(invoices.map((i: Invoice) => i.number)).to.deep.equal(numbers(table).slice(0, 3));
  });

  it('offers viewers neither Pay nor Dispute', async () => {
    const table = await mountTable({ user: 'viewer1' });
    ($(table, 'tbody input[type=checkbox]') as HTMLInputElement).click();
    await table.updateComplete;
    expect($(table, '.bulk .button.primary')).to.equal(null);
    await press($(table, 'tbody .menu-button'), 'ArrowDown');
    await until(() => $$(table, '#actions-menu [role=menuitem]').length > 0, 'menu');
    const labels = $$(table, '#actions-menu [role=menuitem]').map((i) => i.textContent!.trim());
    expect(labels).to.deep.equal(['View', 'Print', 'Download▸']);
  });

  it('downloads the selection with progress, and lists what XML cannot include', async () => {
    const table = await mountTable({ user: 'admin1' });
    const status = $(table, '#status') as HTMLSelectElement;
    status.value = 'all';
    status.dispatchEvent(new Event('change'));
    await settled(table);
    // Two invoices of an XML-enrolled account (first by account number), two of one that is not (last).
    const account = $$(table, 'th .sort').find((b) => b.textContent!.includes('Account'))!;
    for (const _ of [1, 2]) {
      for (const box of $$(table, '.frame tbody input[type=checkbox]').slice(0, 2)) (box as HTMLInputElement).click();
      account.click();
      await settled(table);
    }
    const chosen = [...$(table, '.bulk').textContent!.matchAll(/\d+/g)].map(Number);
    expect(chosen[0]).to.equal(4, 'selection survives sorting');
    const download = $$(table, '.bulk .button').find((b) => b.textContent!.includes('Download selected'))!;
    await press(download, 'ArrowDown');
    await until(() => $$(table, '#actions-menu [role=menuitem]').length === 3, 'formats');
    await sendKeys({ press: 'End' });
    expect((table.shadowRoot!.activeElement as HTMLElement).textContent).to.contain('XML');
    await sendKeys({ press: 'Enter' });
    await until(() => Boolean($(table, '.export.done, .export.failed')), 'export finished', 15_000);
    expect($(table, '.export').classList.contains('done')).to.equal(true);
    expect($(table, '.export').textContent).to.contain('Downloaded 2 invoices');
    expect($(table, '.excluded summary').textContent).to.contain('2');
    expect($$(table, '.excluded li').map((li) => li.textContent)).to.satisfy((items: string[]) =>
      items.every((text) => text.includes('account not enrolled in XML')),
    );
  });

  it('works on the host’s items with no server: sort, filter and search in the browser', async () => {
    const items = Array.from({ length: 5000 }, (_, i): Invoice => ({
      number: `DATA${String(i).padStart(6, '0')}`,
      accountNumber: i % 2 ? 'AAA111' : 'BBB222',
      planNumber: null,
      invoiceDate: `2026-0${1 + (i % 9)}-1${i % 10}`,
      dueDate: '2026-12-01',
      type: 'delivery_service',
      amount: { amount: (i * 7919) % 100_000, currency: 'USD' },
      amountDue: { amount: (i * 7919) % 100_000, currency: 'USD' },
      status: i % 3 ? 'open' : 'paid',
      inDispute: i % 50 === 0,
      autopay: false,
      reference: i === 4321 ? 'PO-SPECIAL' : null,
      controlId: null,
    }));
    const table = await fixture<UpsInvoiceTable>(html`<ups-invoice-table .items=${items}></ups-invoice-table>`);
    await until(() => rows(table).length > 0, 'rows');
    expect($(table, '[role=alert]')).to.equal(null, 'no provider needed');
    expect(rows(table).length).to.be.lessThan(100, 'windowed');
    expect($(table, '.status-line').textContent).to.contain(`${(3333).toLocaleString('en')} invoices`);
    const amount = $$(table, 'th .sort').find((b) => b.textContent!.trim() === 'Amount')!;
    amount.click();
    await table.updateComplete;
    const amounts = rows(table).map((r) => Number(r.children[6]!.textContent!.replace(/[$,]/g, '')));
    expect(amounts).to.deep.equal([...amounts].sort((a, b) => a - b));
    const search = $(table, '#search') as HTMLInputElement;
    search.value = 'special';
    search.dispatchEvent(new Event('input'));
    const status = $(table, '#status') as HTMLSelectElement;
    status.value = 'all';
    status.dispatchEvent(new Event('change'));
    await until(() => numbers(table).length === 1, 'search result', 3000);
    expect(numbers(table)).to.deep.equal(['DATA004321']);
    await expectAccessible(table);
  });

  it('shows skeleton rows of the final height while loading', async () => {
    const slow = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (request.url.includes('/invoices')) await new Promise((r) => setTimeout(r, 1500));
      return fetch(request);
    }) as typeof fetch;
    const table = await mount<UpsInvoiceTable>(html`<ups-invoice-table></ups-invoice-table>`, {
      user: 'admin1',
      fetch: slow,
    });
    await until(() => $$(table, 'tr.skeleton').length > 0, 'skeleton');
    const skeletonHeight = $(table, '.frame').getBoundingClientRect().height;
    expect($(table, 'table').getAttribute('aria-busy')).to.equal('true');
    expect($(table, '.status-line').textContent).to.contain('Loading');
    await settled(table);
    expect($(table, '.frame').getBoundingClientRect().height).to.be.closeTo(skeletonHeight, 2);
  });

  it('shows an empty state with a way out', async () => {
    const table = await mountTable({ user: 'viewer1' });
    const min = $(table, '#min') as HTMLInputElement;
    min.value = '999999999';
    min.dispatchEvent(new Event('change'));
    await settled(table);
    expect($(table, '.empty').textContent).to.contain('No invoices match these filters');
    ($(table, '.empty .button') as HTMLButtonElement).click();
    await settled(table);
    expect(rows(table).length).to.be.greaterThan(0);
  });

  it('explains bad amounts in place, and the server’s field codes too', async () => {
    const table = await mountTable({ user: 'viewer1' });
    const min = $(table, '#min') as HTMLInputElement;
    min.value = '12abc';
    min.dispatchEvent(new Event('change'));
    await table.updateComplete;
    expect(min.getAttribute('aria-invalid')).to.equal('true');
    expect($(table, '#min-error').textContent).to.contain('Enter an amount such as');
    min.value = '500';
    min.dispatchEvent(new Event('change'));
    const max = $(table, '#max') as HTMLInputElement;
    max.value = '100';
    max.dispatchEvent(new Event('change'));
    await until(() => Boolean($(table, '#max-error')), 'server field error');
    expect($(table, '#max-error').textContent).to.contain('end must not be before the start');
    expect(max.getAttribute('aria-invalid')).to.equal('true');
  });

  it('says in place why a 10,000-character search is refused', async () => {
    const table = await mountTable({ user: 'viewer1' });
    const search = $(table, '#search') as HTMLInputElement;
    search.value = 'x'.repeat(10_000);
    search.dispatchEvent(new Event('input'));
    await until(() => $(table, '#search-hint').classList.contains('field-error'), 'field error', 5000);
    expect($(table, '#search-hint').textContent!.trim()).to.equal('Enter a shorter value.');
    expect(search.getAttribute('aria-invalid')).to.equal('true');
  });

  it('refuses an unknown view with a message and a console error', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const table = await mount<UpsInvoiceTable>(html`<ups-invoice-table view="plans"></ups-invoice-table>`, {
        user: 'admin1',
      });
      expect($(table, '[role=alert]').textContent).to.contain('Unknown view "plans"');
      expect(errors.join('\n')).to.contain('Fix: use view="account" or view="plan"');
    } finally {
      console.error = original;
    }
  });

  it('speaks French', async () => {
    const table = await mountTable({ user: 'viewer1', locale: 'fr' });
    await until(() => $(table, 'caption').textContent!.includes('Mes factures de compte'), 'French');
    expect($(table, 'label[for=status]').textContent).to.equal('Statut');
    expect(rows(table)[0]!.children[6]!.textContent).to.match(/\d,\d\d\s€/);
  });
  it('opens the dispute form in a dialog from a row’s Dispute action, unless the host shows it itself', async () => {
    const table = await mountTable({ user: 'payer1' });
    // Credit invoices cannot be disputed: take the first row that charges something.
    const client = new BillingClient({ baseUrl: '/api/v1', getToken: () => tokenFor('payer1') });
    const shown = (await client.call(listInvoices, { query: { pageSize: 50 } })).items;
    expect(shown.map((i) => i.number)).to.deep.equal(numbers(table));
    const first = shown.find((i) => i.amount.amount > 0)!.number;
    const chooseDispute = async () => {
      await press($(table, `[data-menu="${first}"]`), 'ArrowDown');
      await until(() => $$(table, '#actions-menu [role=menuitem]').length > 0, 'menu');
      (
        $$(table, '#actions-menu [role=menuitem]').find((i) => i.textContent!.trim() === 'Dispute') as HTMLElement
      ).click();
    };
    const dialog = $(table, 'dialog#dispute-dialog') as HTMLDialogElement;

    const cancel = (e: Event) => e.preventDefault();
    table.addEventListener('ups-dispute-request', cancel);
    let asked = oneEvent(table, 'ups-dispute-request');
    await chooseDispute();
    expect((await asked).detail.invoice.number).to.equal(first);
    await new Promise((r) => setTimeout(r, 100));
    expect(dialog.open).to.equal(false);
    table.removeEventListener('ups-dispute-request', cancel);

    asked = oneEvent(table, 'ups-dispute-request');
    await chooseDispute();
    expect((await asked).cancelable).to.equal(true);
    await until(() => dialog.open, 'form dialog open', 10_000);
    expect(dialog.querySelector('h3')!.textContent!.trim()).to.equal(`Dispute invoice ${first}`);
    expect(dialog.querySelector('ups-dispute-form')!.getAttribute('invoice-number')).to.equal(first);
    await expectAccessible(table);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'dialog closed');
    await until(
      () => table.shadowRoot!.activeElement === $(table, `[data-menu="${first}"]`),
      'focus on the menu button',
    );
  });

  it('marks the row in dispute once the form in its dialog has recorded a dispute', async () => {
    const apiBase = await privateServer();
    const table = await mountTable({ user: 'payer1', apiBase });
    const client = new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor('payer1', apiBase) });
    const shown = (await client.call(listInvoices, { query: { pageSize: 50 } })).items;
    const target = shown.find((i) => i.amount.amount > 0 && !i.inDispute)!;
    const row = () => rows(table).find((r) => r.querySelector('th')!.textContent!.trim() === target.number)!;
    expect(row().querySelector('.flag.dispute')).to.equal(null);
    await press($(table, `[data-menu="${target.number}"]`), 'ArrowDown');
    await until(() => $$(table, '#actions-menu [role=menuitem]').length > 0, 'menu');
    (
      $$(table, '#actions-menu [role=menuitem]').find((i) => i.textContent!.trim() === 'Dispute') as HTMLElement
    ).click();
    const dialog = $(table, 'dialog#dispute-dialog') as HTMLDialogElement;
    await until(() => dialog.open, 'form dialog open', 10_000);
    // What the form does once the server recorded the dispute.
    const dispute = await client.call(createDispute, {
      body: {
        invoiceNumber: target.number,
        scope: 'invoice',
        reason: 'incorrect_rate',
        amountKind: 'disputed',
        amount: { amount: 100, currency: target.amount.currency },
        contactEmail: 'priya@example.com',
      },
    });
    dialog
      .querySelector('ups-dispute-form')!
      .dispatchEvent(new CustomEvent('ups-dispute-success', { detail: { dispute }, bubbles: true, composed: true }));
    await until(() => Boolean(row()?.querySelector('.flag.dispute')), 'row marked in dispute', 10_000);
    expect($$(table, '[role=status]').map((s) => s.textContent!.trim())).to.include(
      `Dispute ${dispute.number} was submitted. The amount due does not change while it is reviewed.`,
    );
  });
});

describe('data mode sort', () => {
  const invoice = (number: string, amount: number, status: Invoice['status'], dueDate: string): Invoice => ({
    number,
    accountNumber: 'A10001',
    planNumber: null,
    invoiceDate: '2026-01-01',
    dueDate,
    type: 'delivery_service',
    amount: { amount, currency: 'USD' },
    amountDue: { amount, currency: 'USD' },
    status,
    inDispute: false,
    autopay: false,
    reference: null,
    controlId: null,
  });
  const items = [
    invoice('N1', 500, 'open', '2026-03-01'),
    invoice('N2', -250, 'paid', '2026-01-15'),
    invoice('N3', 500, 'past_due', '2025-12-31'),
    invoice('N4', 9_000_000_000, 'open', '2026-03-01'),
    invoice('N5', -250, 'open', '2026-02-01'),
  ];
  const numbers = (rows: Invoice[]) => rows.map((row) => row.number);

  it('orders credits before debits and huge amounts last; ties keep the host’s order; descending is the reverse', () => {
    expect(numbers(sortInvoices(items, 'amount', 'asc'))).to.deep.equal(['N2', 'N5', 'N1', 'N3', 'N4']);
    expect(numbers(sortInvoices(items, 'amount', 'desc'))).to.deep.equal(['N4', 'N3', 'N1', 'N5', 'N2']);
  });

  it('orders dates across years and statuses alphabetically', () => {
    expect(numbers(sortInvoices(items, 'dueDate', 'asc'))).to.deep.equal(['N3', 'N2', 'N5', 'N1', 'N4']);
    expect(numbers(sortInvoices(items, 'status', 'asc'))).to.deep.equal(['N1', 'N4', 'N5', 'N2', 'N3']);
  });
});
