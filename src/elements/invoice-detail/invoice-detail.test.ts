import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../api/client.js';
import { createDispute } from '../../api/endpoints/disputes.js';
import { getInvoice, listInvoiceShipments, listInvoices } from '../../api/endpoints/invoices.js';
import type { DisputeRequest } from '../../api/schemas/dispute.js';
import type { InvoiceDetail, Shipment } from '../../api/schemas/invoice.js';
import { expectAccessible, mount, privateServer, tokenFor, until } from '../../../test/browser/fixtures.js';
import '../../ups-invoice-detail.js';
import type { UpsInvoiceDetail } from './invoice-detail.js';
import { fill, ready, submit } from '../../../test/browser/dispute-helpers.js';
import type { UpsDisputeForm } from '../dispute-form/dispute-form.js';

const $ = (el: UpsInvoiceDetail, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: UpsInvoiceDetail, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const loaded = (el: UpsInvoiceDetail) =>
  until(() => Boolean(el.shadowRoot!.querySelector('#title')), 'invoice shown', 10_000);

async function anInvoice(user: string, query: Record<string, unknown>) {
  const client = new BillingClient({ baseUrl: '/api/v1', getToken: () => tokenFor(user) });
  return (await client.call(listInvoices, { query: { status: 'all', pageSize: 1, ...query } })).items[0]!;
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const clientOf = (user: string, apiBase = '/api/v1') =>
  new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor(user, apiBase) });

/** An outstanding delivery invoice of `account`, not in dispute, with at least two shipments, and its shipments. */
async function disputable(
  account: string,
  apiBase = '/api/v1',
): Promise<{ invoice: InvoiceDetail; shipments: Shipment[] }> {
  const api = clientOf('admin1', apiBase);
  const page = await api.call(listInvoices, { query: { status: 'outstanding', account, min: 1, pageSize: 40 } });
  for (const item of page.items) {
    if (item.inDispute || item.type !== 'delivery_service') continue;
    const invoice = await api.call(getInvoice, { params: { number: item.number } });
    if (invoice.shipmentCount < 2) continue;
    const shipments = await api.call(listInvoiceShipments, {
      params: { number: item.number },
      query: { pageSize: 20 },
    });
    return { invoice, shipments: shipments.items };
  }
  throw new Error(`no disputable invoice of ${account}`);
}

function disputeOf(invoice: InvoiceDetail, lines: Partial<DisputeRequest>): DisputeRequest {
  return {
    invoiceNumber: invoice.number,
    scope: 'invoice',
    reason: 'late_delivery',
    amountKind: 'disputed',
    amount: { amount: 100, currency: invoice.amount.currency },
    contactEmail: 'alice@example.com',
    ...lines,
  };
}

const shipmentRow = (el: UpsInvoiceDetail, shipment: Shipment) =>
  $$(el, '.shipments-frame tbody tr[aria-rowindex]').find(
    (row) => text(row.querySelector('th')) === shipment.trackingNumber,
  );

describe('<ups-invoice-detail>', () => {
  it('shows the header, amounts, shipments, payments, and is accessible', async () => {
    const invoice = await anInvoice('payer1', { status: 'paid', account: '4R7X21', sort: 'amount', order: 'desc' });
    const el = await mount<UpsInvoiceDetail>(
      html`<ups-invoice-detail invoice-number=${invoice.number}></ups-invoice-detail>`,
      {
        user: 'payer1',
      },
    );
    await loaded(el);
    expect($(el, '#title').textContent).to.contain(invoice.number);
    expect($(el, '.amounts').textContent).to.contain(
      new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(invoice.amount.amount / 100),
    );
    await until(() => $$(el, '.shipments-frame tbody tr[aria-rowindex]:not(.skeleton)').length > 0, 'shipments');
    expect($$(el, '.shipments-frame tbody th')[0]!.textContent).to.match(/^1Z/);
    expect($(el, '[aria-labelledby=payments-title] table').textContent).to.contain('Completed');
    await expectAccessible(el);
  });

  it('scrolls thousands of shipment lines with few rows in the DOM, loading pages as they come into view', async () => {
    const server = await (await fetch('/__test/servers', { method: 'POST' })).json();
    const apiBase = server.apiBase as string;
    // A real invoice with 3,000 shipments, written through SQL on the private server's database is not
    // reachable from the browser: use the test endpoint that seeds one.
    const seeded = await (
      await fetch(`/__test/big-invoice?api=${encodeURIComponent(apiBase)}`, { method: 'POST' })
    ).json();
    const el = await mount<UpsInvoiceDetail>(
      html`<ups-invoice-detail invoice-number=${seeded.number}></ups-invoice-detail>`,
      {
        user: 'admin1',
        apiBase,
      },
    );
    await loaded(el);
    await until(() => $$(el, '.shipments-frame tbody tr[aria-rowindex]:not(.skeleton)').length > 0, 'first rows');
    expect($(el, '#shipments-title').textContent).to.contain('3,000 shipments');
    const frame = $(el, '.shipments-frame');
    expect($$(el, '.shipments-frame tbody tr').length).to.be.lessThan(60);
    frame.scrollTop = frame.scrollHeight / 2;
    await until(
      () => {
        const first = $$(el, '.shipments-frame tbody tr[aria-rowindex]:not(.skeleton)')[0];
        return Number(first?.getAttribute('aria-rowindex')) > 1000;
      },
      'middle rows loaded',
      10_000,
    );
    expect($$(el, '.shipments-frame tbody tr').length).to.be.lessThan(60);
  });

  it('downloads from a keyboard-operated formats menu, XML only when enrolled', async () => {
    const enrolled = await anInvoice('admin1', { account: '4R7X21' });
    const el = await mount<UpsInvoiceDetail>(
      html`<ups-invoice-detail invoice-number=${enrolled.number}></ups-invoice-detail>`,
      { user: 'admin1' },
    );
    await loaded(el);
    const button = $$(el, '.actions .button').find((b) => b.textContent!.includes('Download'))!;
    button.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => $$(el, '#formats-menu [role=menuitem]').length > 0, 'menu');
    expect($$(el, '#formats-menu [role=menuitem]').map((i) => i.textContent!.trim())).to.deep.equal([
      'PDF invoice',
      'CSV billing data',
      'XML billing data',
    ]);
    await sendKeys({ press: 'Escape' });
    const plain = await anInvoice('admin1', { account: 'W9E530' });
    el.invoiceNumber = plain.number;
    await until(() => $(el, '#title')?.textContent?.includes(plain.number) ?? false, 'next invoice');
    const next = $$(el, '.actions .button').find((b) => b.textContent!.includes('Download'))!;
    next.click();
    await until(() => $$(el, '#formats-menu [role=menuitem]').length > 0, 'menu');
    expect($$(el, '#formats-menu [role=menuitem]').map((i) => i.textContent!.trim())).to.not.include(
      'XML billing data',
    );
  });

  it('asks the host to pay or dispute this invoice; viewers get neither button', async () => {
    const open = await anInvoice('payer1', { status: 'outstanding', min: 1 });
    const el = await mount<UpsInvoiceDetail>(
      html`<ups-invoice-detail invoice-number=${open.number}></ups-invoice-detail>`,
      { user: 'payer1' },
    );
    await loaded(el);
    const pay = oneEvent(el, 'ups-pay-request');
    ($$(el, '.actions .button').find((b) => b.textContent!.includes('Pay')) as HTMLButtonElement).click();
    expect((await pay).detail.invoices[0].number).to.equal(open.number);
    // The host shows the form itself: it says so by cancelling the request, and no dialog opens.
    el.addEventListener('ups-dispute-request', (e) => e.preventDefault(), { once: true });
    const dispute = oneEvent(el, 'ups-dispute-request');
    ($$(el, '.actions .button').find((b) => b.textContent!.includes('Dispute')) as HTMLButtonElement).click();
    const asked = await dispute;
    expect(asked.detail.invoice.number).to.equal(open.number);
    expect(asked.cancelable).to.equal(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(($(el, 'dialog#dispute-dialog') as HTMLDialogElement).open).to.equal(false);

    const seen = await anInvoice('viewer1', { status: 'outstanding', min: 1 });
    const viewer = await mount<UpsInvoiceDetail>(
      html`<ups-invoice-detail invoice-number=${seen.number}></ups-invoice-detail>`,
      { user: 'viewer1' },
    );
    await loaded(viewer);
    expect($$(viewer, '.actions .button').map((b) => b.textContent!.trim())).to.deep.equal(['Print', 'Download ▾']);
  });

  it('prints only the invoice: a print stylesheet is adopted and every shipment rendered', async () => {
    const invoice = await anInvoice('admin1', { account: '4R7X21', sort: 'amount', order: 'desc' });
    const el = await mount<UpsInvoiceDetail>(
      html`<ups-invoice-detail invoice-number=${invoice.number}></ups-invoice-detail>`,
      { user: 'admin1' },
    );
    await loaded(el);
    const original = window.print;
    let during: { sheets: number; printing: boolean; rows: number } | null = null;
    window.print = () => {
      during = {
        sheets: document.adoptedStyleSheets.length,
        printing: el.matches(':state(printing)'),
        rows: $$(el, '.shipments-frame tbody tr[aria-rowindex]:not(.skeleton)').length,
      };
    };
    try {
      const before = document.adoptedStyleSheets.length;
      await el.print();
      const detailCount = Number($(el, '#shipments-title').textContent!.match(/(\d+) shipment/)![1]);
      expect(during).to.deep.equal({ sheets: before + 1, printing: true, rows: detailCount });
      expect(document.adoptedStyleSheets.length).to.equal(before);
      expect(el.matches(':state(printing)')).to.equal(false);
    } finally {
      window.print = original;
    }
  });

  it('says not found for an invoice outside the scope, and explains a missing number', async () => {
    const foreign = await anInvoice('admin1', { account: 'E7T310' });
    const el = await mount<UpsInvoiceDetail>(
      html`<ups-invoice-detail invoice-number=${foreign.number}></ups-invoice-detail>`,
      { user: 'payer1' },
    );
    await until(() => Boolean($(el, '[role=alert]')), 'error');
    expect($(el, '[role=alert]').textContent).to.contain('could not find');
    const none = await mount<UpsInvoiceDetail>(html`<ups-invoice-detail></ups-invoice-detail>`, { user: 'payer1' });
    expect($(none, '[role=alert]').textContent).to.contain('invoice-number');
  });

  it('speaks French', async () => {
    const invoice = await anInvoice('viewer1', {});
    const el = await mount<UpsInvoiceDetail>(
      html`<ups-invoice-detail invoice-number=${invoice.number}></ups-invoice-detail>`,
      {
        user: 'viewer1',
        locale: 'fr',
      },
    );
    await until(() => $(el, '#title')?.textContent?.includes('Facture') ?? false, 'French title');
    expect($(el, '.amounts').textContent).to.contain('Montant dû');
  });

  describe('disputes', () => {
    let apiBase: string;
    before(async () => {
      apiBase = await privateServer();
    });

    it('asks the host to dispute one shipment or one of its charge lines, from a keyboard menu', async () => {
      const { invoice, shipments } = await disputable('F3R901');
      const el = await mount<UpsInvoiceDetail>(
        html`<ups-invoice-detail invoice-number=${invoice.number}></ups-invoice-detail>`,
        { user: 'payer1' },
      );
      await loaded(el);
      await until(() => Boolean(shipmentRow(el, shipments[0]!)), 'shipment rows');
      el.addEventListener('ups-dispute-request', (e) => e.preventDefault());
      const trigger = $(el, `[data-dispute="shipment-${shipments[0]!.id}"]`);
      expect(text(trigger)).to.equal(`Dispute shipment ${shipments[0]!.trackingNumber} ▾`);
      trigger.focus();
      await sendKeys({ press: 'ArrowDown' });
      await until(() => $$(el, '#dispute-menu [role=menuitem]').length > 0, 'menu');
      const items = $$(el, '#dispute-menu [role=menuitem]').map((i) => text(i));
      expect(items[0]).to.equal('The whole shipment');
      expect(items.length).to.equal(1 + shipments[0]!.charges.length);
      await expectAccessible(el);
      let asked = oneEvent(el, 'ups-dispute-request');
      await sendKeys({ press: 'Enter' });
      let detail = (await asked).detail;
      expect(detail.invoice.number).to.equal(invoice.number);
      expect(detail.shipment!.id).to.equal(shipments[0]!.id);
      expect(detail.charge).to.equal(undefined);

      trigger.focus();
      await sendKeys({ press: 'ArrowDown' });
      await until(() => $$(el, '#dispute-menu [role=menuitem]').length > 0, 'menu again');
      asked = oneEvent(el, 'ups-dispute-request');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      detail = (await asked).detail;
      expect(detail.charge!.id).to.equal(shipments[0]!.charges[0]!.id);
      expect(detail.shipment).to.equal(undefined);
    });

    it('names the line Dispute buttons and menu in French', async () => {
      const { invoice, shipments } = await disputable('F3R901');
      const el = await mount<UpsInvoiceDetail>(
        html`<ups-invoice-detail invoice-number=${invoice.number}></ups-invoice-detail>`,
        { user: 'payer1', locale: 'fr' },
      );
      await until(() => $(el, '#title')?.textContent?.includes('Facture') ?? false, 'French title', 10_000);
      await until(() => Boolean(shipmentRow(el, shipments[0]!)), 'shipment rows');
      const trigger = $(el, `[data-dispute="shipment-${shipments[0]!.id}"]`);
      expect(text(trigger)).to.equal(`Contester l’expédition ${shipments[0]!.trackingNumber} ▾`);
      trigger.click();
      await until(() => $$(el, '#dispute-menu [role=menuitem]').length > 0, 'menu');
      expect(text($$(el, '#dispute-menu [role=menuitem]')[0])).to.equal('L’expédition entière');
      expect($(el, '#dispute-menu').getAttribute('aria-label')).to.equal('Que contester');
    });

    it('marks lines under an open dispute and lists the invoice’s disputes; viewers see marks, not buttons', async () => {
      const { invoice, shipments } = await disputable('F3R901', apiBase);
      const api = clientOf('admin1', apiBase);
      const [first, second] = [shipments[0]!, shipments[1]!];
      await api.call(createDispute, { body: disputeOf(invoice, { scope: 'shipments', shipmentIds: [first.id] }) });
      await api.call(createDispute, {
        body: disputeOf(invoice, { scope: 'charges', chargeIds: [second.charges[0]!.id], reason: 'incorrect_rate' }),
      });
      const el = await mount<UpsInvoiceDetail>(
        html`<ups-invoice-detail invoice-number=${invoice.number}></ups-invoice-detail>`,
        { user: 'admin1', apiBase },
      );
      await loaded(el);
      await until(() => Boolean($(el, '.flag.dispute')) && Boolean(shipmentRow(el, second)), 'marks');
      const firstTrigger = $(el, `[data-dispute="shipment-${first.id}"]`) as HTMLButtonElement;
      expect(firstTrigger.disabled).to.equal(true);
      expect(text(shipmentRow(el, first)!.querySelector('.line-action'))).to.contain('In dispute');
      const secondTrigger = $(el, `[data-dispute="shipment-${second.id}"]`) as HTMLButtonElement;
      expect(secondTrigger.disabled).to.equal(false);
      expect(text(shipmentRow(el, second)!.querySelector('.charges'))).to.contain(`${second.charges[0]!.description}`);
      expect(shipmentRow(el, second)!.querySelector('.charges .flag.dispute')).to.not.equal(null);
      secondTrigger.click();
      await until(() => $$(el, '#dispute-menu [role=menuitem]').length > 0, 'menu');
      const disputed = $$(el, '#dispute-menu [role=menuitem]')[1]!;
      expect(disputed.getAttribute('aria-disabled')).to.equal('true');
      expect(text(disputed)).to.contain('(in dispute)');
      await sendKeys({ press: 'Escape' });

      // The Disputes section is the invoice's dispute list.
      await until(() => Boolean($(el, 'ups-dispute-list')?.shadowRoot?.querySelector('table')), 'dispute list', 10_000);
      const list = $(el, 'ups-dispute-list');
      expect(list.shadowRoot!.querySelectorAll('table[part=table] > tbody')).to.have.length(2);
      await expectAccessible(el);

      const viewer = await mount<UpsInvoiceDetail>(
        html`<ups-invoice-detail invoice-number=${invoice.number}></ups-invoice-detail>`,
        { user: 'viewer1', apiBase },
      );
      await loaded(viewer);
      await until(() => Boolean($(viewer, '.flag.dispute')) && Boolean(shipmentRow(viewer, first)), 'viewer marks');
      expect($$(viewer, '[data-dispute]')).to.have.length(0);
      expect(text(shipmentRow(viewer, first)!.querySelector('.line-action'))).to.equal('In dispute');
      viewer.parentElement!.remove();

      // Withdrawn from the Disputes section: the shipment can be disputed again.
      const shipmentDispute = [...list.shadowRoot!.querySelectorAll<HTMLElement>('table[part=table] > tbody')].find(
        (body) => text(body.querySelector('td:nth-child(3)')).startsWith('Late delivery'),
      )!;
      shipmentDispute.querySelector<HTMLButtonElement>('[data-toggle]')!.click();
      await until(() => Boolean(list.shadowRoot!.querySelector('[data-withdraw]')), 'Withdraw offered', 10_000);
      list.shadowRoot!.querySelector<HTMLButtonElement>('[data-withdraw]')!.click();
      const dialog = list.shadowRoot!.querySelector<HTMLDialogElement>('dialog#withdraw')!;
      await until(() => dialog.open, 'confirmation open');
      const changed = oneEvent(el, 'ups-dispute-change');
      dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      expect((await changed).detail.action).to.equal('withdrawn');
      await until(
        () => !($(el, `[data-dispute="shipment-${first.id}"]`) as HTMLButtonElement).disabled,
        'shipment disputable again',
        10_000,
      );
      expect(shipmentRow(el, first)!.querySelector('.flag.dispute')).to.equal(null);
    });

    it('disputes a charge line through the form in its dialog, then marks the line', async () => {
      const { invoice, shipments } = await disputable('8F2K44', apiBase);
      const shipment = shipments[0]!;
      const charge = shipment.charges.find((c) => c.amount.amount >= 100)!;
      const el = await mount<UpsInvoiceDetail>(
        html`<ups-invoice-detail invoice-number=${invoice.number}></ups-invoice-detail>`,
        { user: 'admin1', apiBase },
      );
      await loaded(el);
      await until(() => Boolean(shipmentRow(el, shipment)), 'shipment rows');
      $(el, `[data-dispute="shipment-${shipment.id}"]`).click();
      await until(() => $$(el, '#dispute-menu [role=menuitem]').length > 0, 'menu');
      $(el, `#dispute-menu [data-id="charge:${charge.id}"]`).click();
      const dialog = $(el, 'dialog#dispute-dialog') as HTMLDialogElement;
      await until(() => dialog.open, 'form dialog open', 10_000);
      expect(text(dialog.querySelector('h3'))).to.equal(`Dispute “${charge.description}” of invoice ${invoice.number}`);
      const form = dialog.querySelector<UpsDisputeForm>('ups-dispute-form')!;
      expect(form.getAttribute('charge-id')).to.equal(charge.id);
      await ready(form);
      await until(
        () => Boolean(form.shadowRoot!.querySelector<HTMLInputElement>(`#charge-${charge.id}`)?.checked),
        'the form starts on the charge',
        10_000,
      );
      await fill(form, 'reason', 'incorrect_rate');
      await fill(form, 'amount', '1.00');
      const succeeded = oneEvent(el, 'ups-dispute-success');
      await submit(form);
      const { dispute } = (await succeeded).detail;
      expect(dispute.chargeIds).to.deep.equal([charge.id]);
      await until(
        () => Boolean(shipmentRow(el, shipment)?.querySelector('.charges .flag.dispute')),
        'charge marked in dispute',
        10_000,
      );
      // The form's confirmation stays in view until the user closes the dialog.
      expect(dialog.open).to.equal(true);
      ([...dialog.querySelectorAll('button')].find((b) => text(b) === 'Close') as HTMLButtonElement).click();
      await until(() => !dialog.open, 'dialog closed');
    });

    it('opens the dispute form in a dialog when the host lets it, and shows the dispute once made', async () => {
      const { invoice } = await disputable('4R7X21', apiBase);
      const el = await mount<UpsInvoiceDetail>(
        html`<ups-invoice-detail invoice-number=${invoice.number}></ups-invoice-detail>`,
        { user: 'admin1', apiBase },
      );
      await loaded(el);
      const button = $$(el, '.actions .button').find((b) => text(b) === 'Dispute')!;
      const asked = oneEvent(el, 'ups-dispute-request');
      button.click();
      expect((await asked).defaultPrevented).to.equal(false);
      const dialog = $(el, 'dialog#dispute-dialog') as HTMLDialogElement;
      await until(() => dialog.open, 'form dialog open', 10_000);
      expect(customElements.get('ups-dispute-form')).to.not.equal(undefined);
      expect(text(dialog.querySelector('h3'))).to.equal(`Dispute invoice ${invoice.number}`);
      const form = dialog.querySelector('ups-dispute-form')!;
      expect(form.getAttribute('invoice-number')).to.equal(invoice.number);
      await expectAccessible(el);

      // What the form does once the server recorded a dispute.
      const dispute = await clientOf('admin1', apiBase).call(createDispute, { body: disputeOf(invoice, {}) });
      form.dispatchEvent(
        new CustomEvent('ups-dispute-success', { detail: { dispute }, bubbles: true, composed: true }),
      );
      await until(() => Boolean($(el, '.notice.dispute')), 'in-dispute notice', 10_000);
      expect(text($(el, 'article ~ [role=status]'))).to.contain(`Dispute ${dispute.number} was submitted.`);
      await until(() => Boolean($(el, 'ups-dispute-list')), 'disputes section', 10_000);
      ([...dialog.querySelectorAll('button')].find((b) => text(b) === 'Close') as HTMLButtonElement).click();
      await until(() => !dialog.open, 'dialog closed');
      await until(() => el.shadowRoot!.activeElement === button, 'focus back on Dispute');
    });
  });
});
