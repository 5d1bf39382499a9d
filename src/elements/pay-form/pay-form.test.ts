import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getInvoice, listInvoices } from '../../api/endpoints/invoices.js';
import { getPayment } from '../../api/endpoints/payments.js';
import type { UpsBillingProvider } from '../../context/billing-provider.js';
import { expectAccessible, mount, privateServer, tokenFor, until } from '../../../test/browser/fixtures.js';
import '../../ups-pay-form.js';
import type { UpsPayForm } from './pay-form.js';

import {
  $,
  $$,
  text,
  DECLINE_FUNDS,
  DECLINE_HONOR,
  client,
  outstanding,
  deepActive,
  tabTo,
  stepIs,
  choose,
  typeCard,
  continueFromFrame,
  pay,
  expectNoCardData,
} from '../../../test/browser/pay-form-helpers.js';

describe('<ups-pay-form>', () => {
  it('a payer pays a cart with the keyboard alone, through the card frame, and the page never holds the card', async () => {
    const apiBase = await privateServer();
    const cart = (await outstanding('payer1', apiBase, '4R7X21')).filter((i) => i.type !== 'import').slice(0, 2);
    expect(cart).to.have.length(2);
    const form = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${cart}></ups-pay-form>`, {
      user: 'payer1',
      apiBase,
    });
    await until(() => $$(form, 'input[name=method]').length > 0, 'payment methods');
    await expectAccessible(form);
    const success = oneEvent(form, 'ups-payment-success');

    // The payer's saved card comes first; the arrow keys move on to a new card.
    let radio = (await tabTo((el) => el.matches('input[name=method]'), 'the payment methods')) as HTMLInputElement;
    await sendKeys({ press: 'Space' });
    expect(radio.parentElement!.textContent).to.contain('Visa •••• 4242');
    while (!radio.parentElement!.textContent!.includes('New credit card')) {
      await sendKeys({ press: 'ArrowDown' });
      const next = deepActive() as HTMLInputElement;
      expect(next, 'the arrow keys reach “New credit card”').to.not.equal(radio);
      radio = next;
    }
    expect(radio.checked).to.equal(true);
    await typeCard(form);
    await continueFromFrame(form);
    expect(deepActive()?.classList.contains('step-of'), 'focus starts the new step').to.equal(true);
    expect(text(form, '.review dl')).to.contain('Visa •••• 4242');
    const total = cart.reduce((sum, i) => sum + i.amountDue.amount, 0);
    const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(total / 100);
    const button = await tabTo((el) => /^(Pay|Schedule)/.test(el.textContent!.trim()), 'the pay button');
    expect(button.textContent).to.contain(money);
    await sendKeys({ press: 'Enter' });
    await stepIs(form, '[part=receipt]');

    const { detail } = await success;
    const receipt = text(form, '[part=receipt]');
    expect(receipt).to.contain(detail.receipt.confirmationNumber);
    for (const invoice of cart) expect(receipt).to.contain(invoice.number);
    expect(receipt).to.contain('Visa •••• 4242').and.to.contain(money);
    const stored = await client('payer1', apiBase).call(getPayment, {
      params: { confirmation: detail.receipt.confirmationNumber },
    });
    expect(stored.invoices.map((l) => l.number).sort()).to.deep.equal(cart.map((i) => i.number).sort());
    expect(stored.total.amount).to.equal(total);
    expectNoCardData();
  });

  it('shows the card frame’s own validation errors in the summary; its links move focus into the frame', async () => {
    const cart = (await outstanding('payer1', '/api/v1', '4R7X21')).filter((i) => i.type !== 'import').slice(0, 1);
    const form = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${cart}></ups-pay-form>`, { user: 'payer1' });
    await choose(form, /New credit card/);
    await typeCard(form, { number: '4242424242424241', expiry: '0120', cvc: '', holder: '' });
    await sendKeys({ press: 'Enter' });
    await until(() => $$(form, '.error-summary li').length > 0, 'error summary');
    const items = $$(form, '.error-summary li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal([
      'Name on card: Enter this value.',
      'Card number: Enter a valid card number.',
      'Expiry: This card has expired.',
      'Security code: Enter this value.',
    ]);
    expect(form.shadowRoot!.querySelector('.review')).to.equal(null);
    $$(form, '.error-summary a, .error-summary button')[1]!.click();
    expect(deepActive()?.localName).to.equal('iframe');
  });

  it('a decline reaches the payer as a message by its code, in English and in French, and can be retried', async () => {
    const apiBase = await privateServer();
    const cart = (await outstanding('payer1', apiBase, '4R7X21')).filter((i) => i.type !== 'import').slice(0, 1);
    const form = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${cart}></ups-pay-form>`, {
      user: 'payer1',
      apiBase,
    });
    await choose(form, /New credit card/);
    await typeCard(form, { number: DECLINE_FUNDS });
    await continueFromFrame(form);
    const failed = oneEvent(form, 'ups-payment-error');
    $$(form, '.review button')[1]!.click();
    expect((await failed).detail.code).to.equal('declined_insufficient_funds');
    await until(() => text(form, '.error-summary').includes('insufficient funds'), 'decline message');
    // Back to the details, card to enter again: the declined token is spent.
    await stepIs(form, 'form.step .methods');

    const french = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${cart}></ups-pay-form>`, {
      user: 'payer1',
      apiBase,
      locale: 'fr',
    });
    await choose(french, /Nouvelle carte de crédit/);
    await typeCard(french, { number: DECLINE_HONOR });
    await continueFromFrame(french);
    $$(french, '.review button')[1]!.click();
    await until(() => text(french, '.error-summary').includes('L’émetteur de la carte a refusé'), 'French decline');
    const detail = await client('payer1', apiBase).call(getInvoice, { params: { number: cart[0]!.number } });
    expect(detail.amountDue.amount, 'nothing charged').to.equal(cart[0]!.amountDue.amount);
  });

  it('an invoice paid meanwhile gets “already paid”, leaves the cart, and is not paid twice', async () => {
    const apiBase = await privateServer();
    const [invoice, other] = (await outstanding('payer1', apiBase, '4R7X21')).filter((i) => i.type !== 'import');
    // Someone else pays it first, in another form.
    const first = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${[invoice!]}></ups-pay-form>`, {
      user: 'admin1',
      apiBase,
    });
    await choose(first, /New credit card/);
    await typeCard(first);
    await continueFromFrame(first);
    await pay(first);

    const stale = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${[invoice!, other!]}></ups-pay-form>`, {
      user: 'payer1',
      apiBase,
    });
    await choose(stale, /New credit card/);
    await typeCard(stale);
    await continueFromFrame(stale);
    $$(stale, '.review button')[1]!.click();
    await until(() => text(stale, '.error-summary').includes('already paid'), 'already paid');
    expect(text(stale, '.error-summary li')).to.contain(invoice!.number).and.to.contain('Taken out of the cart');
    // The cart now holds the other invoice only, and its total.
    expect($$(stale, '.cart tbody th').map((th) => th.textContent!.trim())).to.deep.equal([other!.number]);
    const rest = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(
      other!.amountDue.amount / 100,
    );
    expect(text(stale, '.cart .total')).to.equal(rest);
    const detail = await client('payer1', apiBase).call(getInvoice, { params: { number: invoice!.number } });
    expect(detail.payments.filter((p) => p.status !== 'failed')).to.have.length(1);
  });

  it('disables submit with aria-busy while paying, and ups-payment-submit can stop the payment', async () => {
    const apiBase = await privateServer();
    const [invoice] = (await outstanding('payer1', apiBase, '4R7X21')).filter((i) => i.type !== 'import');
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const slowFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/payments')) {
        sent.push(request.headers.get('idempotency-key') ?? '');
        await gate;
      }
      return fetch(request);
    };
    const form = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${[invoice!]}></ups-pay-form>`, {
      user: 'payer1',
      apiBase,
      fetch: slowFetch,
    });
    await choose(form, /New credit card/);
    await typeCard(form);
    await continueFromFrame(form);

    const stop = (event: Event) => event.preventDefault();
    form.addEventListener('ups-payment-submit', stop, { once: true });
    const button = () => $$(form, '.review button')[1] as HTMLButtonElement;
    button().click();
    await form.updateComplete;
    expect(sent, 'a cancelled submit sends nothing').to.deep.equal([]);
    expect(button().disabled).to.equal(false);

    button().click();
    await until(() => button()?.disabled === true, 'submit disabled');
    expect(button().getAttribute('aria-busy')).to.equal('true');
    expect($(form, 'section').getAttribute('aria-busy')).to.equal('true');
    button().click();
    release();
    await stepIs(form, '[part=receipt]');
    expect(sent).to.have.length(1);
    expect(sent[0]).to.match(/^[0-9a-f-]{36}$/);
  });

  it('sends an unanswered payment again with the same key — after a retry and after a reload — and pays once', async () => {
    const apiBase = await privateServer();
    const [a, b] = (await outstanding('payer1', apiBase, '4R7X21')).filter((i) => i.type !== 'import');
    const keys: string[] = [];
    let drop = 0;
    /** Delivers the payment to the server, then loses its answer, as a dropped connection would. */
    const lossyFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const paying = request.method === 'POST' && new URL(request.url).pathname.endsWith('/payments');
      if (paying) keys.push(request.headers.get('idempotency-key') ?? '');
      const response = await fetch(request);
      if (paying && drop > 0) {
        drop--;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    const paymentsOf = async (number: string) =>
      (await client('payer1', apiBase).call(getInvoice, { params: { number } })).payments;

    // A retry: the second press sends the same request and key, and gets the first result.
    drop = 1;
    const form = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${[a!]}></ups-pay-form>`, {
      user: 'payer1',
      apiBase,
      fetch: lossyFetch,
    });
    await choose(form, /New credit card/);
    await typeCard(form);
    await continueFromFrame(form);
    $$(form, '.review button')[1]!.click();
    await until(() => text(form, '.error-summary').includes('never pays twice'), 'lost answer message');
    $$(form, '.review button')[1]!.click();
    await stepIs(form, '[part=receipt]');
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(await paymentsOf(a!.number)).to.have.length(1);

    // A reload: a new form for the same cart finds the attempt in sessionStorage and finishes it.
    keys.length = 0;
    drop = 1;
    const before = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${[b!]}></ups-pay-form>`, {
      user: 'payer1',
      apiBase,
      fetch: lossyFetch,
    });
    await choose(before, /New credit card/);
    await typeCard(before);
    await continueFromFrame(before);
    $$(before, '.review button')[1]!.click();
    await until(() => text(before, '.error-summary').includes('never pays twice'), 'lost answer message');
    before.closest('ups-billing-provider')!.remove();
    const after = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${[b!]}></ups-pay-form>`, {
      user: 'payer1',
      apiBase,
      fetch: lossyFetch,
    });
    await stepIs(after, '[part=receipt]');
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(await paymentsOf(b!.number)).to.have.length(1);
    expect(
      Object.keys(sessionStorage).filter((k) => k.startsWith('ups-pay-attempt:')),
      'attempt forgotten',
    ).to.deep.equal([]);
  });

  it('works three shadow roots deep, inside a modal <dialog>', async function () {
    // A private server, the card frame and a payment: more than the default 20 s when the machine is busy.
    this.timeout(60_000);
    const apiBase = await privateServer();
    const [invoice] = (await outstanding('payer1', apiBase, '4R7X21')).filter((i) => i.type !== 'import');
    if (!customElements.get('test-shell')) {
      customElements.define(
        'test-shell',
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' });
          }
        },
      );
    }
    const outer = document.createElement('test-shell');
    document.body.append(outer);
    let root: ShadowRoot = outer.shadowRoot!;
    for (let depth = 1; depth < 3; depth++) {
      const shell = document.createElement('test-shell');
      root.append(shell);
      root = shell.shadowRoot!;
    }
    const dialog = document.createElement('dialog');
    const provider = document.createElement('ups-billing-provider') as UpsBillingProvider;
    provider.apiBase = apiBase;
    provider.token = await tokenFor('payer1', apiBase);
    const form = document.createElement('ups-pay-form');
    form.invoices = [invoice!];
    provider.append(form);
    dialog.append(provider);
    root.append(dialog);
    dialog.showModal();
    try {
      await choose(form, /New credit card/);
      await typeCard(form);
      await continueFromFrame(form);
      await pay(form);
      expect(text(form, '[part=receipt]')).to.contain(invoice!.number);
    } finally {
      outer.remove();
    }
  });

  it('checks bank details and the processing date before anything is sent', async () => {
    const requests: string[] = [];
    const watch: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST') requests.push(new URL(request.url).pathname);
      return fetch(request);
    };
    const today = new Date().toISOString().slice(0, 10);
    // Due later: the payer may pick a processing date up to its due date.
    const us = (await outstanding('payer1', '/api/v1', '4R7X21')).filter(
      (i) => i.type !== 'import' && i.dueDate > today,
    );
    expect(us.length, 'an invoice due later').to.be.greaterThan(0);
    const form = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${us.slice(0, 1)}></ups-pay-form>`, {
      user: 'payer1',
      fetch: watch,
    });
    await choose(form, /ACH/);
    const fill = async (id: string, value: string) => {
      const input = $(form, `#${id}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event(input.type === 'date' ? 'change' : 'input'));
      await form.updateComplete;
    };
    await fill('holder', 'Jane Payer');
    await fill('routing', '123456789');
    await fill('account-number', '000123456789');
    await fill('processing-date', '2099-01-01');
    ($(form, 'form.step button[type=submit]') as HTMLButtonElement).click();
    await until(() => $$(form, '.error-summary li').length > 0, 'summary');
    expect(text(form, '#routing-error')).to.equal('Enter a valid 9-digit routing number.');
    expect($(form, '#routing').getAttribute('aria-invalid')).to.equal('true');
    expect(text(form, '#processing-date-error')).to.match(/^Choose a date from today until /);
    // Focus moves in the update after the summary renders; on a busy machine that can be a frame later.
    await until(() => deepActive()?.matches('.error-summary') ?? false, 'the summary takes focus');

    const fr = (await outstanding('payer1', '/api/v1', 'F3R901')).filter((i) => i.type !== 'import');
    const sepa = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${fr.slice(0, 1)}></ups-pay-form>`, {
      user: 'payer1',
      locale: 'fr',
      fetch: watch,
    });
    await choose(sepa, /SEPA/);
    const iban = $(sepa, '#iban') as HTMLInputElement;
    iban.value = 'FR7630006000011234567890188'; // check digits off by one
    iban.dispatchEvent(new Event('input'));
    ($(sepa, 'form.step button[type=submit]') as HTMLButtonElement).click();
    await until(() => $$(sepa, '.error-summary li').length > 0, 'summary');
    expect(text(sepa, '#iban-error')).to.equal('Saisissez un IBAN valide.');
    expect(text(sepa, '#mandate-error')).to.contain('mandat');
    expect(text(sepa, '.mandate p')).to.contain('UPS');
    expect(
      requests.filter((path) => /bank-tokens|payments/.test(path)),
      'nothing sent',
    ).to.deep.equal([]);
  });

  it('explains which invoices a method cannot pay, and refuses a cart the credits cover', async () => {
    const all = await outstanding('payer1', '/api/v1', '4R7X21');
    const imported = all.find((i) => i.type === 'import' && i.amountDue.amount > 0)!;
    const delivery = all.find((i) => i.type === 'delivery_service' && i.amountDue.amount > 0)!;
    const form = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${[delivery, imported]}></ups-pay-form>`, {
      user: 'payer1',
    });
    await until(() => $$(form, '.method').length > 0, 'methods');
    const card = $$(form, '.method').find((m) => m.textContent!.includes('New credit card'))!;
    expect(card.querySelector('input')!.disabled).to.equal(true);
    expect(card.textContent).to.contain(`Cannot pay ${imported.number}.`);
    const ach = $$(form, '.method').find((m) => m.textContent!.includes('ACH'))!;
    expect(ach.querySelector('input')!.disabled).to.equal(false);
    expect(text(form, '.methods')).to.contain('cannot be paid by card');

    const credits = await client('payer1', '/api/v1').call(listInvoices, {
      query: { status: 'outstanding', account: 'F3R901', max: -1, pageSize: 5 },
    });
    const creditOnly = await mount<UpsPayForm>(
      html`<ups-pay-form .invoices=${credits.items.slice(0, 1)}></ups-pay-form>`,
      { user: 'payer1' },
    );
    await until(() => text(creditOnly, '.notice').includes('nothing to pay'), 'nothing to pay');
    expect(creditOnly.shadowRoot!.querySelector('input[name=method]')).to.equal(null);
  });

  it('sizes the card frame to its content without moving what follows', async () => {
    const cart = (await outstanding('payer1', '/api/v1', '4R7X21')).filter((i) => i.type !== 'import').slice(0, 1);
    const form = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${cart}></ups-pay-form>`, { user: 'payer1' });
    await choose(form, /New credit card/);
    const frame = $(form, 'iframe.card-frame');
    const before = frame.getBoundingClientRect().height;
    const continueTop = () => $(form, 'form.step button[type=submit]').getBoundingClientRect().top;
    const topBefore = continueTop();
    await until(() => form.matches(':state(card-ready)'), 'card frame ready', 15_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(frame.getBoundingClientRect().height - before, 'frame height change').to.be.within(-2, 2);
    expect(Math.abs(continueTop() - topBefore), 'shift of what follows').to.be.at.most(2);
    expect(frame.getAttribute('style'), 'sized through the CSSOM').to.contain('height');
    expect(new URL(frame.getAttribute('src')!).origin).to.not.equal(location.origin);
  });
});
