import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../api/client.js';
import { listInvoices } from '../../api/endpoints/invoices.js';
import { getSession } from '../../api/endpoints/session.js';
import { printedInvoices, UNENROLLED_ACCOUNTS, type PrintedInvoice } from '../../../server/db/seed-unenrolled.js';
import { expectAccessible, mount, privateServer, tokenFor, until } from '../../../test/browser/fixtures.js';
import '../../ups-enrollment.js';
import type { UpsEnrollmentCompleteEvent } from '../../events/enrollment.js';
import type { UpsEnrollment } from './enrollment.js';

const $ = (el: UpsEnrollment, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (el: UpsEnrollment, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** A sign-in field, which lives in the element's light DOM. */
const light = (el: UpsEnrollment, name: string) =>
  el.querySelector<HTMLInputElement>(`.ups-enrollment-credentials input[id$="-${name}"]`);

/** The element inside the shadow roots that has focus. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The printed values of a seeded account's invoice of that age (the server seeded them for today). */
function invoiceOf(account: string, age: number): PrintedInvoice {
  const seed = UNENROLLED_ACCOUNTS.find((a) => a.number === account)!;
  return printedInvoices(seed, new Date().toISOString().slice(0, 10)).find((i) => i.ageDays === age)!;
}

const stepIs = (el: UpsEnrollment, step: number) =>
  until(
    () => text(el, '.step-of').startsWith(`Step ${step} `) || text(el, '.step-of').startsWith(`Étape ${step} `),
    () => `step ${step} (on “${text(el, '.step-title')}”, summary “${text(el, '.error-summary')}”)`,
    10_000,
  );

/** Sets a field as typing would, without the keyboard (the keyboard test types for real). */
async function fill(el: UpsEnrollment, id: string, value: string): Promise<void> {
  const input = (light(el, id) ?? $(el, `#${id}`)) as HTMLInputElement | HTMLSelectElement;
  input.value = value;
  input.dispatchEvent(new Event(input.localName === 'select' ? 'change' : 'input'));
  await el.updateComplete;
}

/** Submits the step on screen and waits for the element to settle. */
async function submit(el: UpsEnrollment): Promise<void> {
  const form = el.querySelector<HTMLFormElement>('.ups-enrollment-credentials form') ?? $(el, 'form.step');
  (form as HTMLFormElement).requestSubmit();
  await el.updateComplete;
  await until(() => !el.matches(':state(busy)'), 'an answer');
  await el.updateComplete;
}

/** The first step: "I have a recent invoice" is the default choice. */
async function startInvoicePath(el: UpsEnrollment): Promise<void> {
  await stepIs(el, 1);
  await submit(el);
  await stepIs(el, 2);
}

async function toInvoiceStep(el: UpsEnrollment, country: string, account: string): Promise<void> {
  await startInvoicePath(el);
  await fill(el, 'country', country);
  await submit(el);
  await stepIs(el, 3);
  await fill(el, 'account', account);
  await submit(el);
  await stepIs(el, 4);
}

async function proveInvoice(el: UpsEnrollment, invoice: PrintedInvoice, amount = invoice.amount): Promise<void> {
  await fill(el, 'invoice-number', invoice.number);
  if (invoice.controlId) await fill(el, 'control-id', invoice.controlId);
  await fill(el, 'invoice-date', invoice.invoiceDate);
  await fill(el, 'amount', amount);
  await submit(el);
}

describe('<ups-enrollment>', () => {
  it('enrols a company by keyboard with a 45-day-old invoice; the event’s session works; axe on every step', async () => {
    const apiBase = await privateServer();
    const invoice = invoiceOf('H4B7R3', 45);
    // A public sign-up page: no provider.
    const el = await fixture<UpsEnrollment>(
      html`<ups-enrollment api-base=${apiBase} open-account-href="https://www.ups.com/open-account"></ups-enrollment>`,
    );
    await stepIs(el, 1);
    await expectAccessible(el);
    expect(text(el, '.step-title')).to.equal('Step 1 of 6 How to sign up');
    const invoicePath = $(el, 'input[name=path][value=invoice]') as HTMLInputElement;
    expect(invoicePath.checked, 'the invoice path is the default').to.equal(true);
    // The radio group is one Tab stop; Tab again reaches Continue.
    invoicePath.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent?.trim()).to.equal('Continue');
    await sendKeys({ press: 'Enter' });
    await stepIs(el, 2);
    expect(text(el, '.step-title')).to.equal('Step 2 of 6 Country');
    expect($(el, '.no-account a')!.getAttribute('href')).to.equal('https://www.ups.com/open-account');

    $(el, '#country')!.focus();
    await sendKeys({ type: 'United States' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent?.trim(), 'Back, then Continue').to.equal('Back');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent?.trim()).to.equal('Continue');
    await sendKeys({ press: 'Enter' });
    await stepIs(el, 3);
    await el.updateComplete;
    expect(deepActive(), 'focus on the new step’s heading').to.equal($(el, '.step-title'));
    await expectAccessible(el);

    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#account'));
    await sendKeys({ type: invoice.accountNumber.toLowerCase() });
    await sendKeys({ press: 'Enter' });
    await stepIs(el, 4);
    expect($(el, '#control-id'), 'no control ID in the US').to.equal(null);
    await expectAccessible(el);

    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#invoice-number'));
    await sendKeys({ type: invoice.number.toLowerCase() });
    $(el, '#invoice-date')!.focus();
    const [y, m, d] = invoice.invoiceDate.split('-');
    await sendKeys({ type: `${m}${d}${y}` });
    expect(($(el, '#invoice-date') as HTMLInputElement).value).to.equal(invoice.invoiceDate);
    $(el, '#amount')!.focus();
    await sendKeys({ type: invoice.amount });
    await sendKeys({ press: 'Enter' });
    await stepIs(el, 5);
    expect(text(el, '.found')).to.contain('Harbor Supply — Charleston');

    // Password managers: the sign-in fields are in the document's light DOM, with autocomplete tokens.
    expect(el.shadowRoot!.querySelector('input[type=password], input[autocomplete=username]')).to.equal(null);
    const tokens = [...el.querySelectorAll<HTMLInputElement>('.ups-enrollment-credentials form input')].map(
      (input) => `${input.getAttribute('autocomplete')}:${input.type}`,
    );
    expect(tokens).to.deep.equal([
      'organization:text',
      'name:text',
      'email:email',
      'username:text',
      'new-password:password',
      'new-password:password',
    ]);
    expect(light(el, 'company')!.value, 'the account’s name offered').to.equal('Harbor Supply — Charleston');
    await expectAccessible(el);

    const userId = `harbor-${Date.now() % 100_000}`;
    const password = 'salt marsh at low tide';
    for (const [field, value] of [
      ['name', 'Frances Founder'],
      ['email', 'frances@harbor.example'],
      ['user-id', userId],
      ['password', password],
      ['confirm', password],
    ] as const) {
      light(el, field)!.focus();
      await sendKeys({ type: value });
    }
    const complete = oneEvent(el, 'ups-enrollment-complete') as Promise<UpsEnrollmentCompleteEvent>;
    await sendKeys({ press: 'Enter' });
    const { detail } = await complete;
    expect(detail.user.userId).to.equal(userId);
    expect(detail.user.role).to.equal('administrator');
    expect(detail.path).to.equal('invoice');
    expect(detail.company!.name).to.equal('Harbor Supply — Charleston');
    await stepIs(el, 6);
    expect(text(el, '.done')).to.contain(userId).and.to.contain('H4B7R3');
    await expectAccessible(el);

    // The session the host receives works at once.
    const session = await new BillingClient({ baseUrl: apiBase, getToken: () => detail.token }).call(getSession);
    expect(session.user.userId).to.equal(userId);
    expect(session.company!.id).to.equal(detail.company!.id);
    expect(el.querySelector('input[type=password]'), 'no password left in the page').to.equal(null);
  });

  it('refuses a 7-character account number, a 46-day-old invoice and a decorated amount, each beside its field', async () => {
    const apiBase = await privateServer();
    const el = await fixture<UpsEnrollment>(html`<ups-enrollment api-base=${apiBase}></ups-enrollment>`);
    await startInvoicePath(el);
    await submit(el);
    expect(text(el, '.error-summary li')).to.equal('Country of the account: Choose the country of the account.');

    await fill(el, 'country', 'US');
    await submit(el);
    await stepIs(el, 3);
    await fill(el, 'account', 'H4B7R22');
    await submit(el);
    expect(text(el, '#account-error')).to.contain('6 letters or digits');
    expect($(el, '#account')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#account')!.getAttribute('aria-describedby')).to.contain('account-error');
    expect(deepActive(), 'the summary takes focus').to.equal($(el, '.error-summary'));
    await expectAccessible(el);
    ($(el, '.error-summary a') as HTMLAnchorElement).click();
    expect(deepActive(), 'the summary links to the field').to.equal($(el, '#account'));

    await fill(el, 'account', 'H4B7R2');
    await submit(el);
    await stepIs(el, 4);
    await proveInvoice(el, invoiceOf('H4B7R2', 46));
    expect(text(el, '#invoice-date-error')).to.equal(
      'This invoice is dated more than 45 days ago. Use an invoice dated within the last 45 days.',
    );

    const recent = invoiceOf('H4B7R2', 17);
    const [whole, cents] = recent.amount.split('.');
    for (const amount of [`$${recent.amount}`, `${whole!.slice(0, 1)},${whole!.slice(1)}.${cents}`]) {
      await proveInvoice(el, recent, amount);
      expect(text(el, '#amount-error'), amount).to.equal(
        'Type the amount as digits with a decimal point, for example 1234.56: leave out the currency sign and the thousands separators.',
      );
      expect(text(el, '.error-summary')).to.contain('Invoice amount:');
    }
    await expectAccessible(el);
  });

  it('a mismatch gets one uniform message; an account of another company names whom to ask', async () => {
    const apiBase = await privateServer();
    const el = await fixture<UpsEnrollment>(html`<ups-enrollment api-base=${apiBase}></ups-enrollment>`);
    await stepIs(el, 1);
    await toInvoiceStep(el, 'US', 'H4B7R2');
    const recent = invoiceOf('H4B7R2', 17);
    await proveInvoice(el, recent, '1.00');
    const wrongAmount = text(el, '.error-summary li');
    await proveInvoice(el, { ...recent, number: invoiceOf('H4B7R2', 3).number });
    const wrongNumber = text(el, '.error-summary li');
    expect(wrongAmount).to.contain('do not match an invoice of this account');
    expect(wrongNumber).to.equal(wrongAmount);
    expect(el.shadowRoot!.querySelectorAll('[aria-invalid=true]').length, 'no field singled out').to.equal(0);

    // Demo Co's account, with one of its recent invoices as printed.
    const demo = new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor('admin1', apiBase) });
    const page = await demo.call(listInvoices, {
      query: { account: '4R7X21', sort: 'invoiceDate', order: 'desc', pageSize: 10 },
    });
    const theirs = page.items.find((i) => i.amount.amount > 0)!;
    ($(el, 'button.button:not(.primary)') as HTMLButtonElement).click();
    await stepIs(el, 3);
    await fill(el, 'account', '4R7X21');
    await submit(el);
    await stepIs(el, 4);
    await proveInvoice(el, {
      ...recent,
      accountNumber: '4R7X21',
      number: theirs.number,
      invoiceDate: theirs.invoiceDate,
      amount: (theirs.amount.amount / 100).toFixed(2),
    });
    expect(text(el, '.error-summary li')).to.equal(
      'Account 4R7X21 is already enrolled in the billing center by Demo Co, and an account belongs to one company only. Ask an administrator of Demo Co to add you as a user.',
    );
    await expectAccessible(el);
  });

  it('refuses a weak password and a user ID already taken, beside the light-DOM fields', async () => {
    const apiBase = await privateServer();
    const el = await fixture<UpsEnrollment>(html`<ups-enrollment api-base=${apiBase}></ups-enrollment>`);
    await stepIs(el, 1);
    await toInvoiceStep(el, 'FR', 'L9C2M5');
    await proveInvoice(el, invoiceOf('L9C2M5', 31));
    await stepIs(el, 5);
    const user = async (userId: string, password: string, confirm = password) => {
      await fill(el, 'name', 'Léa Fondatrice');
      await fill(el, 'email', 'lea@lumiere.example');
      await fill(el, 'user-id', userId);
      await fill(el, 'password', password);
      await fill(el, 'confirm', confirm);
      await submit(el);
    };
    const message = (field: string) => el.querySelector(`[id$="-${field}-error"]`)?.textContent?.trim();
    await user('lea-fondatrice', 'Password2024!');
    expect(message('password')).to.contain('too common');
    expect(light(el, 'password')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '.error-summary')).to.contain('Password:');
    ($(el, '.error-summary a') as HTMLAnchorElement).click();
    expect(document.activeElement, 'the summary links into light DOM').to.equal(light(el, 'password'));
    await user('lea-fondatrice', 'short');
    expect(message('password')).to.equal('Use at least 12 characters.');
    await user('lea-fondatrice', 'lavender fields forever', 'lavender fields forevr');
    expect(message('confirm')).to.equal('The two passwords are not the same.');
    await user('ADMIN1', 'lavender fields forever');
    expect(message('user-id')).to.equal('This user ID is already taken. Choose another one.');
    await expectAccessible(el);
  });

  it('after 5 failed attempts the account is locked, and the message says until when', async () => {
    const apiBase = await privateServer();
    const el = await fixture<UpsEnrollment>(html`<ups-enrollment api-base=${apiBase}></ups-enrollment>`);
    await stepIs(el, 1);
    await toInvoiceStep(el, 'US', 'H4B7R2');
    const recent = invoiceOf('H4B7R2', 3);
    for (const amount of ['1.00', '2.00', '3.00', '4.00', '5.00']) {
      await proveInvoice(el, recent, amount);
      expect(text(el, '.error-summary li')).to.contain('do not match');
    }
    await proveInvoice(el, recent);
    const tomorrow = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(Date.now() + 86_400_000);
    expect(text(el, '.error-summary li')).to.match(
      /^Too many failed attempts for this account\. For its security, you can try again after .+\.$/,
    );
    expect(text(el, '.error-summary li')).to.contain(tomorrow);
    expect(deepActive()).to.equal($(el, '.error-summary'));
  });

  it('works inside a provider, through its client, with nobody signed in', async () => {
    const apiBase = await privateServer();
    const el = await mount<UpsEnrollment>(html`<ups-enrollment country="FR"></ups-enrollment>`, {
      user: null,
      apiBase,
    });
    await startInvoicePath(el);
    expect(($(el, '#country') as HTMLSelectElement).value, 'the `country` attribute preselects').to.equal('FR');
    await submit(el);
    await stepIs(el, 3);
    await fill(el, 'account', 'L9C2M4');
    await submit(el);
    await stepIs(el, 4);
    await proveInvoice(el, invoiceOf('L9C2M4', 3));
    await stepIs(el, 5);
    expect(text(el, '.found')).to.contain('Lumière Cosmétiques — Grasse');
  });

  it('speaks French inside a French provider-less page, asks for the control ID in France, and stays accessible', async () => {
    const apiBase = await privateServer();
    const el = await fixture<UpsEnrollment>(html`<ups-enrollment api-base=${apiBase} locale="fr"></ups-enrollment>`);
    await until(() => text(el, '.step-of') === 'Étape 1 sur 6', 'the French catalog');
    expect(text(el, 'fieldset.paths'))
      .to.contain('J’ai une facture récente')
      .and.to.contain('Je ne reçois pas encore de factures');
    await expectAccessible(el);
    await toInvoiceStep(el, 'FR', 'L9C2M4');
    expect(text(el, 'label[for=control-id]')).to.equal('Identifiant de contrôle');
    await proveInvoice(el, invoiceOf('L9C2M4', 17), '1 234,56');
    expect(text(el, '#amount-error')).to.contain('sans symbole monétaire ni séparateur de milliers');
    await expectAccessible(el);
  });
});
