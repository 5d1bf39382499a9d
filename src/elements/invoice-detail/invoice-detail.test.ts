import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../api/client.js';
import { listInvoices } from '../../api/endpoints/invoices.js';
import { expectAccessible, mount, tokenFor, until } from '../../../test/browser/fixtures.js';
import '../../ups-invoice-detail.js';
import type { UpsInvoiceDetail } from './invoice-detail.js';

const $ = (el: UpsInvoiceDetail, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: UpsInvoiceDetail, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const loaded = (el: UpsInvoiceDetail) =>
  until(() => Boolean(el.shadowRoot!.querySelector('#title')), 'invoice shown', 10_000);

async function anInvoice(user: string, query: Record<string, unknown>) {
  const client = new BillingClient({ baseUrl: '/api/v1', getToken: () => tokenFor(user) });
  return (await client.call(listInvoices, { query: { status: 'all', pageSize: 1, ...query } })).items[0]!;
}

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
    const dispute = oneEvent(el, 'ups-dispute-request');
    ($$(el, '.actions .button').find((b) => b.textContent!.includes('Dispute')) as HTMLButtonElement).click();
    expect((await dispute).detail.invoice.number).to.equal(open.number);

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
});
