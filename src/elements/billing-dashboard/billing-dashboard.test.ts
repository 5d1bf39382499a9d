import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../api/client.js';
import { getDashboard } from '../../api/endpoints/dashboard.js';
import { listDisputes } from '../../api/endpoints/disputes.js';
import type { Invoice } from '../../api/schemas/invoice.js';
import { expectAccessible, mount, privateServer, tokenFor, until } from '../../../test/browser/fixtures.js';
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

  it('says which AutoPay rules are suspended and which of the user’s cards expire, in English and French', async () => {
    // The demo seeds a rule suspended for an expired card, and admin1's wallet holds an expired and an expiring card.
    const client = new BillingClient({ baseUrl: '/api/v1', getToken: () => tokenFor('admin1') });
    const { alerts } = await client.call(getDashboard);
    const suspended = alerts.find((a) => a.code === 'autopay_suspended')!;
    const cards = alerts.find((a) => a.code === 'card_expiring')!;
    expect(suspended.count).to.be.greaterThan(0);
    expect(cards.count).to.be.greaterThan(0);
    const texts = async (locale: string) => {
      const el = await mount<UpsBillingDashboard>(html`<ups-billing-dashboard></ups-billing-dashboard>`, {
        user: 'admin1',
        locale,
      });
      await loaded(el);
      // French messages load on first use: the figures may show before them.
      const title = locale === 'fr' ? 'Vue d’ensemble de la facturation' : 'Billing overview';
      await until(() => $(el, 'h2').textContent === title, `${locale} messages`);
      return $$(el, '.alerts li').map((li) => ({ text: li.textContent!.trim(), severity: li.className }));
    };
    const one = (count: number, singular: string, plural: string) => (count === 1 ? singular : plural);

    const en = await texts('en');
    expect(en).to.deep.include({
      text: one(
        suspended.count,
        '1 AutoPay rule is suspended: its payment method was removed or has expired.',
        `${suspended.count} AutoPay rules are suspended: their payment method was removed or has expired.`,
      ),
      severity: suspended.severity,
    });
    expect(en).to.deep.include({
      text: one(
        cards.count,
        '1 card in your wallet has expired or expires within 30 days.',
        `${cards.count} cards in your wallet have expired or expire within 30 days.`,
      ),
      severity: cards.severity,
    });
    expect(en.map((a) => a.text).join(' ')).not.to.contain('Something needs your attention');

    const fr = (await texts('fr')).map((a) => a.text);
    expect(fr).to.include(
      one(
        suspended.count,
        '1 paiement automatique est suspendu : son mode de paiement a été supprimé ou a expiré.',
        `${suspended.count} paiements automatiques sont suspendus : leur mode de paiement a été supprimé ou a expiré.`,
      ),
    );
    expect(fr).to.include(
      one(
        cards.count,
        '1 carte de votre portefeuille a expiré ou expire dans les 30 jours.',
        `${cards.count} cartes de votre portefeuille ont expiré ou expirent dans les 30 jours.`,
      ),
    );
  });

  it('keeps its height when the figures arrive, but for the alerts and notices it could not foresee', async () => {
    const slow = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (request.url.includes('/dashboard')) await new Promise((r) => setTimeout(r, 400));
      return fetch(request);
    }) as typeof fetch;
    const el = await mount<UpsBillingDashboard>(html`<ups-billing-dashboard></ups-billing-dashboard>`, {
      user: 'viewer1',
      fetch: slow,
    });
    await until(() => Boolean($(el, '[aria-busy=true]')), 'skeleton');
    const loading = el.getBoundingClientRect().height;
    await loaded(el);
    // One currency for this user: the skeleton draws one currency's cards and aging table.
    expect($$(el, '.currency')).to.have.length(1);
    const unforeseen = $$(el, '.alerts, .notice').reduce((sum, e) => {
      const style = getComputedStyle(e);
      return sum + e.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    }, 0);
    expect(el.getBoundingClientRect().height - unforeseen).to.be.closeTo(loading, 2);
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

  it('tells when disputes were resolved and what was credited, in English and French, linking to the disputes', async () => {
    const apiBase = await privateServer();
    const client = new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor('admin1', apiBase) });
    // UPS approves an open dispute today (the test hook does what a UPS reviewer would).
    const open = (await client.call(listDisputes, { query: { status: 'open', pageSize: 1 } })).items[0]!;
    const review = (action: string, amount = '') =>
      fetch(
        `/__test/review-dispute?api=${encodeURIComponent(apiBase)}&number=${open.number}&action=${action}${amount}`,
        { method: 'POST' },
      );
    if (open.status === 'submitted') expect((await review('start')).ok).to.equal(true);
    expect((await review('approve')).ok).to.equal(true);
    const alert = (await client.call(getDashboard)).alerts.find((a) => a.code === 'dispute_resolved')!;
    expect(alert.count).to.be.greaterThan(0);
    expect(alert.amounts.length).to.be.greaterThan(0);

    const texts = async (locale: string) => {
      const el = await mount<UpsBillingDashboard>(
        html`<ups-billing-dashboard disputes-href="#disputes"></ups-billing-dashboard>`,
        { user: 'admin1', apiBase, locale },
      );
      await loaded(el);
      const title = locale === 'fr' ? 'Vue d’ensemble de la facturation' : 'Billing overview';
      await until(() => $(el, 'h2').textContent === title, `${locale} messages`);
      const item = $$(el, '.alerts li').find((li) => li.querySelector('a'))!;
      return { el, text: item.textContent!.replace(/\s+/g, ' ').trim(), link: item.querySelector('a')! };
    };
    const money = (locale: string) =>
      alert.amounts
        .map((m) => new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(m.amount / 100))
        .join(' + ')
        .replace(/\s+/g, ' ');
    const one = alert.count === 1;

    const en = await texts('en');
    expect(en.text).to.equal(
      `${alert.count} ${one ? 'dispute was' : 'disputes were'} resolved in the last 30 days: ${money('en')} credited. See disputes`,
    );
    expect(en.link.getAttribute('href')).to.equal('#disputes');
    await expectAccessible(en.el);

    const fr = await texts('fr');
    expect(fr.text).to.equal(
      `${alert.count} ${one ? 'contestation a été traitée' : 'contestations ont été traitées'} ces 30 derniers jours : ${money('fr')} crédités. Voir les contestations`,
    );
  });
});
