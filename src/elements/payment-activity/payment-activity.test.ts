import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../api/client.js';
import { listInvoices } from '../../api/endpoints/invoices.js';
import { createCardToken } from '../../api/endpoints/payment-methods.js';
import { cancelPayment, createPayment, getPayment, listPayments } from '../../api/endpoints/payments.js';
import type { PaymentListQuery, PaymentReceipt } from '../../api/schemas/payment.js';
import { expectAccessible, mount, privateServer, tokenFor, until } from '../../../test/browser/fixtures.js';
import '../../ups-payment-activity.js';
import type { UpsPaymentActivity } from './payment-activity.js';

type El = UpsPaymentActivity;
const $ = (el: El, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: El, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** Text as read, white space (including the no-break spaces of French amounts) as single spaces. */
const norm = (value: string) => value.replace(/\s+/g, ' ').trim();
const text = (node: Element | null | undefined) => norm(node?.textContent ?? '');
const rows = (el: El) => $$(el, 'tbody tr').filter((row) => !row.closest('dialog'));
const confirmations = (el: El) => rows(el).map((row) => text(row.querySelector('th')));
const statuses = (el: El) => rows(el).map((row) => text(row.querySelector('.badge')));
const idle = (el: El) => !el.matches(':state(loading)') && !$(el, '[aria-busy=true]');
const loaded = (el: El) =>
  until(() => idle(el) && Boolean($(el, 'table[part=table]') || $(el, '.empty')), 'payments shown', 10_000);

const client = (user: string, apiBase = '/api/v1') =>
  new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor(user, apiBase) });
const payments = (user: string, query: PaymentListQuery, apiBase?: string) =>
  client(user, apiBase).call(listPayments, { query });

async function chooseStatus(el: El, status: string): Promise<void> {
  const select = $(el, '#status') as HTMLSelectElement;
  select.value = status;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
  await loaded(el);
}

async function chooseDates(el: El, from: string, to: string): Promise<void> {
  const [fromInput, toInput] = [$(el, '#from') as HTMLInputElement, $(el, '#to') as HTMLInputElement];
  fromInput.value = from;
  toInput.value = to;
  toInput.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
  await loaded(el);
}

const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Schedules a payment for tomorrow, paid by card, of an open invoice `user` may pay. */
async function schedulePayment(user: string, apiBase: string): Promise<PaymentReceipt> {
  const api = client(user, apiBase);
  const open = await api.call(listInvoices, {
    query: { status: 'open', account: '4R7X21', sort: 'dueDate', order: 'desc', pageSize: 50 },
  });
  const invoice = open.items.find((i) => i.type !== 'import' && i.amountDue.amount > 0 && i.dueDate > addDays(1))!;
  const card = await api.call(createCardToken, {
    body: {
      holder: 'Priya Shah',
      number: '4242424242424242',
      expMonth: 12,
      expYear: 2030,
      cvc: '737',
      postalCode: '30301',
    },
  });
  return api.call(
    createPayment,
    {
      body: {
        invoices: [{ number: invoice.number, amount: invoice.amountDue.amount }],
        processingDate: addDays(1),
        source: { token: card.token },
      },
    },
    { headers: { 'idempotency-key': crypto.randomUUID() } },
  );
}

describe('<ups-payment-activity>', () => {
  it('lists the payments newest first as the server pages them, accessibly', async () => {
    const el = await mount<El>(html`<ups-payment-activity></ups-payment-activity>`, { user: 'admin1' });
    await loaded(el);
    await expectAccessible(el);
    const page = await payments('admin1', { page: 1, pageSize: 25 });
    expect(confirmations(el)).to.deep.equal(page.items.map((p) => p.confirmationNumber));
    expect(text($(el, 'caption'))).to.equal('Payments, latest processing date first');
    expect($$(el, 'thead th').map(text).slice(0, 6)).to.deep.equal([
      'Confirmation',
      'Processing date',
      'Status',
      'Method',
      'Invoices',
      'Total',
    ]);
    const first = page.items[0]!;
    const cells = [...rows(el)[0]!.querySelectorAll('td')].map(text);
    expect(cells[0]).to.equal(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${first.processingDate}T00:00:00Z`),
      ),
    );
    expect(cells[4]).to.equal(
      new Intl.NumberFormat('en', { style: 'currency', currency: first.total.currency }).format(
        first.total.amount / 100,
      ),
    );
    const card = page.items.find((p) => p.method.type === 'card' && p.method.last4)!;
    const cardRow = rows(el)[page.items.indexOf(card)]!;
    expect(text(cardRow.querySelector('[aria-hidden=true]'))).to.match(new RegExp(`•••• ${card.method.last4}$`));
    expect(text(cardRow.querySelector('td .visually-hidden'))).to.match(new RegExp(`ending ${card.method.last4}$`));
    expect(text($(el, '.count'))).to.equal(`${page.total.toLocaleString('en')} payments`);
    expect(text($(el, '.pager .page'))).to.equal(`Page 1 of ${Math.ceil(page.total / 25)}`);
  });

  it('filters by status and processing dates on the server, says when nothing matches, and clears', async () => {
    const el = await mount<El>(html`<ups-payment-activity></ups-payment-activity>`, { user: 'payer1' });
    await loaded(el);
    await chooseStatus(el, 'completed');
    const completed = await payments('payer1', { status: 'completed', pageSize: 25 });
    expect(completed.total).to.be.greaterThan(0);
    expect(confirmations(el)).to.deep.equal(completed.items.map((p) => p.confirmationNumber));
    expect(new Set(statuses(el))).to.deep.equal(new Set(['Completed']));

    const from = completed.items.at(-1)!.processingDate;
    const to = completed.items[0]!.processingDate;
    await chooseDates(el, from, to);
    const ranged = await payments('payer1', { status: 'completed', from, to, pageSize: 25 });
    expect(confirmations(el)).to.deep.equal(ranged.items.map((p) => p.confirmationNumber));
    expect(text($(el, '.count'))).to.equal(`${ranged.total} payments`);

    // An inverted range is not sent: the field says why, the list stays.
    await chooseDates(el, to, from < to ? from : '2000-01-01');
    expect($(el, '#to').getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#to-error'))).to.equal('The end must not be before the start.');
    expect(confirmations(el)).to.deep.equal(ranged.items.map((p) => p.confirmationNumber));

    await chooseDates(el, '2001-01-01', '2001-01-31');
    expect(rows(el)).to.have.length(0);
    expect(text($(el, '.empty'))).to.equal('No payments match these filters.');
    await expectAccessible(el);

    ($$(el, '.filters .button').find((b) => text(b) === 'Clear filters') as HTMLButtonElement).click();
    await el.updateComplete;
    await loaded(el);
    const all = await payments('payer1', { pageSize: 25 });
    expect(confirmations(el)).to.deep.equal(all.items.map((p) => p.confirmationNumber));
    expect(($(el, '#status') as HTMLSelectElement).value).to.equal('');
    expect(($(el, '#from') as HTMLInputElement).value).to.equal('');
  });

  it('pages with Previous and Next', async () => {
    const el = await mount<El>(html`<ups-payment-activity page-size="10"></ups-payment-activity>`, {
      user: 'admin1',
    });
    await loaded(el);
    const next = $(el, '.pager [data-page="next"]')!;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => text($(el, '.pager .page')).startsWith('Page 2 of'), 'page 2', 10_000);
    await loaded(el);
    const second = await payments('admin1', { page: 2, pageSize: 10 });
    expect(confirmations(el)).to.deep.equal(second.items.map((p) => p.confirmationNumber));
    const previous = $(el, '.pager [data-page="previous"]')!;
    previous.click();
    await until(() => text($(el, '.pager .page')).startsWith('Page 1 of'), 'page 1', 10_000);
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
  });

  it('opens a receipt from the keyboard, prints it alone, and closes with Escape back to its button', async () => {
    const el = await mount<El>(html`<ups-payment-activity></ups-payment-activity>`, { user: 'admin1' });
    await chooseStatus(el, 'completed');
    const payment = (await payments('admin1', { status: 'completed', pageSize: 25 })).items[1]!;
    const opener = $(el, `[data-receipt="${payment.confirmationNumber}"]`);
    opener.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $(el, 'dialog#receipt') as HTMLDialogElement;
    await until(() => dialog.open, 'receipt open');
    expect(text(dialog.querySelector('h3'))).to.equal('Payment receipt');
    expect(text(dialog.querySelector('.confirmation dd'))).to.equal(payment.confirmationNumber);
    expect(text(dialog)).to.contain('Completed');
    expect(text(dialog)).to.contain(
      new Intl.NumberFormat('en', { style: 'currency', currency: payment.total.currency }).format(
        payment.total.amount / 100,
      ),
    );
    expect([...dialog.querySelectorAll('tbody th')].map(text)).to.deep.equal(payment.invoices.map((i) => i.number));
    await expectAccessible(el);

    const original = window.print;
    let printing: boolean | null = null;
    window.print = () => {
      printing = el.matches(':state(printing)');
    };
    try {
      ([...dialog.querySelectorAll('button')].find((b) => text(b) === 'Print') as HTMLButtonElement).click();
      await until(() => printing !== null, 'print');
      expect(printing).to.equal(true);
    } finally {
      window.print = original;
    }

    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'receipt closed');
    await el.updateComplete;
    await until(() => el.shadowRoot!.activeElement === opener, 'focus back on the Receipt button');
  });

  it('offers Cancel on scheduled payments to those who may pay, never to viewers', async () => {
    const viewer = await mount<El>(html`<ups-payment-activity></ups-payment-activity>`, { user: 'viewer1' });
    await chooseStatus(viewer, 'scheduled');
    const seen = await payments('viewer1', { status: 'scheduled', pageSize: 25 });
    expect(seen.items.some((p) => p.cancellable)).to.equal(true);
    expect(rows(viewer).length).to.equal(seen.items.length);
    expect($$(viewer, '[data-cancel]')).to.have.length(0);

    const payer = await mount<El>(html`<ups-payment-activity></ups-payment-activity>`, { user: 'payer1' });
    await chooseStatus(payer, 'scheduled');
    const own = await payments('payer1', { status: 'scheduled', pageSize: 25 });
    expect($$(payer, '[data-cancel]').map((b) => b.dataset['cancel'])).to.deep.equal(
      own.items.filter((p) => p.cancellable).map((p) => p.confirmationNumber),
    );
  });

  describe('cancelling', () => {
    let apiBase: string;
    before(async () => {
      apiBase = await privateServer();
    });

    it('cancels a scheduled payment after a confirmation, announces it, and the server agrees', async () => {
      const scheduled = await schedulePayment('payer1', apiBase);
      const number = scheduled.confirmationNumber;
      const el = await mount<El>(html`<ups-payment-activity></ups-payment-activity>`, { user: 'payer1', apiBase });
      await chooseStatus(el, 'scheduled');
      const cancel = $(el, `[data-cancel="${number}"]`);
      expect(text(cancel)).to.equal(`Cancel ${number}`);
      cancel.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = $(el, 'dialog#confirm') as HTMLDialogElement;
      await until(() => dialog.open, 'confirmation open');
      expect(text(dialog.querySelector('h3'))).to.equal(`Cancel payment ${number}?`);
      // "Keep" has the focus: Enter alone never cancels.
      expect(text(el.shadowRoot!.activeElement)).to.equal('Keep payment');
      await expectAccessible(el);
      await sendKeys({ press: 'Tab' });
      expect(text(el.shadowRoot!.activeElement)).to.equal('Cancel payment');
      const event = oneEvent(el, 'ups-payment-cancel');
      await sendKeys({ press: 'Enter' });
      expect((await event).detail.receipt.status).to.equal('cancelled');
      await until(() => !dialog.open, 'confirmation closed');
      const row = rows(el).find((r) => text(r.querySelector('th')) === number)!;
      expect(text(row.querySelector('.badge'))).to.equal('Cancelled');
      expect($(el, `[data-cancel="${number}"]`)).to.equal(null);
      expect(text($(el, '.main > [role=status]'))).to.equal(`Payment ${number} is cancelled.`);
      await until(() => el.shadowRoot!.activeElement === $(el, `[data-receipt="${number}"]`), 'focus on Receipt');

      const server = await client('payer1', apiBase).call(getPayment, { params: { confirmation: number } });
      expect(server.status).to.equal('cancelled');
      el.refresh();
      await until(() => !confirmations(el).includes(number), 'gone from the scheduled list', 10_000);
      await chooseStatus(el, 'cancelled');
      expect(confirmations(el)).to.include(number);
    });

    it('says so in the dialog when the payment can no longer be cancelled, in French too', async () => {
      const scheduled = await schedulePayment('payer1', apiBase);
      const number = scheduled.confirmationNumber;
      const el = await mount<El>(html`<ups-payment-activity></ups-payment-activity>`, {
        user: 'payer1',
        apiBase,
        locale: 'fr',
      });
      await chooseStatus(el, 'scheduled');
      // Someone else cancels it meanwhile.
      await client('admin1', apiBase).call(cancelPayment, { params: { confirmation: number } });
      $(el, `[data-cancel="${number}"]`).click();
      const dialog = $(el, 'dialog#confirm') as HTMLDialogElement;
      await until(() => dialog.open, 'confirmation open');
      expect(text(dialog.querySelector('h3'))).to.equal(`Annuler le paiement ${number} ?`);
      ([...dialog.querySelectorAll('button')].find((b) => text(b) === 'Annuler le paiement') as HTMLElement).click();
      await until(() => text(dialog.querySelector('[role=alert]')) !== '', 'error shown', 10_000);
      expect(text(dialog.querySelector('[role=alert]'))).to.equal(
        'Ce paiement ne peut plus être annulé : il est déjà en cours de traitement, ou il a été annulé entre-temps.',
      );
      expect([...dialog.querySelectorAll('button')].map(text)).to.deep.equal(['Fermer']);
      expect(dialog.open).to.equal(true);
      // The list shows the payment as the server now has it.
      await until(() => !confirmations(el).includes(number), 'list refreshed', 10_000);
    });
  });

  it('shows loading, then a localized error with retry, then French statuses, dates and amounts', async () => {
    let fail = true;
    const flaky = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname.endsWith('/payments')) {
        await new Promise((r) => setTimeout(r, 300));
        if (fail) return new Response('', { status: 503 });
      }
      return fetch(request);
    }) as typeof fetch;
    const el = await mount<El>(html`<ups-payment-activity></ups-payment-activity>`, {
      user: 'viewer1',
      fetch: flaky,
      locale: 'fr',
    });
    // French arrives with its catalog, while the list is still loading.
    await until(
      () => text($(el, '[aria-busy=true] [role=status]')) === 'Chargement des paiements…',
      'French loading state',
    );
    await until(() => Boolean($(el, '[role=alert]')), 'error', 15_000);
    expect(text($(el, '[role=alert]'))).to.contain('Les paiements n’ont pas pu être chargés.');
    fail = false;
    ($(el, '[role=alert] button') as HTMLButtonElement).click();
    await loaded(el);
    expect(text($(el, 'h2'))).to.equal('Historique des paiements');
    const page = await payments('viewer1', { pageSize: 25 });
    const first = page.items[0]!;
    const french = { scheduled: 'Programmé', processing: 'En cours', completed: 'Effectué', returned: 'Rejeté' };
    expect(statuses(el)[0]).to.equal(french[first.status as keyof typeof french]);
    const cells = [...rows(el)[0]!.querySelectorAll('td')].map(text);
    expect(cells[0]).to.equal(
      new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${first.processingDate}T00:00:00Z`),
      ),
    );
    expect(cells[4]).to.equal(
      norm(new Intl.NumberFormat('fr', { style: 'currency', currency: 'EUR' }).format(first.total.amount / 100)),
    );
    expect([...($(el, '#status') as HTMLSelectElement).options].map(text)).to.deep.equal([
      'Tous les statuts',
      'Programmé',
      'En cours',
      'Effectué',
      'Rejeté',
      'Annulé',
      'Échoué',
    ]);
  });
});
