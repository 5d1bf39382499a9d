import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../api/client.js';
import { getDashboard } from '../../api/endpoints/dashboard.js';
import type { Invoice } from '../../api/schemas/invoice.js';
import { expectAccessible, mount, tokenFor, until } from '../../../test/browser/fixtures.js';
import '../../ups-billing-dashboard.js';
import type { UpsBillingDashboard } from './billing-dashboard.js';

const $ = (el: UpsBillingDashboard, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: UpsBillingDashboard, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const loaded = (el: UpsBillingDashboard) =>
  until(() => Boolean(el.shadowRoot!.querySelector('.card-value')), 'figures', 10_000);

describe('<ups-billing-dashboard>', () => {
  it('shows balance due, past due and due this week per currency, as the server computes them, accessibly', async () => {
    const el = await mount<UpsBillingDashboard>(html`<ups-billing-dashboard></ups-billing-dashboard>`, {
      user: 'admin1',
    });
    await loaded(el);
    const client = new BillingClient({ baseUrl: '/api/v1', getToken: () => tokenFor('admin1') });
    const dashboard = await client.call(getDashboard);
    const values = $$(el, '.card-value').map((v) => v.textContent!.trim());
    const money = (m: { amount: number; currency: string }) =>
      new Intl.NumberFormat('en', { style: 'currency', currency: m.currency }).format(m.amount / 100);
    expect(values).to.deep.equal(
      dashboard.currencies.flatMap((c) => [money(c.balanceDue), money(c.pastDue), money(c.dueNext7Days)]),
    );
    expect($$(el, '.aging tbody tr')).to.have.length(5 * dashboard.currencies.length);
    expect($(el, '.alerts').textContent).to.match(/\d+ invoices are past due/);
    await expectAccessible(el);
  });

  it('asks the host to pay the open and past-due invoices, oldest due first, from the keyboard', async () => {
    const el = await mount<UpsBillingDashboard>(html`<ups-billing-dashboard></ups-billing-dashboard>`, {
      user: 'payer1',
    });
    await loaded(el);
    const pay = $(el, '[part=pay-button]');
    pay.focus();
    const request = oneEvent(el, 'ups-pay-request');
    await sendKeys({ press: 'Enter' });
    const invoices: Invoice[] = (await request).detail.invoices;
    expect(invoices.length).to.be.greaterThan(0);
    expect(invoices.every((i) => i.status === 'open' || i.status === 'past_due')).to.equal(true);
    const due = invoices.map((i) => i.dueDate);
    expect(due).to.deep.equal([...due].sort());
  });

  it('offers viewers no Pay button', async () => {
    const el = await mount<UpsBillingDashboard>(html`<ups-billing-dashboard></ups-billing-dashboard>`, {
      user: 'viewer1',
    });
    await loaded(el);
    expect($(el, '[part=pay-button]')).to.equal(null);
    expect($$(el, '.aging caption').map((c) => c.textContent!.trim())).to.deep.equal(['Aging of amounts due (EUR)']);
  });

  it('shows loading, then a localized error with retry', async () => {
    let fail = true;
    const flaky = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (request.url.includes('/dashboard')) {
        await new Promise((r) => setTimeout(r, 300));
        if (fail) return new Response('', { status: 503 });
      }
      return fetch(request);
    }) as typeof fetch;
    const el = await mount<UpsBillingDashboard>(html`<ups-billing-dashboard></ups-billing-dashboard>`, {
      user: 'admin1',
      fetch: flaky,
      locale: 'fr',
    });
    await until(() => Boolean($(el, '[aria-busy=true]')), 'skeleton');
    expect($$(el, '.card.skeleton')).to.have.length(3);
    await until(() => Boolean($(el, '[role=alert]')), 'error', 15_000);
    expect($(el, '[role=alert]').textContent).to.contain('La vue d’ensemble n’a pas pu être chargée');
    fail = false;
    ($(el, '[role=alert] button') as HTMLButtonElement).click();
    await loaded(el);
    expect($(el, 'h2').textContent).to.equal('Vue d’ensemble de la facturation');
  });
});
