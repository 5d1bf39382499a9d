import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../api/client.js';
import { isBillingApiError } from '../../api/errors.js';
import { createAutopayRule, getAutopayAgreement, listAutopayRules } from '../../api/endpoints/autopay.js';
import { createBankToken } from '../../api/endpoints/payment-methods.js';
import {
  addPaymentMethod,
  listPaymentMethods,
  removePaymentMethod,
  updatePaymentMethod,
} from '../../api/endpoints/wallet.js';
import type { WalletMethod } from '../../api/schemas/wallet.js';
import type { UpsBillingProvider } from '../../context/billing-provider.js';
import { expectAccessible, mount, privateServer, tokenFor, until } from '../../../test/browser/fixtures.js';
import { CARD, deepActive, expectNoCardData } from '../../../test/browser/pay-form-helpers.js';
import '../../ups-wallet.js';
import type { UpsWallet } from './wallet.js';

type El = UpsWallet;
const $ = (el: El, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: El, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const norm = (value: string) => value.replace(/\s+/g, ' ').trim();
const text = (node: Element | null | undefined) => norm(node?.textContent ?? '');
const active = (el: El) => el.shadowRoot!.activeElement;
/** The dialog, or a closed stand-in while the dialogs' module loads. */
const dialog = (el: El, id: 'add' | 'edit' | 'remove') =>
  ($(el, `dialog#${id}`) as HTMLDialogElement | null) ?? ({ open: false } as HTMLDialogElement);
const input = (el: El, selector: string) => $(el, selector) as HTMLInputElement;
/** The button reading `label` in a dialog, or in the element's shadow root. */
const button = (root: ParentNode, label: string) =>
  [...root.querySelectorAll('button')].find((b) => text(b) === label) as HTMLButtonElement;

const loaded = (el: El) =>
  until(
    () => !el.matches(':state(loading)') && Boolean($(el, '.methods:not(.loading)')) && !$(el, '[aria-busy=true]'),
    'wallet shown',
    10_000,
  );
const cards = (el: El) => $$(el, 'li.method');
const cardOf = (el: El, id: string) => $(el, `li.method[data-method="${id}"]`);
const rowOf = (el: El, id: string) => $(el, `tbody tr[data-method="${id}"]`);

const client = (user: string, apiBase = '/api/v1') =>
  new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor(user, apiBase) });
const walletOf = async (user: string, apiBase?: string) => (await client(user, apiBase).call(listPaymentMethods)).items;
const byNickname = (methods: WalletMethod[], nickname: string) => methods.find((m) => m.nickname === nickname)!;

const ROUTING = '011000015';
const IBAN = 'FR76 3000 6000 0112 3456 7890 189';

/** A bank account saved through the API, as another tab would. */
async function saveAch(user: string, apiBase: string, nickname: string): Promise<WalletMethod> {
  const api = client(user, apiBase);
  const { token } = await api.call(createBankToken, {
    body: { type: 'ach', holder: 'Priya Shah', routingNumber: ROUTING, accountNumber: '000987654321' },
  });
  return api.call(addPaymentMethod, { body: { token, nickname } });
}

async function press(target: HTMLElement, key = 'Enter'): Promise<void> {
  target.focus();
  await sendKeys({ press: key });
}

async function typeInto(el: El, selector: string, value: string): Promise<void> {
  const field = input(el, selector);
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
}

async function openAdd(el: El): Promise<HTMLDialogElement> {
  await press($(el, 'button.add'));
  await until(
    () => dialog(el, 'add').open && Boolean($(el, 'input[name=add-type]')),
    'add dialog with its types',
    10_000,
  );
  return dialog(el, 'add');
}

async function chooseType(el: El, type: string): Promise<void> {
  const radio = input(el, `input[name=add-type][value=${type}]`);
  radio.click();
  await el.updateComplete;
  expect(radio.checked).to.equal(true);
}

/** Submits the open dialog's form with Enter in its last text field, as a user does. */
async function submitWith(el: El, selector: string): Promise<void> {
  await press($(el, selector));
}

const summaryItems = (el: El) => $$(el, '.error-summary li').map(text);

describe('<ups-wallet>', () => {
  beforeEach(() => localStorage.removeItem('ups-billing-elements:wallet-view'));

  it('shows each method as a card, statuses in words, AutoPay use, and actions, accessibly', async () => {
    const el = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'admin1' });
    await loaded(el);
    await expectAccessible(el);
    const methods = await walletOf('admin1');
    expect(cards(el).map((c) => c.dataset['method'])).to.deep.equal(methods.map((m) => m.id));
    expect(text($(el, '.count'))).to.equal(`${methods.length} payment methods`);

    const visa = byNickname(methods, 'Company Visa');
    const visaCard = cardOf(el, visa.id);
    expect(text(visaCard.querySelector('h3 [aria-hidden=true]'))).to.equal('Visa •••• 4242');
    expect(text(visaCard.querySelector('.badges'))).to.equal('Default');
    expect(text(visaCard.querySelector('.autopay'))).to.equal('AutoPay: account Y67V08');
    expect(text(visaCard.querySelector('.expiry'))).to.equal(`Expires 12/${visa.expYear}`);

    const expired = byNickname(methods, 'Old Mastercard');
    expect(text(cardOf(el, expired.id).querySelector('.badges'))).to.equal('Expired');
    expect(text(cardOf(el, expired.id).querySelector('.hint'))).to.equal(
      'Update the expiry date to pay with this card again.',
    );
    // An expired card cannot become the default; its Edit leads.
    expect(cardOf(el, expired.id).querySelector('[data-default]')).to.equal(null);
    expect(text(cardOf(el, expired.id).querySelector('[data-edit]'))).to.equal(
      'Edit Old Mastercard (Mastercard ending 4444)',
    );

    const soon = methods.find((m) => m.expiresSoon)!;
    expect(text(cardOf(el, soon.id).querySelector('.badges'))).to.equal('Expires soon');
    expect(methods.some((m) => m.method.type === 'ach')).to.equal(true);
  });

  it('switches between grid and list with the keyboard, remembers the choice, and follows `view`', async () => {
    const el = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'admin1' });
    await loaded(el);
    const grid = input(el, 'input[name=view][value=grid]');
    expect(grid.checked).to.equal(true);
    await press(grid, 'ArrowRight');
    await el.updateComplete;
    expect(input(el, 'input[name=view][value=list]').checked).to.equal(true);
    expect(active(el)).to.equal($(el, 'input[name=view][value=list]'));
    expect(cards(el)).to.have.length(0);
    expect($$(el, 'thead th').map(text)).to.deep.equal(['Method', 'Holder', 'Expiry', 'Status', 'AutoPay', 'Actions']);
    const methods = await walletOf('admin1');
    expect($$(el, 'tbody tr').map((r) => r.dataset['method'])).to.deep.equal(methods.map((m) => m.id));
    const expired = byNickname(methods, 'Old Mastercard');
    expect(text(rowOf(el, expired.id).querySelector('.badges'))).to.equal('Expired');
    await expectAccessible(el);
    expect(localStorage.getItem('ups-billing-elements:wallet-view')).to.equal('list');

    // Remembered: the next wallet opens on the list.
    const again = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'admin1' });
    await loaded(again);
    expect($(again, 'table[part=table]')).to.not.equal(null);

    // The host's `view` wins over the remembered choice, and a change of it applies; the user's choice still does.
    const pinned = await mount<El>(html`<ups-wallet view="grid"></ups-wallet>`, { user: 'admin1' });
    await loaded(pinned);
    expect(cards(pinned).length).to.equal(methods.length);
    pinned.view = 'list';
    await pinned.updateComplete;
    expect($(pinned, 'table')).to.not.equal(null);
    input(pinned, 'input[name=view][value=grid]').click();
    await pinned.updateComplete;
    expect(cards(pinned).length).to.equal(methods.length);
    expect(localStorage.getItem('ups-billing-elements:wallet-view')).to.equal('grid');
  });

  it('is read-only for a viewer: no add, edit or remove, and says why', async () => {
    const el = await mount<El>(html`<ups-wallet view="list"></ups-wallet>`, { user: 'viewer1' });
    await loaded(el);
    await expectAccessible(el);
    expect($(el, 'button.add')).to.equal(null);
    expect($$(el, '[data-edit], [data-remove], [data-default]')).to.have.length(0);
    expect(text($(el, '.toolbar + .hint'))).to.equal('Your role lets you see payment methods, not change them.');
    expect(text($(el, '.empty'))).to.equal('No saved payment methods yet.');
  });

  it('adds a card through the isolated frame, with a nickname, as the default; the page never holds the card', async () => {
    const apiBase = await privateServer();
    const el = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'payer1', apiBase });
    await loaded(el);
    const add = await openAdd(el);
    expect(text(add.querySelector('h3'))).to.equal('Add a payment method');
    expect([...add.querySelectorAll('input[name=add-type]')].map((r) => text(r.parentElement))).to.deep.equal([
      'Credit or debit card',
      'Bank account (ACH)',
      'PayPal',
    ]);
    await until(() => el.matches(':state(card-ready)'), 'card frame ready', 15_000);
    await expectAccessible(el);

    // Tab from the chosen type into the frame, then field to field: the only way into another origin.
    input(el, 'input[name=add-type]:checked').focus();
    await sendKeys({ press: 'Tab' });
    await until(
      () => deepActive()?.localName === 'iframe',
      () => `focus in the card frame, not ${deepActive()?.localName}`,
    );
    for (const [index, field] of (['holder', 'number', 'expiry', 'cvc', 'postalCode'] as const).entries()) {
      if (index) await sendKeys({ press: 'Tab' });
      await sendKeys({ type: CARD[field] });
    }
    await typeInto(el, '#nickname', 'Office Visa');
    input(el, '#make-default').click();
    const change = oneEvent(el, 'ups-wallet-change');
    await submitWith(el, '#nickname');
    const { detail } = await change;
    expect(detail.action).to.equal('add');
    expect(detail.method.nickname).to.equal('Office Visa');
    expect(detail.method.isDefault).to.equal(true);
    expect(detail.method.method).to.deep.equal({ type: 'card', brand: 'visa', last4: '4242' });
    await until(() => !add.open, 'add dialog closed');
    await until(() => active(el) === $(el, 'button.add'), 'focus back on Add');
    expect(text($(el, '.wallet > [role=status]'))).to.equal('Office Visa (Visa ending 4242) added.');
    await loaded(el);
    const methods = await walletOf('payer1', apiBase);
    expect(methods[0]!.id).to.equal(detail.method.id);
    expect(methods.filter((m) => m.isDefault).map((m) => m.id)).to.deep.equal([detail.method.id]);
    expect(cards(el)[0]!.dataset['method']).to.equal(detail.method.id);
    expect(text(cards(el)[0]!.querySelector('.badges'))).to.equal('Default');
    expectNoCardData();
  });

  it('shows the card frame’s own checks in the summary, whose links lead into the frame', async () => {
    const el = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'payer1' });
    await loaded(el);
    const add = await openAdd(el);
    await until(() => el.matches(':state(card-ready)'), 'card frame ready', 15_000);
    button(add, 'Add method').click();
    await until(() => summaryItems(el).length > 0, 'the frame’s errors in the summary', 10_000);
    expect(summaryItems(el)).to.deep.equal([
      'Name on card: Enter this value.',
      'Card number: Enter this value.',
      'Expiry: Enter this value.',
      'Security code: Enter this value.',
      'Postal code: Enter this value.',
    ]);
    expect(active(el)?.matches('.error-summary')).to.equal(true);
    await expectAccessible(el);
    ($$(el, '.error-summary a')[1] as HTMLAnchorElement).click();
    await until(() => deepActive()?.localName === 'iframe', 'focus in the frame');
  });

  it('adds a US bank account after checking its numbers, then links PayPal', async () => {
    const apiBase = await privateServer();
    const el = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'payer1', apiBase });
    await loaded(el);
    await openAdd(el);
    await chooseType(el, 'ach');
    await typeInto(el, '#routing', '123456789');
    await submitWith(el, '#routing');
    await until(() => active(el)?.matches('.error-summary') ?? false, 'the summary takes focus');
    expect(summaryItems(el)).to.deep.equal([
      'Account holder: Enter a value.',
      'Routing number (9 digits): Enter a valid 9-digit routing number.',
      'Account number: Enter the account number: 4 to 17 digits.',
    ]);
    expect(input(el, '#routing').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, '#routing').getAttribute('aria-describedby')).to.equal('routing-error');
    await expectAccessible(el);
    // The summary's links lead to their fields.
    ($$(el, '.error-summary a')[1] as HTMLAnchorElement).click();
    expect(active(el)).to.equal($(el, '#routing'));
    expect(await walletOf('payer1', apiBase)).to.have.length(1);

    await typeInto(el, '#holder', 'Priya Shah');
    await typeInto(el, '#routing', ROUTING);
    await typeInto(el, '#account-number', '000123456789');
    let change = oneEvent(el, 'ups-wallet-change');
    await submitWith(el, '#account-number');
    const ach = (await change).detail.method;
    expect(ach.method).to.deep.equal({ type: 'ach', brand: null, last4: '6789' });
    expect(ach.isDefault).to.equal(false);

    await until(() => !dialog(el, 'add').open, 'add dialog closed');
    await openAdd(el);
    await chooseType(el, 'paypal');
    expect(text($(el, 'dialog#add .hint'))).to.contain('UPS never sees your PayPal password');
    change = oneEvent(el, 'ups-wallet-change');
    button(dialog(el, 'add'), 'Add method').click();
    expect((await change).detail.method.method.type).to.equal('paypal');
    await loaded(el);
    const types = (await walletOf('payer1', apiBase)).map((m) => m.method.type);
    expect(types).to.deep.equal(['card', 'ach', 'paypal']);
    await until(() => cards(el).length === 3, 'three cards');
  });

  it('adds a SEPA account with its mandate when the country is in Europe, in French', async () => {
    const apiBase = await privateServer();
    const el = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'payer1', apiBase, locale: 'fr' });
    const provider = el.parentElement as UpsBillingProvider;
    provider.country = 'FR';
    await loaded(el);
    await until(() => text($(el, 'h2')) === 'Moyens de paiement', 'French');
    await openAdd(el);
    const types = () => $$(el, 'input[name=add-type]').map((r) => text(r.parentElement));
    // The dialogs' French arrives with them.
    await until(
      () => types()[0] === 'Carte de crédit ou de débit',
      () => `types: ${types().join(', ')}`,
    );
    expect(types()).to.deep.equal(['Carte de crédit ou de débit', 'Compte bancaire (prélèvement SEPA)', 'PayPal']);
    await chooseType(el, 'sepa');
    expect(text($(el, '.mandate h4'))).to.match(/^Mandat de prélèvement SEPA \(.+\)$/);
    expect(text($(el, '.mandate p'))).to.contain('vous autorisez UPS');
    await typeInto(el, '#holder', 'Priya Shah');
    await typeInto(el, '#iban', IBAN);
    await submitWith(el, '#iban');
    await until(() => summaryItems(el).length > 0, 'summary');
    expect(summaryItems(el)).to.deep.equal(['Acceptez le mandat pour ajouter un compte de prélèvement SEPA.']);
    expect(text($(el, '#mandate-error'))).to.equal('Acceptez le mandat pour ajouter un compte de prélèvement SEPA.');
    await expectAccessible(el);
    input(el, '#mandate').click();
    const change = oneEvent(el, 'ups-wallet-change');
    await submitWith(el, '#iban');
    expect((await change).detail.method.method).to.deep.equal({ type: 'sepa', brand: null, last4: '0189' });
    await until(
      () => text($(el, '.wallet > [role=status]')) === 'Compte SEPA se terminant par 0189 ajouté.',
      'announced',
    );
  });

  it('renames a method and makes another the default', async () => {
    const apiBase = await privateServer();
    const ach = await saveAch('payer1', apiBase, 'Payroll');
    const el = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'payer1', apiBase });
    await loaded(el);
    const [card] = await walletOf('payer1', apiBase);
    const edit = $(el, `[data-edit="${ach.id}"]`);
    await press(edit);
    await until(() => dialog(el, 'edit').open, 'edit open');
    expect(text($(el, '#edit-title'))).to.equal('Edit Payroll (Bank account ending 4321)');
    expect(active(el)).to.equal($(el, '#nickname'));
    await typeInto(el, '#nickname', 'Supplies account');
    let change = oneEvent(el, 'ups-wallet-change');
    await submitWith(el, '#nickname');
    let { detail } = await change;
    expect(detail).to.deep.include({ action: 'update' });
    expect(detail.method.nickname).to.equal('Supplies account');
    await until(() => active(el) === edit, 'focus back on Edit');
    await loaded(el);
    expect(text(cardOf(el, ach.id).querySelector('h3'))).to.match(/^Supplies account \(/);

    change = oneEvent(el, 'ups-wallet-change');
    await press($(el, `[data-default="${ach.id}"]`));
    ({ detail } = await change);
    expect(detail.method.isDefault).to.equal(true);
    await loaded(el);
    await until(() => active(el) === $(el, `[data-edit="${ach.id}"]`), 'focus on its Edit');
    expect(text($(el, '.wallet > [role=status]'))).to.equal(
      'Supplies account (Bank account ending 4321) is now your default method.',
    );
    const methods = await walletOf('payer1', apiBase);
    expect(methods.map((m) => [m.id, m.isDefault])).to.deep.equal([
      [ach.id, true],
      [card!.id, false],
    ]);
    expect(cards(el)[0]!.dataset['method']).to.equal(ach.id);
  });

  describe('an expired card', () => {
    let apiBase: string;
    let expired: WalletMethod;
    before(async () => {
      apiBase = await privateServer();
      expired = byNickname(await walletOf('admin1', apiBase), 'Old Mastercard');
      expect(expired.expired).to.equal(true);
    });

    it('opens its expiry from Edit on its card; a date in the past is refused and nothing changes', async () => {
      const el = await mount<El>(html`<ups-wallet view="grid"></ups-wallet>`, { user: 'admin1', apiBase });
      await loaded(el);
      const edit = cardOf(el, expired.id).querySelector<HTMLElement>('[data-edit]')!;
      await press(edit);
      await until(() => dialog(el, 'edit').open, 'edit open');
      // The month has the focus: the expiry is what an expired card needs.
      expect(active(el)).to.equal($(el, '#exp-month'));
      expect(input(el, '#exp-month').value).to.equal(String(expired.expMonth).padStart(2, '0'));
      expect(input(el, '#holder').value).to.equal('Alice Martin');

      await typeInto(el, '#exp-month', '13');
      await submitWith(el, '#exp-month');
      await until(() => summaryItems(el).length > 0, 'client-side check');
      expect(summaryItems(el)).to.deep.equal(['Expiry date: Enter the month as a number from 1 to 12.']);

      await typeInto(el, '#exp-month', '01');
      await typeInto(el, '#exp-year', '2021');
      await submitWith(el, '#exp-year');
      await until(
        () =>
          summaryItems(el)[0] === 'Expiry date: This date is in the past. Enter the expiry date printed on the card.',
        () => `summary says ${summaryItems(el).join(' | ')}`,
        10_000,
      );
      expect(text($(el, '#expiry-error'))).to.equal(
        'This date is in the past. Enter the expiry date printed on the card.',
      );
      expect(input(el, '#exp-year').getAttribute('aria-invalid')).to.equal('true');
      expect(input(el, '#exp-year').getAttribute('aria-describedby')).to.equal('expiry-error');
      expect(active(el)?.matches('.error-summary')).to.equal(true);
      await expectAccessible(el);
      const after = (await walletOf('admin1', apiBase)).find((m) => m.id === expired.id)!;
      expect([after.expMonth, after.expYear, after.expired]).to.deep.equal([expired.expMonth, expired.expYear, true]);

      await sendKeys({ press: 'Escape' });
      await until(() => !dialog(el, 'edit').open, 'edit closed');
      await until(() => active(el) === edit, 'focus back on Edit');
    });

    it('is corrected from the Actions column of the list, and its AutoPay rule resumes', async () => {
      const el = await mount<El>(html`<ups-wallet view="list"></ups-wallet>`, { user: 'admin1', apiBase });
      await loaded(el);
      const edit = rowOf(el, expired.id).querySelector<HTMLElement>('[data-edit]')!;
      expect(edit.closest('td')).to.equal(rowOf(el, expired.id).lastElementChild);
      await press(edit);
      await until(() => dialog(el, 'edit').open, 'edit open');
      const year = new Date().getUTCFullYear() + 2;
      await typeInto(el, '#exp-month', '11');
      await typeInto(el, '#exp-year', String(year));
      const change = oneEvent(el, 'ups-wallet-change');
      await submitWith(el, '#exp-year');
      const { detail } = await change;
      expect([detail.method.expMonth, detail.method.expYear, detail.method.expired]).to.deep.equal([11, year, false]);
      await loaded(el);
      expect(text(rowOf(el, expired.id).querySelector('.badges'))).to.equal('');
      expect(text(rowOf(el, expired.id).children[2])).to.equal(`11/${year}`);
      const rules = await client('admin1', apiBase).call(listAutopayRules);
      const seattle = rules.items.find((r) => r.scope.number === 'K2M8Q5')!;
      expect([seattle.status, seattle.methodId]).to.deep.equal(['active', expired.id]);
    });
  });

  it('checks a card’s holder and billing address before sending, then saves them', async () => {
    const apiBase = await privateServer();
    const visa = byNickname(await walletOf('admin1', apiBase), 'Company Visa');
    const el = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'admin1', apiBase });
    await loaded(el);
    await press($(el, `[data-edit="${visa.id}"]`));
    await until(() => dialog(el, 'edit').open, 'edit open');
    await typeInto(el, '#holder', '');
    await typeInto(el, '#line1', '10 rue de Rivoli');
    await typeInto(el, '#city', '');
    await submitWith(el, '#line1');
    await until(() => summaryItems(el).length > 0, 'summary');
    expect(summaryItems(el)).to.deep.equal([
      'Name on card: Enter a value.',
      'City: Enter the address, city, postal code and country — or leave them all empty.',
    ]);
    expect(input(el, '#city').getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);

    await typeInto(el, '#holder', 'Alice B. Martin');
    await typeInto(el, '#city', 'Paris');
    await typeInto(el, '#postal-code', '75004');
    const country = $(el, '#country') as HTMLSelectElement;
    country.value = 'FR';
    country.dispatchEvent(new Event('change'));
    const change = oneEvent(el, 'ups-wallet-change');
    await submitWith(el, '#postal-code');
    const { detail } = await change;
    expect(detail.method.holder).to.equal('Alice B. Martin');
    expect(detail.method.billingAddress).to.deep.equal({
      line1: '10 rue de Rivoli',
      city: 'Paris',
      postalCode: '75004',
      country: 'FR',
    });
    const saved = (await walletOf('admin1', apiBase)).find((m) => m.id === visa.id)!;
    expect(saved.billingAddress?.city).to.equal('Paris');
    expect([saved.expMonth, saved.expYear, saved.nickname]).to.deep.equal([visa.expMonth, visa.expYear, visa.nickname]);
  });

  it('a bank account’s numbers cannot be edited: the form says so, and offers to remove it and add it again', async () => {
    const apiBase = await privateServer();
    const ach = (await walletOf('admin1', apiBase)).find((m) => m.method.type === 'ach')!;
    // The server refuses a changed number whatever the page does.
    const refused = await client('admin1', apiBase)
      .call(updatePaymentMethod, { params: { id: ach.id }, body: { accountNumber: '000111222333' } })
      .catch((error: unknown) => error);
    expect(isBillingApiError(refused) && [refused.status, refused.code]).to.deep.equal([
      422,
      'bank_details_not_editable',
    ]);

    const el = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'admin1', apiBase });
    await loaded(el);
    await press($(el, `[data-edit="${ach.id}"]`));
    await until(() => dialog(el, 'edit').open, 'edit open');
    const number = input(el, '#bank-number');
    expect(number.readOnly).to.equal(true);
    expect(number.value).to.equal('•••• 6789');
    expect(number.getAttribute('aria-describedby')).to.contain('bank-note');
    expect(text($(el, '#bank-note'))).to.equal(
      'Bank account numbers cannot be changed. To pay from another account, remove this one and add the new account.',
    );
    expect($(el, '#exp-month')).to.equal(null);
    await expectAccessible(el);

    await press($(el, '[data-remove-add]'));
    await until(() => dialog(el, 'remove').open && !dialog(el, 'edit').open, 'remove open instead');
    expect(text($(el, '#remove-title'))).to.equal('Remove Operating account (Bank account ending 6789)?');
    const change = oneEvent(el, 'ups-wallet-change');
    button(dialog(el, 'remove'), 'Remove method').click();
    expect((await change).detail).to.deep.include({ action: 'remove' });
    // Then the add form, on a bank account, to enter the new numbers.
    await until(() => dialog(el, 'add').open && Boolean($(el, 'input[name=add-type]')), 'add open', 10_000);
    expect(input(el, 'input[name=add-type][value=ach]').checked).to.equal(true);
    expect($(el, '#routing')).to.not.equal(null);
    expect((await walletOf('admin1', apiBase)).some((m) => m.id === ach.id)).to.equal(false);
  });

  it('removes a method after a confirmation, where Keep has the focus', async () => {
    const apiBase = await privateServer();
    const ach = await saveAch('payer1', apiBase, 'Old account');
    const el = await mount<El>(html`<ups-wallet view="list"></ups-wallet>`, { user: 'payer1', apiBase });
    await loaded(el);
    await press($(el, `[data-remove="${ach.id}"]`));
    const remove = dialog(el, 'remove');
    await until(() => remove.open, 'confirmation open');
    expect(text(remove.querySelector('h3'))).to.equal('Remove Old account (Bank account ending 4321)?');
    expect(text(active(el))).to.equal('Keep method');
    await expectAccessible(el);
    await sendKeys({ press: 'Tab' });
    expect(text(active(el))).to.equal('Remove method');
    const change = oneEvent(el, 'ups-wallet-change');
    await sendKeys({ press: 'Enter' });
    const { detail } = await change;
    expect([detail.action, detail.method.id]).to.deep.equal(['remove', ach.id]);
    await until(() => !remove.open, 'closed');
    await loaded(el);
    expect(rowOf(el, ach.id)).to.equal(null);
    // Its row is gone: Add takes the focus.
    await until(() => active(el) === $(el, 'button.add'), 'focus on Add');
    expect(text($(el, '.wallet > [role=status]'))).to.equal('Old account (Bank account ending 4321) removed.');
    expect((await walletOf('payer1', apiBase)).map((m) => m.id)).to.not.include(ach.id);
  });

  it('removing a method AutoPay uses asks what each rule does, and sends nothing until each has an answer', async () => {
    const apiBase = await privateServer();
    const admin = client('admin1', apiBase);
    const methods = await walletOf('admin1', apiBase);
    const visa = byNickname(methods, 'Company Visa');
    const ach = methods.find((m) => m.method.type === 'ach')!;
    const { version } = await admin.call(getAutopayAgreement);
    const created = await admin.call(createAutopayRule, {
      body: {
        scope: { type: 'account', number: '4R7X21' },
        methodId: visa.id,
        amount: { type: 'total_due' },
        schedule: { type: 'days_before_due', days: 2 },
        effectiveUntil: null,
        agreementVersion: version,
      },
    });
    const el = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'admin1', apiBase });
    await loaded(el);
    expect(text(cardOf(el, visa.id).querySelector('.autopay'))).to.equal('AutoPay: account 4R7X21, account Y67V08');
    await press($(el, `[data-remove="${visa.id}"]`));
    const remove = dialog(el, 'remove');
    await until(() => remove.open, 'confirmation open');
    const rules = [...remove.querySelectorAll('fieldset.rule')] as HTMLElement[];
    expect(rules.map((r) => text(r.querySelector('legend')))).to.deep.equal([
      'AutoPay for account 4R7X21',
      'AutoPay for account Y67V08',
    ]);
    // The other methods that can still pay, and suspension; never the expired card.
    const options = [...rules[0]!.querySelectorAll('label')].map(text);
    expect(options).to.include('Pay with Operating account (Bank account ending 6789)');
    expect(options.at(-1)).to.equal('Suspend this AutoPay rule');
    expect(options.some((o) => o.includes('Old Mastercard'))).to.equal(false);

    button(remove, 'Remove method').click();
    await until(() => summaryItems(el).length === 2, 'a message per rule');
    expect(summaryItems(el)[0]).to.equal(
      'AutoPay for account 4R7X21: Choose another method for this rule, or suspend it.',
    );
    expect(rules[0]!.getAttribute('aria-describedby')).to.equal(`${rules[0]!.id}-error`);
    await expectAccessible(el);
    expect((await walletOf('admin1', apiBase)).some((m) => m.id === visa.id)).to.equal(true);

    (rules[0]!.querySelector(`input[value="${ach.id}"]`) as HTMLInputElement).click();
    (rules[1]!.querySelector('input[value=suspend]') as HTMLInputElement).click();
    const change = oneEvent(el, 'ups-wallet-change');
    button(remove, 'Remove method').click();
    expect((await change).detail.method.id).to.equal(visa.id);
    const after = (await admin.call(listAutopayRules)).items;
    const atlanta = after.find((r) => r.id === created.id)!;
    const newark = after.find((r) => r.scope.number === 'Y67V08')!;
    expect([atlanta.status, atlanta.methodId]).to.deep.equal(['active', ach.id]);
    expect([newark.status, newark.suspendedReason, newark.methodId]).to.deep.equal([
      'suspended',
      'method_removed',
      null,
    ]);
  });

  it('a rule that starts using the method meanwhile is asked about before the removal goes through', async () => {
    const apiBase = await privateServer();
    const admin = client('admin1', apiBase);
    const amex = (await walletOf('admin1', apiBase)).find((m) => m.method.brand === 'amex')!;
    expect(amex.usedBy).to.deep.equal([]);
    const el = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'admin1', apiBase });
    await loaded(el);
    await press($(el, `[data-remove="${amex.id}"]`));
    const remove = dialog(el, 'remove');
    await until(() => remove.open, 'confirmation open');
    expect(remove.querySelector('fieldset.rule')).to.equal(null);
    const { version } = await admin.call(getAutopayAgreement);
    await admin.call(createAutopayRule, {
      body: {
        scope: { type: 'account', number: 'W9E530' },
        methodId: amex.id,
        amount: { type: 'total_due' },
        schedule: { type: 'weekly', weekday: 1 },
        effectiveUntil: null,
        agreementVersion: version,
      },
    });
    button(remove, 'Remove method').click();
    await until(() => Boolean(remove.querySelector('fieldset.rule')), 'the new rule asked about', 10_000);
    expect(summaryItems(el)[0]).to.equal(
      'AutoPay rules changed meanwhile: check what each one does, then remove again.',
    );
    expect(text(remove.querySelector('fieldset.rule legend'))).to.equal('AutoPay for account W9E530');
    expect((await walletOf('admin1', apiBase)).some((m) => m.id === amex.id)).to.equal(true);
    (remove.querySelector('fieldset.rule input[value=suspend]') as HTMLInputElement).click();
    const change = oneEvent(el, 'ups-wallet-change');
    button(remove, 'Remove method').click();
    expect((await change).detail.action).to.equal('remove');
  });

  it('says a method removed elsewhere no longer exists, and shows the list as it is', async () => {
    const apiBase = await privateServer();
    const ach = await saveAch('payer1', apiBase, 'Shared account');
    const el = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'payer1', apiBase, locale: 'fr' });
    await loaded(el);
    await client('payer1', apiBase).call(removePaymentMethod, { params: { id: ach.id }, body: {} });
    await press($(el, `[data-remove="${ach.id}"]`));
    await until(
      () => dialog(el, 'remove').open && Boolean(button(dialog(el, 'remove'), 'Supprimer')),
      'French confirmation',
    );
    button(dialog(el, 'remove'), 'Supprimer').click();
    await until(() => text($(el, '.alert')) !== '', 'alert', 10_000);
    expect(text($(el, '.alert'))).to.equal('Ce moyen de paiement n’existe plus. La liste a été actualisée.');
    expect($(el, '.alert').getAttribute('role')).to.equal('alert');
    expect(dialog(el, 'remove').open).to.equal(false);
    await until(() => !cardOf(el, ach.id), 'gone from the list', 10_000);
    await until(() => active(el) === $(el, 'button.add'), 'focus on Add');
  });

  it('speaks French: title, statuses, columns and dialogs', async () => {
    const el = await mount<El>(html`<ups-wallet view="list"></ups-wallet>`, { user: 'admin1', locale: 'fr' });
    await loaded(el);
    await until(() => text($(el, 'h2')) === 'Moyens de paiement', 'French');
    const methods = await walletOf('admin1');
    expect($$(el, 'thead th').map(text)).to.deep.equal([
      'Moyen de paiement',
      'Titulaire',
      'Expiration',
      'Statut',
      'Paiement automatique',
      'Actions',
    ]);
    expect(text(rowOf(el, byNickname(methods, 'Old Mastercard').id).querySelector('.badges'))).to.equal('Expirée');
    expect(text(rowOf(el, byNickname(methods, 'Company Visa').id).querySelector('.badges'))).to.equal('Par défaut');
    expect(text(rowOf(el, methods.find((m) => m.expiresSoon)!.id).querySelector('.badges'))).to.equal('Expire bientôt');
    expect(text($(el, '.count'))).to.equal(`${methods.length} moyens de paiement`);
    await expectAccessible(el);
    await press($(el, `[data-edit="${byNickname(methods, 'Company Visa').id}"]`));
    await until(() => dialog(el, 'edit').open, 'edit open');
    expect(text($(el, '#edit-title'))).to.equal('Modifier Company Visa (Visa se terminant par 4242)');
    expect(text($(el, '#expiry legend'))).to.equal('Date d’expiration');
    expect(input(el, '#line1').value).to.equal('1200 Peachtree St NE');
    expect((input(el, '#country') as unknown as HTMLSelectElement).selectedOptions[0]!.textContent!.trim()).to.equal(
      'États-Unis',
    );
    await expectAccessible(el);
  });

  it('shows loading, then an error with retry', async () => {
    let fail = true;
    const flaky = (async (request: RequestInfo | URL, init?: RequestInit) => {
      const req = new Request(request, init);
      if (new URL(req.url).pathname.endsWith('/payment-methods')) {
        await new Promise((r) => setTimeout(r, 300));
        if (fail) return new Response('', { status: 503 });
      }
      return fetch(req);
    }) as typeof fetch;
    const el = await mount<El>(html`<ups-wallet></ups-wallet>`, { user: 'payer1', fetch: flaky });
    await until(() => text($(el, '[aria-busy=true] [role=status]')) === 'Loading payment methods…', 'loading');
    await until(() => el.matches(':state(loading)'), ':state(loading)');
    await until(() => Boolean($(el, '.notice.error')), 'error', 15_000);
    expect(text($(el, '.notice.error p'))).to.contain('The payment methods could not be loaded.');
    await expectAccessible(el);
    fail = false;
    button(el.shadowRoot!, 'Try again').click();
    await loaded(el);
    expect(cards(el)).to.have.length(1);
  });
});
