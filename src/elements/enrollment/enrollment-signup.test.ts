/**
 * <ups-enrollment>'s second path, "I don't receive invoices yet": a user ID,
 * then a payment account with a first payment method, against a private
 * real server each.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../api/client.js';
import { getSession } from '../../api/endpoints/session.js';
import { listPaymentMethods } from '../../api/endpoints/wallet.js';
import type { UpsBillingProvider } from '../../context/billing-provider.js';
import { expectAccessible, privateServer, until } from '../../../test/browser/fixtures.js';
import '../../ups-billing-dashboard.js';
import '../../ups-billing-provider.js';
import '../../ups-invoice-table.js';
import '../../ups-wallet.js';
import '../../ups-enrollment.js';
import type { UpsEnrollmentCompleteEvent } from '../../events/enrollment.js';
import type { UpsEnrollment } from './enrollment.js';

const $ = (el: UpsEnrollment, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (el: UpsEnrollment, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** A sign-in field, which lives in the element's light DOM. */
const light = (el: UpsEnrollment, name: string) =>
  el.querySelector<HTMLInputElement>(`.ups-enrollment-credentials input[id$="-${name}"]`);
const lightText = (el: UpsEnrollment, selector: string) =>
  el.querySelector(`.ups-enrollment-credentials ${selector}`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const stepIs = (el: UpsEnrollment, title: RegExp) =>
  until(
    () => title.test(text(el, '.step-title')),
    () => `${title} (on “${text(el, '.step-title')}”, summary “${text(el, '.error-summary')}”)`,
    15_000,
  );

async function fill(el: UpsEnrollment, id: string, value: string): Promise<void> {
  await until(() => Boolean(light(el, id) ?? $(el, `#${id}`)), `#${id} on screen`);
  const input = (light(el, id) ?? $(el, `#${id}`)) as HTMLInputElement | HTMLSelectElement;
  input.value = value;
  input.dispatchEvent(new Event(input.localName === 'select' ? 'change' : 'input'));
  await el.updateComplete;
}

async function submit(el: UpsEnrollment): Promise<void> {
  const form = el.querySelector<HTMLFormElement>('.ups-enrollment-credentials form') ?? $(el, 'form.step')!;
  (form as HTMLFormElement).requestSubmit();
  await el.updateComplete;
  await until(() => !el.matches(':state(busy)'), 'an answer', 15_000);
  await el.updateComplete;
}

/** Step 1 of the element: the second path, with the mouse. */
async function chooseSignup(el: UpsEnrollment): Promise<void> {
  await stepIs(el, /^Step 1 of \d How to sign up$/);
  ($(el, 'input[name=path][value=signup]') as HTMLInputElement).click();
  await submit(el);
  await stepIs(el, /Your user ID$/);
}

async function createId(el: UpsEnrollment, userId: string, password: string): Promise<void> {
  await fill(el, 'user-id', userId);
  await fill(el, 'email', `${userId}@example.com`);
  await fill(el, 'name', 'Nora Newcomer');
  await fill(el, 'password', password);
  await submit(el);
}

async function fillCompany(el: UpsEnrollment, country = 'US'): Promise<void> {
  await until(() => Boolean($(el, 'select#country')), 'the served countries');
  await fill(el, 'company', 'Newcomer Trading');
  await fill(el, 'country', country);
  await fill(el, 'line1', '12 Harbor Street');
  await fill(el, 'city', 'Savannah');
  await fill(el, 'postal-code', '31401');
  if (country === 'US') await fill(el, 'region', 'GA');
}

/** Types a test card into the isolated frame with the keyboard: the only way into another origin. */
async function typeCard(el: UpsEnrollment, number = '4242424242424242'): Promise<void> {
  await until(() => el.matches(':state(card-ready)'), 'card frame ready', 15_000);
  $(el, 'input[name=add-type]:checked')!.focus();
  await sendKeys({ press: 'Tab' });
  await until(
    () => deepActive()?.localName === 'iframe',
    () => `focus in the card frame, not ${deepActive()?.localName}`,
  );
  const card = { holder: 'Nora Newcomer', number, expiry: '1231', cvc: '7319', postalCode: '31401' };
  for (const [index, value] of Object.values(card).entries()) {
    if (index) await sendKeys({ press: 'Tab' });
    await sendKeys({ type: value });
  }
}

const clientWith = (apiBase: string, token: string) => new BillingClient({ baseUrl: apiBase, getToken: () => token });

/** A user ID with no company, made through the API, as an earlier visit would have left it. */
async function companylessUser(apiBase: string, userId: string): Promise<string> {
  const response = await fetch(`${apiBase}/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      userId,
      email: `${userId}@example.com`,
      name: 'Omar Later',
      password: 'tide pools at dawn',
    }),
  });
  expect(response.status).to.equal(201);
  return ((await response.json()) as { token: string }).token;
}

async function signIn(apiBase: string, userId: string, password: string): Promise<string> {
  const response = await fetch(`${apiBase}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, password }),
  });
  return ((await response.json()) as { token: string }).token;
}

describe('<ups-enrollment>, without an invoice', () => {
  it('a new user creates an ID and opens a payment account with a card typed in the frame; axe on every step', async () => {
    const apiBase = await privateServer();
    const el = await fixture<UpsEnrollment>(html`<ups-enrollment api-base=${apiBase}></ups-enrollment>`);
    await stepIs(el, /^Step 1 of 6 How to sign up$/);
    await expectAccessible(el);

    // The two paths are one radio group: arrow keys choose, Tab goes on to Continue.
    ($(el, 'input[name=path]:checked') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(($(el, 'input[name=path][value=signup]') as HTMLInputElement).checked).to.equal(true);
    expect(text(el, '.step-of'), 'the count follows the path').to.equal('Step 1 of 5');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent?.trim()).to.equal('Continue');
    await sendKeys({ press: 'Enter' });
    await stepIs(el, /^Step 2 of 5 Your user ID$/);

    // Password managers: the ID fields are in the document's light DOM, with autocomplete tokens.
    expect(el.shadowRoot!.querySelector('input[type=password], input[autocomplete=username]')).to.equal(null);
    const tokens = [...el.querySelectorAll<HTMLInputElement>('.ups-enrollment-credentials form input')].map((input) =>
      input.getAttribute('autocomplete'),
    );
    expect(tokens).to.deep.equal(['username', 'email', 'name', 'new-password']);
    await expectAccessible(el);

    // The rules are marked as they are met, while typing.
    const userId = `nora-${Date.now() % 100_000}`;
    light(el, 'user-id')!.focus();
    await sendKeys({ type: userId });
    light(el, 'password')!.focus();
    await sendKeys({ type: `${userId}-pass` });
    await el.updateComplete;
    expect([...el.querySelectorAll('.rules li')].map((li) => li.classList.contains('met'))).to.deep.equal([
      true,
      true,
      false,
    ]);
    expect(lightText(el, '.rules li:last-child')).to.contain('(not yet)');
    for (let i = 0; i < userId.length + 5; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'estuary herons fly' });
    await el.updateComplete;
    expect([...el.querySelectorAll('.rules li.met')].length, 'every rule met').to.equal(3);
    // Show password, then hide it again, by keyboard.
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.classList.contains('show-password')).to.equal(true);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(light(el, 'password')!.type).to.equal('text');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(light(el, 'password')!.type).to.equal('password');

    light(el, 'email')!.focus();
    await sendKeys({ type: 'nora@newcomer.example' });
    light(el, 'name')!.focus();
    await sendKeys({ type: 'Nora Newcomer' });
    await sendKeys({ press: 'Enter' });
    await stepIs(el, /^Step 3 of 5 Your company$/);
    expect(el.querySelector('input[type=password]'), 'no password left in the page').to.equal(null);
    expect(($(el, '#contact-name') as HTMLInputElement).value, 'the contact offered is the user').to.equal(
      'Nora Newcomer',
    );
    await fillCompany(el);
    await expectAccessible(el);
    await submit(el);
    await stepIs(el, /^Step 4 of 5 Payment method$/);
    await expectAccessible(el);

    await typeCard(el);
    const complete = oneEvent(el, 'ups-enrollment-complete') as Promise<UpsEnrollmentCompleteEvent>;
    // Enter in the frame opens the account, as the submit button would.
    await sendKeys({ press: 'Enter' });
    const { detail } = await complete;
    expect(detail.path).to.equal('signup');
    expect(detail.company!.name).to.equal('Newcomer Trading');
    expect(detail.user.userId).to.equal(userId);
    expect(detail.user.role).to.equal('administrator');
    expect(detail.method!.method.last4).to.equal('4242');
    await stepIs(el, /^Step 5 of 5 Confirmation$/);
    expect(text(el, '.done')).to.contain('Newcomer Trading').and.to.contain(userId).and.to.contain('4242');
    expect(text(el, '.done')).to.contain('add the account from My accounts');
    await expectAccessible(el);

    // The session the host receives now has the company, the user as its administrator, and the card.
    const session = await clientWith(apiBase, detail.token!).call(getSession);
    expect(session.company?.id).to.equal(detail.company!.id);
    expect(session.user.role).to.equal('administrator');
    const wallet = await clientWith(apiBase, detail.token!).call(listPaymentMethods);
    expect(wallet.items.map((m) => [m.method.last4, m.isDefault])).to.deep.equal([['4242', true]]);
  });

  it('a signed-in user without a company skips the ID and opens the account with a US bank account', async () => {
    const apiBase = await privateServer();
    const userId = `omar-${Date.now() % 100_000}`;
    const token = await companylessUser(apiBase, userId);
    const provider = await fixture<UpsBillingProvider>(html`
      <ups-billing-provider api-base=${apiBase} locale="en" .token=${token}>
        <ups-enrollment></ups-enrollment>
      </ups-billing-provider>
    `);
    const el = provider.querySelector('ups-enrollment')!;
    await stepIs(el, /^Step 1 of 3 Your company$/);
    expect(text(el, '.signed-in')).to.contain(userId);
    expect(el.querySelector('.ups-enrollment-credentials input'), 'no ID fields').to.equal(null);
    expect($(el, '.actions button:not(.primary)'), 'no way back to an ID step').to.equal(null);
    await fillCompany(el);
    await fill(el, 'contact-name', 'Omar Later');
    await fill(el, 'contact-email', 'omar@later.example');
    await submit(el);
    await stepIs(el, /^Step 2 of 3 Payment method$/);
    const types = () =>
      [...el.shadowRoot!.querySelectorAll('input[name=add-type]')].map((i) => (i as HTMLInputElement).value);
    await until(() => types().length > 0, 'the ways to pay');
    expect(types(), 'US ways to pay').to.deep.equal(['card', 'ach', 'paypal']);
    ($(el, 'input[name=add-type][value=ach]') as HTMLInputElement).click();
    await el.updateComplete;
    await fill(el, 'holder', 'Later Holdings');
    await fill(el, 'routing', '011000015');
    await fill(el, 'account-number', '000123456789');
    await expectAccessible(el);
    const complete = oneEvent(el, 'ups-enrollment-complete') as Promise<UpsEnrollmentCompleteEvent>;
    await submit(el);
    const { detail } = await complete;
    expect(detail.token, 'the user was already signed in').to.equal(null);
    await stepIs(el, /^Step 3 of 3 Confirmation$/);
    expect(text(el, '.done')).to.contain('6789');
    const session = await clientWith(apiBase, token).call(getSession);
    expect(session.company?.name).to.equal('Newcomer Trading');
    expect(session.user.role).to.equal('administrator');

    // The new company, with its payment account and no shipping account yet, in the billing elements.
    const portal = await fixture<UpsBillingProvider>(html`
      <ups-billing-provider api-base=${apiBase} locale="en" .token=${token}>
        <ups-billing-dashboard></ups-billing-dashboard>
        <ups-wallet></ups-wallet>
        <ups-invoice-table></ups-invoice-table>
      </ups-billing-provider>
    `);
    const shadowText = (tag: string) => portal.querySelector(tag)!.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    await until(() => shadowText('ups-wallet').includes('6789'), 'the wallet holds the bank account', 10_000);
    await until(
      () => shadowText('ups-invoice-table').includes('No invoices to show.'),
      'an empty invoice list',
      10_000,
    );
    await until(
      () => shadowText('ups-billing-dashboard').includes('Nothing is due right now.'),
      'the dashboard',
      10_000,
    );
    for (const tag of ['ups-billing-dashboard', 'ups-wallet', 'ups-invoice-table']) {
      expect(portal.querySelector(tag)!.shadowRoot!.querySelector('.notice.error'), `${tag} fails`).to.equal(null);
    }
  });

  it('a user signed in to a company cannot start a second company’s sign-up: the option says where to go', async () => {
    const apiBase = await privateServer();
    const token = await signIn(apiBase, 'admin1', 'demo-password');
    const provider = await fixture<UpsBillingProvider>(html`
      <ups-billing-provider api-base=${apiBase} locale="en" .token=${token}>
        <ups-enrollment></ups-enrollment>
      </ups-billing-provider>
    `);
    const el = provider.querySelector('ups-enrollment')!;
    await until(() => Boolean($(el, 'input[value="signup"]')?.hasAttribute('disabled')), 'the sign-up path is closed');
    expect(($(el, 'input[value="invoice"]') as HTMLInputElement).disabled).to.equal(false);
    expect(text(el, '#path-signup-hint')).to.contain('add its shipping accounts from My accounts');
  });

  it('refuses a taken user ID and weak passwords at the fields, and creates nothing', async () => {
    const apiBase = await privateServer();
    const el = await fixture<UpsEnrollment>(html`<ups-enrollment api-base=${apiBase}></ups-enrollment>`);
    await chooseSignup(el);
    const message = () => el.querySelector('.ups-enrollment-credentials .field-error')?.textContent?.trim();
    const invalid = () =>
      [...el.querySelectorAll('.ups-enrollment-credentials [aria-invalid=true]')].map((i) =>
        i.id.replace(/^.*?-\d+-/, ''),
      );

    await createId(el, 'ADMIN1', 'salt marsh at low tide');
    expect(message()).to.equal('This user ID is already taken. Choose another one.');
    expect(invalid()).to.deep.equal(['user-id']);
    expect(text(el, '.error-summary')).to.contain('User ID:');
    expect(deepActive(), 'the summary takes focus').to.equal($(el, '.error-summary'));
    ($(el, '.error-summary a') as HTMLAnchorElement).click();
    expect(document.activeElement, 'the summary links into light DOM').to.equal(light(el, 'user-id'));

    // Caught by the shared schema before sending, then by the server's longer list.
    await createId(el, 'nora-weak', 'Password2024!');
    expect(message()).to.contain('too common');
    await createId(el, 'nora-weak', 'leavemealone');
    expect(message(), 'the server’s list').to.contain('too common');
    expect(invalid()).to.deep.equal(['password']);
    await createId(el, 'nora-weak', 'short');
    expect(message()).to.equal('Use at least 12 characters.');
    await createId(el, 'nora-weak', 'nora-weak-and-tired');
    expect(message()).to.equal('The password must not contain your user ID.');
    await expectAccessible(el);

    // Back to the first step and on again: the path and what was typed are remembered.
    el.querySelector<HTMLButtonElement>('.ups-enrollment-credentials .actions button[type=button]')!.click();
    await stepIs(el, /How to sign up$/);
    expect(($(el, 'input[name=path][value=signup]') as HTMLInputElement).checked).to.equal(true);
    await submit(el);
    await stepIs(el, /Your user ID$/);
    expect(light(el, 'user-id')!.value).to.equal('nora-weak');
    expect(light(el, 'email')!.value).to.equal('nora-weak@example.com');

    // None of those created the user: the ID is still free.
    await createId(el, 'nora-weak', 'estuary herons fly');
    await stepIs(el, /Your company$/);
  });

  it('refuses a country not served and a bank account that fails its checks; nothing is created', async () => {
    const apiBase = await privateServer();
    // A host that preset a country we do not serve (Norway): the server says so at the field.
    const el = await fixture<UpsEnrollment>(html`<ups-enrollment api-base=${apiBase} country="NO"></ups-enrollment>`);
    await chooseSignup(el);
    const complete = oneEvent(el, 'ups-enrollment-complete');
    let completed = false;
    void complete.then(() => (completed = true));
    await createId(el, 'nils-north', 'fjords under snow');
    await stepIs(el, /Your company$/);
    await until(() => Boolean($(el, 'select#country')), 'the served countries');
    expect(($(el, '#country') as HTMLSelectElement).value).to.equal('NO');
    const options = [...el.shadowRoot!.querySelectorAll('#country option')].map((o) => (o as HTMLOptionElement).value);
    expect(options).to.include.members(['US', 'CA', 'GB', 'FR', 'DE']);

    await submit(el);
    expect(text(el, '.error-summary')).to.contain('Company name:').and.to.contain('Address:');
    await fillCompany(el, 'NO');
    await fill(el, 'contact-phone', 'call me');
    await submit(el);
    expect(text(el, '#contact-phone-error')).to.equal('Enter a phone number: digits, spaces and + ( ) - . only.');
    await fill(el, 'contact-phone', '+47 22 00 00 00');
    await submit(el);
    await stepIs(el, /Payment method$/);
    await typeCard(el);
    await submit(el);
    await stepIs(el, /Your company$/);
    expect(text(el, '#country-error')).to.equal(
      'We do not open payment accounts in this country yet. Choose a country we serve.',
    );
    expect($(el, '#country')!.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive(), 'the summary takes focus').to.equal($(el, '.error-summary'));
    await expectAccessible(el);
    expect(completed).to.equal(false);

    // In the US, a card that fails the frame's checks: the frame's message, linked into the frame.
    await fillCompany(el, 'US');
    await submit(el);
    await stepIs(el, /Payment method$/);
    await typeCard(el, '4242424242424241');
    ($(el, 'form.signup-method button.primary') as HTMLButtonElement).click();
    await until(() => text(el, '.error-summary') !== '', 'the frame’s errors', 10_000);
    expect(text(el, '.error-summary li')).to.equal('Card number: Enter a valid card number.');
    ($(el, '.error-summary a') as HTMLAnchorElement).click();
    expect(deepActive()?.localName, 'the link goes into the frame').to.equal('iframe');

    // Then a bank account whose routing number fails its checksum, caught before sending.
    ($(el, 'input[name=add-type][value=ach]') as HTMLInputElement).click();
    await el.updateComplete;
    await fill(el, 'holder', 'Nils North');
    await fill(el, 'routing', '123456789');
    await fill(el, 'account-number', '000123456789');
    await submit(el);
    expect($(el, '#routing')!.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '.error-summary')).to.contain('Routing number');
    expect(completed).to.equal(false);
    // Nothing was created: the user still has no company.
    const session = await clientWith(apiBase, await signIn(apiBase, 'nils-north', 'fjords under snow')).call(
      getSession,
    );
    expect(session.company).to.equal(null);
  });

  it('speaks French: the paths, the password rules, the server’s answers and the company step', async () => {
    const apiBase = await privateServer();
    const el = await fixture<UpsEnrollment>(html`<ups-enrollment api-base=${apiBase} locale="fr"></ups-enrollment>`);
    await stepIs(el, /^Étape 1 sur 6 Mode d’inscription$/);
    ($(el, 'input[name=path][value=signup]') as HTMLInputElement).click();
    await submit(el);
    await stepIs(el, /^Étape 2 sur 5 Votre numéro d’utilisateur$/);
    expect(lightText(el, `label[for$="-password"]`)).to.equal('Mot de passe');
    expect(lightText(el, '.rules')).to.contain('Au moins 12 caractères').and.to.contain('Ne contient pas votre');
    await expectAccessible(el);
    await createId(el, 'admin1', 'salt marsh at low tide');
    expect(el.querySelector('.ups-enrollment-credentials .field-error')?.textContent?.trim()).to.equal(
      'Cet identifiant utilisateur est déjà pris. Choisissez-en un autre.',
    );
    await createId(el, 'lea-nouvelle', 'lavande au soleil');
    await stepIs(el, /^Étape 3 sur 5 Votre entreprise$/);
    await until(() => Boolean($(el, 'select#country')), 'the served countries');
    expect(text(el, 'label[for=country]')).to.equal('Pays de l’entreprise');
    expect([...el.shadowRoot!.querySelectorAll('#country option')].map((o) => o.textContent)).to.include('France');
    await submit(el);
    expect(text(el, '.error-summary')).to.contain('Un problème est survenu').and.to.contain('Adresse:');
    await expectAccessible(el);
  });
});
