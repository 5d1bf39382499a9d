import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { listInvoices } from '../../api/endpoints/invoices.js';
import { expectAccessible, privateServer, until } from '../../../test/browser/fixtures.js';
import '../../ups-pay-form.js';
import type { UpsPayForm } from './pay-form.js';
import {
  $,
  $$,
  text,
  CARD,
  client,
  outstanding,
  stepIs,
  choose,
  typeCard,
  continueFromFrame,
  pay,
  expectNoCardData,
} from '../../../test/browser/pay-form-helpers.js';

describe('<ups-pay-form guest>', () => {
  it('a guest finds an invoice by account, number and amount due, pays by card, and gets a printable receipt', async () => {
    const apiBase = await privateServer();
    const [invoice] = (await outstanding('admin1', apiBase, 'F3R902')).filter(
      (i) => i.type !== 'import' && i.amountDue.amount > 0,
    );
    // A marketing page: no provider, no sign-in.
    const form = await fixture<UpsPayForm>(
      html`<ups-pay-form guest api-base=${apiBase} enrol-href="/enrol"></ups-pay-form>`,
    );
    await stepIs(form, '#account');
    await expectAccessible(form);
    const type = async (id: string, value: string) => {
      $(form, `#${id}`).focus();
      await sendKeys({ type: value });
    };
    await type('account', invoice!.accountNumber.toLowerCase());
    await type('invoice', invoice!.number);
    await type('amount', (invoice!.amountDue.amount / 100).toFixed(2).replace('.', ','));
    await sendKeys({ press: 'Enter' });
    await until(() => text(form, '.found').includes(invoice!.number), 'invoice found');
    // France: card, SEPA direct debit and PayPal, from the server's configuration.
    expect($$(form, '.method label').map((l) => l.textContent!.trim())).to.deep.equal([
      'New card',
      'New bank account (SEPA direct debit)',
      'PayPal',
    ]);
    await choose(form, /New card/);
    await typeCard(form, { postalCode: '75001' });
    await continueFromFrame(form);
    await pay(form);
    const receipt = text(form, '[part=receipt]');
    expect(receipt).to.contain(invoice!.number).and.to.contain('Visa •••• 4242');
    expect(receipt).to.match(/Confirmation number\s*[A-Z2-9]{12}/);
    expect($(form, '[part=receipt] a[href="/enrol"]').textContent).to.contain('Sign up');
    expect($$(form, '[part=receipt] button').map((b) => b.textContent!.trim())).to.include('Print receipt');
    await expectAccessible(form);
    expectNoCardData({ ...CARD, postalCode: '75001' });
  });

  it('a guest who finds an invoice with nothing left to pay is told so, and can go back', async () => {
    const page = await client('admin1', '/api/v1').call(listInvoices, {
      query: { status: 'paid', account: 'F3R902', pageSize: 1 },
    });
    const paid = page.items[0]!;
    const form = await fixture<UpsPayForm>(html`<ups-pay-form guest api-base="/api/v1"></ups-pay-form>`);
    await stepIs(form, '#account');
    ($$(form, 'input[name=by]')[1] as HTMLInputElement).click();
    await form.updateComplete;
    for (const [id, value] of [
      ['account', paid.accountNumber],
      ['invoice', paid.number],
      ['date', paid.invoiceDate],
    ] as const) {
      const input = $(form, `#${id}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    ($(form, 'button[type=submit]') as HTMLButtonElement).click();
    await until(() => text(form, '.notice').includes('nothing left to pay'), 'nothing due');
    expect(text(form, '.notice')).to.contain(paid.number);
    expect(form.shadowRoot!.querySelector('input[name=method]')).to.equal(null);
    ($$(form, 'button').find((b) => b.textContent!.trim() === 'Back') as HTMLButtonElement).click();
    await stepIs(form, '#account');
    expect(($(form, '#invoice') as HTMLInputElement).value, 'what was typed is kept').to.equal(paid.number);
  });

  it('a guest’s mismatch gets one uniform message; repeated failures get “try again in N seconds”, in French', async () => {
    const apiBase = await privateServer();
    const [invoice] = await outstanding('admin1', apiBase, 'F3R902');
    const form = await fixture<UpsPayForm>(html`<ups-pay-form guest api-base=${apiBase} locale="fr"></ups-pay-form>`);
    await stepIs(form, '#account');
    // French arrives as its own bundle; a payer reads the page in French before typing.
    await until(() => text(form, '.step-of').startsWith('Étape'), 'the French catalog');
    const attempt = async (account: string, number: string, amount: string) => {
      for (const [id, value] of [
        ['account', account],
        ['invoice', number],
        ['amount', amount],
      ] as const) {
        const input = $(form, `#${id}`) as HTMLInputElement;
        input.value = value;
        input.dispatchEvent(new Event('input'));
      }
      await form.updateComplete;
      ($(form, 'button[type=submit]') as HTMLButtonElement).click();
      await form.updateComplete;
      await until(
        () => !form.matches(':state(busy)') && $$(form, '.error-summary li').length > 0,
        () =>
          `an answer (${text(form, '.step-of')}, busy ${form.matches(':state(busy)')}, summary “${text(form, '.error-summary')}”)`,
      );
      return text(form, '.error-summary li');
    };
    const right = (invoice!.amountDue.amount / 100).toFixed(2);
    const wrongAmount = await attempt(invoice!.accountNumber, invoice!.number, '1.00');
    const wrongNumber = await attempt(invoice!.accountNumber, `${invoice!.number.slice(0, -1)}X`, right);
    const wrongAccount = await attempt('ZZZZZZ', invoice!.number, right);
    expect(wrongAmount).to.contain('Aucune facture ne correspond');
    expect(wrongNumber).to.equal(wrongAmount);
    expect(wrongAccount).to.equal(wrongAmount);
    // Five failures on one invoice (the server's per-invoice window): then even the right values wait.
    for (const amount of ['2.00', '3.00', '4.00']) await attempt(invoice!.accountNumber, invoice!.number, amount);
    const limited = await attempt(invoice!.accountNumber, invoice!.number, right);
    expect(limited).to.match(/^Trop de tentatives\. Réessayez dans \d+ secondes\.$/);
    expect(($(form, 'button[type=submit]') as HTMLButtonElement).disabled).to.equal(true);
  });
});
