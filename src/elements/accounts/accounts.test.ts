import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../api/client.js';
import { addAccount, listAccounts } from '../../api/endpoints/accounts.js';
import { getInvoice, listInvoices } from '../../api/endpoints/invoices.js';
import type { UpsAccountChangeEvent } from '../../events/account-change.js';
import { expectAccessible, mount, privateServer, tokenFor, until } from '../../../test/browser/fixtures.js';
import { printedInvoices, UNENROLLED_ACCOUNTS, type PrintedInvoice } from '../../../server/db/seed-unenrolled.js';
import '../../ups-accounts.js';
import type { UpsAccounts } from './accounts.js';

type El = UpsAccounts;
const $ = (el: El, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: El, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const norm = (value: string) => value.replace(/\s+/g, ' ').trim();
const text = (node: Element | null | undefined) => norm(node?.textContent ?? '');
const active = (el: El) => el.shadowRoot!.activeElement;
const dialog = (el: El, kind: string) =>
  ($(el, `dialog#dialog-${kind}`) as HTMLDialogElement | null) ?? ({ open: false } as HTMLDialogElement);
const input = (el: El, selector: string) => $(el, selector) as HTMLInputElement;
const summary = (el: El) => $$(el, 'dialog[open] .error-summary li').map(text);
const fieldError = (el: El, id: string) => text($(el, `#${id}-error`));

const client = (user: string, apiBase = '/api/v1') =>
  new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor(user, apiBase) });

/** The seeded invoice of an account enrolled nowhere, as printed today. */
const printed = (number: string, ageDays: number): PrintedInvoice =>
  printedInvoices(
    UNENROLLED_ACCOUNTS.find((a) => a.number === number)!,
    new Date().toISOString().slice(0, 10),
  ).find((i) => i.ageDays === ageDays)!;

const loaded = (el: El) =>
  until(
    () => !el.matches(':state(loading)') && Boolean($(el, '.lists:not(.loading)')) && !$(el, '[aria-busy=true]'),
    'accounts shown',
    10_000,
  );
const rowOf = (el: El, number: string) => $(el, `tbody tr[data-account="${number}"]`);
const actionOf = (el: El, number: string, action: string) =>
  $(el, `button[data-account="${number}"][data-action="${action}"]`);

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

/** Types an ISO date into a native date field, segment by segment as Chromium's en-US field reads it. */
async function typeDate(el: El, iso: string): Promise<void> {
  const field = input(el, '#invoice-date');
  field.focus();
  const [y, m, d] = iso.split('-');
  await sendKeys({ type: `${m}${d}${y}` });
  await until(
    () => field.value === iso,
    () => `date typed: ${field.value}`,
  );
}

async function open(el: El, button: HTMLElement, kind: string): Promise<HTMLDialogElement> {
  await press(button);
  await until(() => dialog(el, kind).open && Boolean(dialog(el, kind).querySelector('form')), `${kind} dialog`, 10_000);
  return dialog(el, kind);
}

async function chooseCountry(el: El, country: string): Promise<void> {
  const select = $(el, '#country') as HTMLSelectElement;
  select.value = country;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** Fills the Add account form with an invoice's values, `overrides` as typed instead. */
async function fillProof(el: El, invoice: PrintedInvoice, overrides: Partial<Record<string, string>> = {}) {
  await typeInto(el, '#account-number', overrides['account'] ?? invoice.accountNumber);
  await typeInto(el, '#invoice-number', overrides['number'] ?? invoice.number);
  await typeDate(el, overrides['date'] ?? invoice.invoiceDate);
  await typeInto(el, '#amount', overrides['amount'] ?? invoice.amount);
  if (invoice.controlId) await typeInto(el, '#control-id', overrides['controlId'] ?? invoice.controlId);
}

/** Submits the open dialog with Enter in `selector`, and waits for the answer. */
async function submit(el: El, selector = '#amount'): Promise<void> {
  await press($(el, selector));
  await until(() => !el.matches(':state(busy)') && !$(el, 'dialog[open] [aria-disabled=true]'), 'answer', 10_000);
  await el.updateComplete;
}

describe('<ups-accounts>', () => {
  let apiBase: string;
  before(async () => {
    apiBase = await privateServer();
  });

  it('lists the enrolled accounts and plans with nickname, country, currency, plan, XML and enrolment date, accessibly', async () => {
    const el = await mount<El>(html`<ups-accounts></ups-accounts>`, { user: 'admin1' });
    await loaded(el);
    await expectAccessible(el);
    const accounts = (await client('admin1').call(listAccounts)).items;
    expect($$(el, 'tbody tr[data-account]').map((r) => r.dataset['account'])).to.deep.equal(
      accounts.map((a) => a.number),
    );
    expect(text($(el, '.count'))).to.equal(`${accounts.length} accounts`);
    const atlanta = rowOf(el, '4R7X21');
    expect(text(atlanta.querySelector('.xml'))).to.equal('Enrolled');
    expect(text(atlanta.querySelector('th .number'))).to.equal('4R7X21');
    expect(text(atlanta)).to.contain('United States').and.contain('USD');
    expect(text(rowOf(el, 'W9E530'))).to.contain('P4R7X210');
    expect(text(rowOf(el, 'W9E530').querySelector('.xml'))).to.equal('Not enrolled');
    expect(text($(el, 'table[part=plans] tbody')))
      .to.contain('P4R7X210')
      .and.contain('W9E530');
    // An administrator may do everything: add, rename, XML, cancel; each button names its account.
    expect(text($(el, 'button.add'))).to.equal('Add account');
    expect(text(actionOf(el, 'K2M8Q5', 'nickname'))).to.match(/^Edit nickname .*K2M8Q5/);
    expect(actionOf(el, 'K2M8Q5', 'xml')).not.to.equal(null);
    expect(actionOf(el, 'K2M8Q5', 'cancel')).not.to.equal(null);
  });

  it('a manager changes only XML enrolment, of its scope; payers and viewers only read', async () => {
    const manager = await mount<El>(html`<ups-accounts></ups-accounts>`, { user: 'manager1' });
    await loaded(manager);
    await expectAccessible(manager);
    expect($$(manager, 'tbody tr[data-account]').map((r) => r.dataset['account'])).to.deep.equal([
      '4R7X21',
      '8F2K44',
      'W9E530',
    ]);
    expect($(manager, 'button.add')).to.equal(null);
    expect($$(manager, 'button[data-action]').map((b) => b.dataset['action'])).to.deep.equal(['xml', 'xml', 'xml']);
    expect(text($(manager, '.hint'))).to.contain('XML enrolment of the accounts in your scope');

    const payer = await mount<El>(html`<ups-accounts></ups-accounts>`, { user: 'payer1' });
    await loaded(payer);
    await expectAccessible(payer);
    expect($$(payer, 'button[data-action], button.add')).to.have.length(0);
    expect($$(payer, 'thead th').map(text)).not.to.include('Actions');
    expect(text($(payer, '.hint'))).to.equal('Your role lets you see accounts, not change them.');
  });

  it('renames an account in a dialog, by keyboard; the list and the host page learn it', async () => {
    const el = await mount<El>(html`<ups-accounts></ups-accounts>`, { user: 'admin1', apiBase });
    await loaded(el);
    const opener = actionOf(el, 'K2M8Q5', 'nickname');
    await open(el, opener, 'nickname');
    expect(active(el)?.id).to.equal('nickname');
    await expectAccessible(el);
    // The field stops at the server's 40 characters: a 41st cannot be typed.
    await typeInto(el, '#nickname', 'x'.repeat(41));
    expect(input(el, '#nickname').value).to.have.length(40);
    expect(text($(el, '#nickname-hint'))).to.contain('Up to 40 characters');
    await typeInto(el, '#nickname', 'Seattle dock');
    const changed = oneEvent(el, 'ups-account-change') as Promise<UpsAccountChangeEvent>;
    await press(input(el, '#nickname'));
    const { detail } = await changed;
    expect([detail.action, detail.account.number, detail.account.nickname]).to.deep.equal([
      'update',
      'K2M8Q5',
      'Seattle dock',
    ]);
    await until(() => text(rowOf(el, 'K2M8Q5')?.querySelector('.nickname')) === 'Seattle dock', 'renamed row');
    expect(text($(el, '[role=status]:not(.lists *)'))).to.equal('Account K2M8Q5: nickname saved.');
    await until(() => active(el) === actionOf(el, 'K2M8Q5', 'nickname'), 'focus back on the opener');
  });

  it('a manager enrols an account in XML: the dialog says what it does, then its invoices offer XML', async () => {
    const el = await mount<El>(html`<ups-accounts></ups-accounts>`, { user: 'manager1', apiBase });
    await loaded(el);
    const manager = client('manager1', apiBase);
    const [invoice] = (await manager.call(listInvoices, { query: { account: 'W9E530', pageSize: 1 } })).items;
    const formats = async () => (await manager.call(getInvoice, { params: { number: invoice!.number } })).formats;
    expect(await formats()).not.to.include('xml');

    const box = await open(el, actionOf(el, 'W9E530', 'xml'), 'xml');
    expect(text(box.querySelector('#xml-text'))).to.contain('XML downloads appear for this account’s invoices');
    await expectAccessible(el);
    const checkbox = input(el, '#xml-enrolled');
    expect(checkbox.checked).to.equal(false);
    await press(checkbox, 'Space');
    expect(checkbox.checked).to.equal(true);
    const changed = oneEvent(el, 'ups-account-change') as Promise<UpsAccountChangeEvent>;
    await press($(el, 'dialog[open] button[type=submit]'));
    const { detail } = await changed;
    expect([detail.action, detail.account.xmlEnrolled]).to.deep.equal(['xml', true]);
    await until(() => text(rowOf(el, 'W9E530')?.querySelector('.xml')) === 'Enrolled', 'row says enrolled');
    expect(await formats()).to.include('xml');
  });

  it('adds an account by keyboard with its invoice of exactly 45 days ago', async () => {
    const el = await mount<El>(html`<ups-accounts></ups-accounts>`, { user: 'admin1', apiBase });
    await loaded(el);
    const invoice = printed('H4B7R2', 45);
    await open(el, $(el, 'button.add'), 'add');
    // The country comes first; the company's (US) is preselected, and US invoices print no control ID.
    expect(active(el)?.id).to.equal('country');
    expect((input(el, '#country') as unknown as HTMLSelectElement).value).to.equal('US');
    expect($(el, '#control-id')).to.equal(null);
    expect(text($(el, '#amount-hint'))).to.contain('no currency sign, no thousands separator');
    await expectAccessible(el);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('account-number');
    await sendKeys({ type: invoice.accountNumber.toLowerCase() });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: invoice.number.toLowerCase() });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('invoice-date');
    await typeDate(el, invoice.invoiceDate);
    await typeInto(el, '#amount', invoice.amount);
    const changed = oneEvent(el, 'ups-account-change') as Promise<UpsAccountChangeEvent>;
    await sendKeys({ press: 'Enter' });
    const { detail } = await changed;
    expect([detail.action, detail.account.number]).to.deep.equal(['add', 'H4B7R2']);
    await until(() => Boolean(rowOf(el, 'H4B7R2')), 'the new row');
    expect(dialog(el, 'add').open).to.equal(false);
    expect(text($(el, '[role=status]:not(.lists *)'))).to.equal('Account H4B7R2 added.');
    await until(() => active(el) === $(el, 'button.add'), 'focus back on Add account');
  });

  it('refuses bad values with a message by each field and a summary that takes focus; nothing is added', async () => {
    const el = await mount<El>(html`<ups-accounts></ups-accounts>`, { user: 'admin1', apiBase });
    await loaded(el);
    await open(el, $(el, 'button.add'), 'add');
    await chooseCountry(el, 'FR');
    // French invoices print a control ID: the field appears with the country.
    expect($(el, '#control-id')).not.to.equal(null);
    const invoice = printed('L9C2M4', 17);

    // A 7-character account number and an amount with a thousands separator: said before sending.
    await fillProof(el, invoice, { account: 'L9C2M41', amount: '1,234.56' });
    await submit(el);
    expect(fieldError(el, 'account-number')).to.equal(
      'Enter the account number as printed: exactly 6 letters or digits, for example H4B7R2.',
    );
    expect(fieldError(el, 'amount')).to.contain('digits with a decimal point, for example 1234.56');
    expect(fieldError(el, 'amount')).to.contain('no currency sign');
    expect(input(el, '#amount').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, '#amount').getAttribute('aria-describedby')).to.equal('amount-hint amount-error');
    expect(summary(el)[0]).to.match(/^Account number: Enter the account number/);
    expect(active(el)).to.equal($(el, '.error-summary'));
    await expectAccessible(el);
    // A summary link takes the user to its field.
    await press($(el, '.error-summary a'));
    expect(active(el)?.id).to.equal('account-number');

    await typeInto(el, '#account-number', invoice.accountNumber);
    await typeInto(el, '#amount', `€${invoice.amount}`);
    await submit(el);
    expect(summary(el)).to.have.length(1);
    expect(fieldError(el, 'amount')).to.contain('no currency sign');

    // 46 days old: the server refuses the date (day 45 passes, see above).
    const old = printed('L9C2M4', 46);
    await fillProof(el, old);
    await submit(el);
    expect(fieldError(el, 'invoice-date')).to.equal(
      'This invoice is more than 45 days old. Use an invoice of this account dated within the last 45 days.',
    );

    // A wrong value: one uniform message, naming no field.
    await fillProof(el, invoice, { amount: printed('L9C2M4', 3).amount });
    await submit(el);
    expect(summary(el)).to.deep.equal([
      'These details do not match an invoice of this account. Check each value against the invoice and type it exactly as printed.',
    ]);
    expect($$(el, 'dialog[open] [aria-invalid=true]')).to.have.length(0);
    await expectAccessible(el);
    expect((await client('admin1', apiBase).call(listAccounts)).items.some((a) => a.number === 'L9C2M4')).to.equal(
      false,
    );
  });

  it('refuses an account of another company, saying whose administrator to ask; locks after 5 failures, saying until when', async () => {
    const northwind = client('northwind-admin', apiBase);
    const { items } = await northwind.call(listInvoices, {
      query: { account: 'N0RTH1', sort: 'invoiceDate', order: 'desc', pageSize: 1 },
    });
    const theirs = items[0]!;
    const el = await mount<El>(html`<ups-accounts></ups-accounts>`, { user: 'admin1', apiBase });
    await loaded(el);
    await open(el, $(el, 'button.add'), 'add');
    await chooseCountry(el, 'FR');
    const digits = 2;
    const amount = (theirs.amount.amount / 10 ** digits).toFixed(digits);
    await fillProof(el, {
      accountNumber: 'N0RTH1',
      number: theirs.number,
      invoiceDate: theirs.invoiceDate,
      amount,
      controlId: theirs.controlId,
    } as PrintedInvoice);
    await submit(el);
    expect(fieldError(el, 'account-number')).to.equal(
      'This account is enrolled by Northwind Freight SARL. Ask an administrator of Northwind Freight SARL to give you access to it, or to cancel their enrolment first.',
    );

    const invoice = printed('L9C2M5', 3);
    await fillProof(el, invoice, { amount: '1.00' });
    for (let i = 0; i < 5; i++) await submit(el);
    await fillProof(el, invoice);
    await submit(el);
    const [lock] = summary(el);
    expect(lock).to.match(/^Too many unsuccessful attempts for this account\. For your security, try again after /);
    const tomorrow = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(Date.now() + 86_400_000);
    expect(lock).to.contain(tomorrow);
    await expectAccessible(el);
  });

  it('cancels enrolment: a reason is required, and a comment when it is "Other"; consequences are said first', async () => {
    const admin = client('admin1', apiBase);
    const invoice = printed('H4B7R3', 3);
    await admin.call(addAccount, {
      body: {
        country: 'US',
        accountNumber: invoice.accountNumber,
        invoiceNumber: invoice.number,
        invoiceDate: invoice.invoiceDate,
        amount: invoice.amount,
      },
    });
    const el = await mount<El>(html`<ups-accounts></ups-accounts>`, { user: 'admin1', apiBase });
    await loaded(el);
    const box = await open(el, actionOf(el, 'H4B7R3', 'cancel'), 'cancel');
    expect(text(box.querySelector('#cancel-text'))).to.contain('Its invoices no longer appear');
    expect(box.getAttribute('aria-describedby')).to.equal('cancel-text');
    await expectAccessible(el);

    await press($(el, 'dialog[open] button[type=submit]'));
    await el.updateComplete;
    expect(summary(el)).to.deep.equal(['Reason: Choose a reason.']);
    expect(active(el)).to.equal($(el, '.error-summary'));

    input(el, 'input[name=reason][value=other]').focus();
    await sendKeys({ press: 'Space' });
    await press($(el, 'dialog[open] button[type=submit]'));
    await el.updateComplete;
    expect(fieldError(el, 'comment')).to.equal('Say why in a comment: it is required when the reason is “Other”.');
    await expectAccessible(el);

    await typeInto(el, '#comment', 'Moved to our parent company');
    const changed = oneEvent(el, 'ups-account-change') as Promise<UpsAccountChangeEvent>;
    await press($(el, 'dialog[open] button[type=submit]'));
    const { detail } = await changed;
    expect([detail.action, detail.account.number]).to.deep.equal(['cancel', 'H4B7R3']);
    await until(() => !rowOf(el, 'H4B7R3'), 'row gone');
    await until(() => active(el) === $(el, 'button.add'), 'focus on Add account once the row is gone');

    // An account billed through a plan cannot leave: the element says why and what to do.
    await open(el, actionOf(el, 'W9E530', 'cancel'), 'cancel');
    input(el, 'input[name=reason][value=account_closed]').click();
    await submit(el, 'dialog[open] button[type=submit]');
    expect(summary(el)[0]).to.contain('billed through billing plan P4R7X210');
    // Escape closes the dialog, nothing changed, and the focus returns to the button that opened it.
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el, 'cancel').open, 'dialog closed');
    await until(() => active(el) === actionOf(el, 'W9E530', 'cancel'), 'focus back on the opener');
    expect(rowOf(el, 'W9E530')).not.to.equal(null);
  });

  it('speaks French from the catalogs', async () => {
    const el = await mount<El>(html`<ups-accounts></ups-accounts>`, { user: 'admin1', locale: 'fr' });
    await loaded(el);
    await until(() => text($(el, 'h2')) === 'Mes comptes', 'French title');
    expect(text(rowOf(el, '4R7X21').querySelector('.xml'))).to.equal('Inscrit');
    expect(text(actionOf(el, '4R7X21', 'xml'))).to.match(/^Modifier l’inscription au format XML/);
    await open(el, $(el, 'button.add'), 'add');
    await until(() => text($(el, '#add-title')) === 'Ajouter un compte', 'French form');
    expect(text($(el, 'label[for=amount]'))).to.equal('Montant de la facture');
    await submit(el, '#account-number');
    expect(fieldError(el, 'account-number')).to.equal('Saisissez une valeur.');
    await expectAccessible(el);
  });
});
