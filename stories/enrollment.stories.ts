import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, waitFor } from 'storybook/test';
import { insertUnenrolledAccount, type PrintedInvoice } from '../server/db/seed-unenrolled.js';
import en from '../src/locales/en/enrollment.js';
import '../src/ups-enrollment.js';
import type { UpsEnrollment } from '../src/ups-enrollment.js';
import { browserFetch, browserServer, failing, stalling } from './support/browser-server.js';

/**
 * Every story signs up against the in-page reference server, with nobody
 * signed in (a public sign-up page), but for the one of a signed-in user
 * without a company. The first step chooses the path: "I have a recent
 * invoice" (the 45-day path) or "I don't receive invoices yet" (a user ID,
 * then a payment account). Each story that proves an invoice gets
 * an account of its own, inserted by the seed's own code (the same as the
 * seeded H4B7R2 or L9C2M4, with invoices 3 to 75 days old): stories never
 * use up each other's accounts, and a story can be replayed.
 */
const meta: Meta = {
  title: 'Elements/Enrollment',
  component: 'ups-enrollment',
  decorators: [withActions],
  parameters: { actions: { handles: ['ups-enrollment-complete'] }, billing: { user: null } },
  render: (args) =>
    html`<ups-enrollment
      open-account-href=${args['openAccountHref'] ?? ''}
      country=${args['country'] ?? ''}
      help-href=${args['helpHref'] ?? ''}
      assistant-href=${args['assistantHref'] ?? ''}
      contact-href=${args['contactHref'] ?? ''}
    ></ups-enrollment>`,
  args: {
    openAccountHref: 'https://www.ups.com/us/en/business-solutions/open-account',
    country: '',
    helpHref: 'https://www.ups.com/us/en/support/billing-center',
    assistantHref: 'https://www.ups.com/us/en/support/virtual-assistant',
    contactHref: 'https://www.ups.com/us/en/support/contact-us',
  },
  argTypes: {
    openAccountHref: { control: 'text', description: 'Where someone with no UPS account yet opens one.' },
    country: { control: 'text', description: 'The country chosen at first (`US`, `FR`…).' },
    helpHref: { control: 'text', description: 'The help page (by default the provider’s `help-href`).' },
    assistantHref: { control: 'text', description: 'The virtual assistant (by default the provider’s).' },
    contactHref: { control: 'text', description: 'The contact page (by default the provider’s `contact-href`).' },
  },
};
export default meta;

type Story = StoryObj;

const SLOW = { timeout: 20_000 };
const today = () => new Date().toISOString().slice(0, 10);
let serial = 0;

/** A new account enrolled nowhere, with its printed invoices by age. */
async function freshAccount(country: 'US' | 'FR' = 'US'): Promise<{ invoices: Record<number, PrintedInvoice> }> {
  const { db } = await browserServer();
  const number = `S${country[0]}${(Date.now() % 36 ** 3).toString(36).toUpperCase().padStart(3, '0')}${++serial % 10}`;
  const account = {
    number,
    name: country === 'US' ? `Pelican Freight ${serial}` : `Atelier Mistral ${serial}`,
    country,
    currency: country === 'US' ? 'USD' : 'EUR',
  };
  const printed = await db.transaction((tx) => insertUnenrolledAccount(tx, account, today()));
  return { invoices: Object.fromEntries(printed.map((p) => [p.ageDays, p])) };
}

const invoiceOf = (context: StoryContext, age: number) =>
  (context.loaded['invoices'] as Record<number, PrintedInvoice>)[age]!;

const element = (canvas: HTMLElement) => canvas.querySelector<UpsEnrollment>('ups-enrollment')!;
const inShadow = (canvas: HTMLElement, selector: string) =>
  element(canvas).shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const textOf = (canvas: HTMLElement, selector: string) =>
  inShadow(canvas, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function stepIs(canvas: HTMLElement, step: number): Promise<void> {
  await waitFor(() => expect(textOf(canvas, '.step-of')).toMatch(new RegExp(`^(Step|Étape) ${step} `)), SLOW);
}

/** Types into a field, in the shadow root or (sign-in fields) in light DOM. */
async function fill(canvas: HTMLElement, id: string, value: string): Promise<void> {
  const el = element(canvas);
  const input = await waitFor(() => {
    const found =
      el.querySelector<HTMLInputElement>(`.ups-enrollment-credentials input[id$="-${id}"]`) ??
      inShadow(canvas, `#${id}`);
    if (!found) throw new Error(`#${id} is not on screen`);
    return found as HTMLInputElement | HTMLSelectElement;
  }, SLOW);
  input.value = value;
  input.dispatchEvent(new Event(input.localName === 'select' ? 'change' : 'input'));
  await el.updateComplete;
}

async function submit(canvas: HTMLElement): Promise<void> {
  const el = element(canvas);
  const form = el.querySelector<HTMLFormElement>('.ups-enrollment-credentials form') ?? inShadow(canvas, 'form.step');
  (form as HTMLFormElement).requestSubmit();
  await el.updateComplete;
  await waitFor(() => expect(el.matches(':state(busy)')).toBe(false), SLOW);
}

async function see(canvas: HTMLElement, selector: string, expected: string | RegExp): Promise<void> {
  await waitFor(() => expect(textOf(canvas, selector)).toMatch(expected), SLOW);
}

/** Step 1: the path ("I have a recent invoice" is the default). */
async function choosePath(canvas: HTMLElement, path: 'invoice' | 'signup'): Promise<void> {
  await stepIs(canvas, 1);
  const radio = await waitFor(() => {
    const found = inShadow(canvas, `input[name=path][value=${path}]`);
    if (!found) throw new Error('the paths are not on screen');
    return found as HTMLInputElement;
  }, SLOW);
  radio.click();
  await submit(canvas);
  await stepIs(canvas, 2);
}

async function toInvoice(canvas: HTMLElement, country: string, account: string): Promise<void> {
  await choosePath(canvas, 'invoice');
  await fill(canvas, 'country', country);
  await submit(canvas);
  await stepIs(canvas, 3);
  await fill(canvas, 'account', account);
  await submit(canvas);
  await stepIs(canvas, 4);
}

async function prove(canvas: HTMLElement, invoice: PrintedInvoice, amount = invoice.amount): Promise<void> {
  await fill(canvas, 'invoice-number', invoice.number);
  if (invoice.controlId) await fill(canvas, 'control-id', invoice.controlId);
  await fill(canvas, 'invoice-date', invoice.invoiceDate);
  await fill(canvas, 'amount', amount);
  await submit(canvas);
}

async function toUser(context: StoryContext, country: 'US' | 'FR' = 'US'): Promise<void> {
  const invoice = invoiceOf(context, 17);
  await toInvoice(context.canvasElement, country, invoice.accountNumber);
  await prove(context.canvasElement, invoice);
  await stepIs(context.canvasElement, 5);
}

async function firstUser(canvas: HTMLElement, userId: string, password = 'pelicans over the bay'): Promise<void> {
  await fill(canvas, 'name', 'Frances Founder');
  await fill(canvas, 'email', 'frances@pelican.example');
  await fill(canvas, 'user-id', userId);
  await fill(canvas, 'password', password);
  await fill(canvas, 'confirm', password);
  await submit(canvas);
}

const usAccount = [async () => freshAccount('US')];
const frAccount = [async () => freshAccount('FR')];

// ── the steps ─────────────────────────────────────────────────────────

/** Step 1: the two paths, as a radio group, and help before the user calls. */
export const Start: Story = {};

/** Without help links (no provider's, none of its own): no help aside. */
export const StartWithoutHelpLinks: Story = { args: { helpHref: '', assistantHref: '', contactHref: '' } };

/** Step 2 of the 45-day path: the account's country, and how to open a UPS account for someone who has none. */
export const Country: Story = {
  play: async ({ canvasElement }) => choosePath(canvasElement, 'invoice'),
};

/** Step 3: the account number, six letters or digits. */
export const AccountNumber: Story = {
  play: async ({ canvasElement }) => {
    await choosePath(canvasElement, 'invoice');
    await fill(canvasElement, 'country', 'US');
    await submit(canvasElement);
    await stepIs(canvasElement, 3);
  },
};

/** Step 4 in the US: invoice number, date and amount as printed, each with where to find it. No control ID. */
export const InvoiceDetails: Story = {
  loaders: usAccount,
  play: async (context) => toInvoice(context.canvasElement, 'US', invoiceOf(context, 3).accountNumber),
};

/** Step 4 in France: French invoices print a control ID, so it is asked too. */
export const InvoiceDetailsWithControlId: Story = {
  loaders: frAccount,
  play: async (context) => {
    await toInvoice(context.canvasElement, 'FR', invoiceOf(context, 3).accountNumber);
    await waitFor(() => expect(inShadow(context.canvasElement, '#control-id')).not.toBeNull(), SLOW);
  },
};

/** Step 5: the invoice proved the account; the first user, its administrator, in light-DOM fields a password manager sees. */
export const FirstUser: Story = {
  loaders: usAccount,
  play: async (context) => toUser(context),
};

/** Step 6: signed up; `ups-enrollment-complete` carries the new administrator's session (see Actions). */
export const Complete: Story = {
  loaders: usAccount,
  play: async (context) => {
    await toUser(context);
    await firstUser(context.canvasElement, `founder-${Date.now() % 1_000_000}`);
    await stepIs(context.canvasElement, 6);
    await see(context.canvasElement, '.done', /You are its administrator/);
  },
};

// ── refusals ──────────────────────────────────────────────────────────

/** A 7-character account number, refused before anything is sent. */
export const InvalidAccountNumber: Story = {
  play: async ({ canvasElement }) => {
    await choosePath(canvasElement, 'invoice');
    await fill(canvasElement, 'country', 'US');
    await submit(canvasElement);
    await stepIs(canvasElement, 3);
    await fill(canvasElement, 'account', 'H4B7R22');
    await submit(canvasElement);
    await see(canvasElement, '#account-error', en['enrollment.field.account.invalid_format']);
  },
};

/** An invoice dated 46 days ago: one day too old. */
export const InvoiceTooOld: Story = {
  loaders: usAccount,
  play: async (context) => {
    await toInvoice(context.canvasElement, 'US', invoiceOf(context, 46).accountNumber);
    await prove(context.canvasElement, invoiceOf(context, 46));
    await see(context.canvasElement, '#invoice-date-error', /more than 45 days ago/);
  },
};

/** The amount typed with a currency sign and a thousands separator: the message shows the expected form. */
export const AmountFormat: Story = {
  loaders: usAccount,
  play: async (context) => {
    const invoice = invoiceOf(context, 17);
    await toInvoice(context.canvasElement, 'US', invoice.accountNumber);
    await prove(context.canvasElement, invoice, '$1,234.56');
    await see(context.canvasElement, '#amount-error', en['enrollment.field.amount_format']);
  },
};

/** A wrong value: one uniform answer that never says which value, nor whether the account exists. */
export const Mismatch: Story = {
  loaders: usAccount,
  play: async (context) => {
    const invoice = invoiceOf(context, 17);
    await toInvoice(context.canvasElement, 'US', invoice.accountNumber);
    await prove(context.canvasElement, invoice, '1.00');
    await see(context.canvasElement, '.error-summary li', en['enrollment.error.invoice_mismatch']);
  },
};

/** Demo Co's account, proved with one of its recent invoices: refused, naming whose administrator to ask. */
export const AccountInOtherCompany: Story = {
  loaders: [
    async () => {
      const { db } = await browserServer();
      const [row] = await db.query<{ number: string; invoice_date: string; amount: number }>(
        `select number, invoice_date::text as invoice_date, amount from invoices
          where account_number = '4R7X21' and invoice_date >= current_date - 45 and amount > 0
          order by invoice_date desc limit 1`,
      );
      return { theirs: row };
    },
  ],
  play: async (context) => {
    const theirs = context.loaded['theirs'] as { number: string; invoice_date: string; amount: number };
    await toInvoice(context.canvasElement, 'US', '4R7X21');
    await prove(context.canvasElement, {
      accountNumber: '4R7X21',
      number: theirs.number,
      invoiceDate: theirs.invoice_date,
      amount: (theirs.amount / 100).toFixed(2),
      amountMinor: theirs.amount,
      currency: 'USD',
      controlId: null,
      ageDays: 0,
    });
    await see(context.canvasElement, '.error-summary li', /Ask an administrator of Demo Co to add you as a user/);
  },
};

/** A user ID someone already has (in any company): refused beside the field. */
export const UserIdTaken: Story = {
  loaders: usAccount,
  play: async (context) => {
    await toUser(context);
    await firstUser(context.canvasElement, 'admin1');
    await waitFor(
      () =>
        expect(element(context.canvasElement).querySelector('[id$="-user-id-error"]')?.textContent).toContain(
          'already taken',
        ),
      SLOW,
    );
  },
};

/** A password on every guessing list: refused beside the field, with what to do instead. */
export const WeakPassword: Story = {
  loaders: usAccount,
  play: async (context) => {
    await toUser(context);
    await firstUser(context.canvasElement, `founder-${Date.now() % 1_000_000}`, 'Password2024!');
    await waitFor(
      () =>
        expect(element(context.canvasElement).querySelector('[id$="-password-error"]')?.textContent).toContain(
          'too common',
        ),
      SLOW,
    );
  },
};

/** Five failed attempts (the loader makes them through the real limiter): locked, and the message says until when. */
export const Locked: Story = {
  loaders: [
    async () => {
      const { invoices } = await freshAccount('US');
      const invoice = invoices[3]!;
      for (let attempt = 0; attempt < 5; attempt++) {
        await browserFetch('/api/v1/enrollment/invoice-check', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            country: 'US',
            accountNumber: invoice.accountNumber,
            invoiceNumber: invoice.number,
            invoiceDate: invoice.invoiceDate,
            amount: `${attempt + 1}.00`,
          }),
        });
      }
      return { invoices };
    },
  ],
  play: async (context) => {
    const invoice = invoiceOf(context, 3);
    await toInvoice(context.canvasElement, 'US', invoice.accountNumber);
    await prove(context.canvasElement, invoice);
    await see(context.canvasElement, '.error-summary li', /you can try again after/);
  },
};

/** The whole form in French. */
export const French: Story = { globals: { locale: 'fr' } };

// ── without an invoice: a user ID, then a payment account ────────────

const newUserId = () => `newcomer-${Date.now() % 1_000_000}`;

async function createId(canvas: HTMLElement, userId: string, password = 'estuary herons fly'): Promise<void> {
  await fill(canvas, 'user-id', userId);
  await fill(canvas, 'email', `${userId}@example.com`);
  await fill(canvas, 'name', 'Nora Newcomer');
  await fill(canvas, 'password', password);
  await submit(canvas);
}

async function toCompany(canvas: HTMLElement): Promise<void> {
  await choosePath(canvas, 'signup');
  await createId(canvas, newUserId());
  await stepIs(canvas, 3);
  await waitFor(() => expect(inShadow(canvas, 'select#country')).not.toBeNull(), SLOW);
}

async function company(canvas: HTMLElement, country: string): Promise<void> {
  await fill(canvas, 'company', 'Newcomer Trading');
  await fill(canvas, 'country', country);
  await fill(canvas, 'line1', '12 Harbor Street');
  await fill(canvas, 'city', country === 'US' ? 'Savannah' : 'Lyon');
  await fill(canvas, 'postal-code', country === 'US' ? '31401' : '69002');
  if (country === 'US') await fill(canvas, 'region', 'GA');
}

async function toMethod(canvas: HTMLElement, country: string): Promise<void> {
  await toCompany(canvas);
  await company(canvas, country);
  await submit(canvas);
  await stepIs(canvas, 4);
}

async function chooseType(canvas: HTMLElement, type: 'card' | 'ach' | 'sepa' | 'paypal'): Promise<void> {
  const radio = await waitFor(() => {
    const found = inShadow(canvas, `input[name=add-type][value=${type}]`);
    if (!found) throw new Error(`${type} is not offered yet`);
    return found as HTMLInputElement;
  }, SLOW);
  radio.click();
  await element(canvas).updateComplete;
}

/**
 * Types a card into the card frame. Possible only because Storybook serves
 * the frame from its own origin, the page's: in production the frame is on
 * the billing server's origin and no script of the page can reach into it.
 */
async function fillCard(canvas: HTMLElement, number = '4242424242424242'): Promise<void> {
  const doc = await waitFor(() => {
    const loaded = inShadow(canvas, 'iframe.card-frame') as HTMLIFrameElement | null;
    const frameDoc = loaded?.contentDocument;
    if (!frameDoc?.querySelector('#postalCode')) throw new Error('the card frame has not loaded');
    return frameDoc;
  }, SLOW);
  const fields = { holder: 'Nora Newcomer', number, expiry: '1230', cvc: '123', postalCode: '31401' };
  for (const [name, value] of Object.entries(fields)) {
    const input = doc.querySelector<HTMLInputElement>(`#${name}`)!;
    input.value = value;
    input.dispatchEvent(new (doc.defaultView as typeof window).Event('input', { bubbles: true }));
  }
}

async function fillAch(canvas: HTMLElement, routing = '011000015'): Promise<void> {
  await chooseType(canvas, 'ach');
  await fill(canvas, 'holder', 'Newcomer Trading');
  await fill(canvas, 'routing', routing);
  await fill(canvas, 'account-number', '000123456789');
}

/** Step 1 with "I don't receive invoices yet" chosen: five steps instead of six. */
export const SignupChoice: Story = {
  play: async ({ canvasElement }) => {
    await stepIs(canvasElement, 1);
    (inShadow(canvasElement, 'input[name=path][value=signup]') as HTMLInputElement).click();
    await see(canvasElement, '.step-of', /of 5|sur 5/);
  },
};

/** Step 2: user ID, e-mail, name and password in light DOM (autocomplete username, email, name, new-password). */
export const SignupUserId: Story = {
  play: async ({ canvasElement }) => choosePath(canvasElement, 'signup'),
};

/** The password rules, marked as the user types: here long enough and uncommon, but containing the user ID. */
export const SignupPasswordRules: Story = {
  play: async ({ canvasElement }) => {
    await choosePath(canvasElement, 'signup');
    await fill(canvasElement, 'user-id', 'nora');
    await fill(canvasElement, 'password', 'nora-at-the-harbor');
    await waitFor(() => expect(element(canvasElement).querySelectorAll('.rules li.met').length).toBe(2), SLOW);
  },
};

/** Step 3: company, served country, billing address (a state in the US), billing contact. */
export const SignupCompany: Story = {
  play: async ({ canvasElement }) => {
    await toCompany(canvasElement);
    await company(canvasElement, 'US');
  },
};

/** Step 4 in the US: the first payment method, a card in the isolated frame (or ACH, or PayPal). */
export const SignupPaymentMethodCard: Story = {
  play: async ({ canvasElement }) => {
    await toMethod(canvasElement, 'US');
    await fillCard(canvasElement);
  },
};

/** Step 4 in France: a SEPA account, with its mandate to accept. */
export const SignupPaymentMethodSepa: Story = {
  play: async ({ canvasElement }) => {
    await toMethod(canvasElement, 'FR');
    await chooseType(canvasElement, 'sepa');
    await see(canvasElement, '.mandate', /SEPA/);
  },
};

/** Step 5: the payment account is open with a US bank account; the user administers the new company. */
export const SignupComplete: Story = {
  play: async ({ canvasElement }) => {
    await toMethod(canvasElement, 'US');
    await fillAch(canvasElement);
    await submit(canvasElement);
    await stepIs(canvasElement, 5);
    await see(canvasElement, '.done', /You are its administrator/);
  },
};

/** A signed-in user with a user ID and no company: straight to the payment account (3 steps). */
export const SignedInWithoutCompany: Story = {
  parameters: { billing: { provider: false } },
  loaders: [
    async () => {
      const userId = newUserId();
      const response = await browserFetch('/api/v1/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          userId,
          email: `${userId}@example.com`,
          name: 'Omar Later',
          password: 'tide pools at dawn',
        }),
      });
      return { token: ((await response.json()) as { token: string }).token };
    },
  ],
  render: (_args, { loaded, globals }) =>
    html`<ups-billing-provider
      locale=${String(globals['locale'] ?? 'en')}
      .fetch=${browserFetch}
      .token=${loaded['token'] as string}
      help-href="https://www.ups.com/us/en/support/billing-center"
      contact-href="https://www.ups.com/us/en/support/contact-us"
    >
      <ups-enrollment></ups-enrollment>
    </ups-billing-provider>`,
  play: async ({ canvasElement }) => {
    await see(canvasElement, '.step-of', /1 (of|sur) 3/);
    await see(canvasElement, '.signed-in', /newcomer-/);
  },
};

/** A user ID someone already has: refused beside the field, nothing created. */
export const SignupUserIdTaken: Story = {
  play: async ({ canvasElement }) => {
    await choosePath(canvasElement, 'signup');
    await createId(canvasElement, 'admin1');
    await waitFor(
      () =>
        expect(element(canvasElement).querySelector('[id$="-user-id-error"]')?.textContent).toContain('already taken'),
      SLOW,
    );
  },
};

/** A password on the server's list of common passwords (the browser's short list does not have it). */
export const SignupCommonPassword: Story = {
  play: async ({ canvasElement }) => {
    await choosePath(canvasElement, 'signup');
    await createId(canvasElement, newUserId(), 'leavemealone');
    await waitFor(
      () =>
        expect(element(canvasElement).querySelector('[id$="-password-error"]')?.textContent).toContain('too common'),
      SLOW,
    );
  },
};

/** A password that contains the user ID: refused before anything is sent. */
export const SignupPasswordContainsUserId: Story = {
  play: async ({ canvasElement }) => {
    await choosePath(canvasElement, 'signup');
    await createId(canvasElement, 'nora-weak', 'nora-weak-and-tired');
    await waitFor(
      () =>
        expect(element(canvasElement).querySelector('[id$="-password-error"]')?.textContent).toBe(
          en['enrollment.field.password_contains_user_id'],
        ),
      SLOW,
    );
  },
};

/** A host that preset a country the billing center does not serve (Norway): the server says so at the field. */
export const SignupCountryNotServed: Story = {
  args: { country: 'NO' },
  play: async ({ canvasElement }) => {
    await toMethod(canvasElement, 'NO');
    await fillCard(canvasElement);
    await submit(canvasElement);
    await see(canvasElement, '#country-error', en['enrollment.field.not_served']);
  },
};

/** A card number that fails its check digit: the frame's message, linked into the frame. */
export const SignupCardInvalid: Story = {
  play: async ({ canvasElement }) => {
    await toMethod(canvasElement, 'US');
    await fillCard(canvasElement, '4242424242424241');
    await submit(canvasElement);
    await see(canvasElement, '.error-summary', /Card number/);
  },
};

/** A routing number that fails its checksum: refused before anything is sent. */
export const SignupBankAccountInvalid: Story = {
  play: async ({ canvasElement }) => {
    await toMethod(canvasElement, 'US');
    await fillAch(canvasElement, '123456789');
    await submit(canvasElement);
    await see(canvasElement, '.error-summary', /Routing number/);
  },
};

/** The sign-up path in French. */
export const SignupFrench: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => choosePath(canvasElement, 'signup'),
};

/** French, on the invoice step of a French account, with the amount typed with a thousands separator. */
export const FrenchAmountFormat: Story = {
  globals: { locale: 'fr' },
  loaders: frAccount,
  play: async (context) => {
    const invoice = invoiceOf(context, 17);
    await toInvoice(context.canvasElement, 'FR', invoice.accountNumber);
    await prove(context.canvasElement, invoice, '1 234,56');
    await see(context.canvasElement, '#amount-error', /sans symbole monétaire/);
  },
};

// ── loading, errors, theme ────────────────────────────────────────────

/** The sign-up path's user ID, filled in and sent, without waiting for the answer. */
async function sendUserId(canvas: HTMLElement): Promise<void> {
  await choosePath(canvas, 'signup');
  await fill(canvas, 'user-id', newUserId());
  await fill(canvas, 'email', 'nora@example.com');
  await fill(canvas, 'name', 'Nora Newcomer');
  await fill(canvas, 'password', 'estuary herons fly');
  const el = element(canvas);
  const form = el.querySelector<HTMLFormElement>('.ups-enrollment-credentials form') ?? inShadow(canvas, 'form.step');
  (form as HTMLFormElement).requestSubmit();
}

/** Creating the user ID (the server does not answer): the step is busy, and says so. */
export const Loading: Story = {
  parameters: { billing: { user: null, fetch: stalling('/signup') } },
  play: async ({ canvasElement }) => {
    await sendUserId(canvasElement);
    await waitFor(() => expect(element(canvasElement).matches(':state(busy)')).toBe(true), SLOW);
    await waitFor(() => expect(inShadow(canvasElement, 'section[aria-busy=true]')).not.toBeNull(), SLOW);
  },
};

/** Creating the user ID failed on the server: the reason in the summary, still on step 2 with what was typed. */
export const ServerError: Story = {
  parameters: { billing: { user: null, fetch: failing('/signup', 503) } },
  play: async ({ canvasElement }) => {
    await sendUserId(canvasElement);
    await waitFor(() => expect(inShadow(canvasElement, '.error-summary')).not.toBeNull(), SLOW);
    await stepIs(canvasElement, 2);
  },
};

/** Dark, on the sign-up path's company step. */
export const Dark: Story = { ...SignupCompany, globals: { theme: 'dark' } };
