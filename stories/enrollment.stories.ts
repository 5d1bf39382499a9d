import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, waitFor } from 'storybook/test';
import { insertUnenrolledAccount, type PrintedInvoice } from '../server/db/seed-unenrolled.js';
import en from '../src/locales/en/enrollment.js';
import '../src/ups-enrollment.js';
import type { UpsEnrollment } from '../src/ups-enrollment.js';
import { browserFetch, browserServer } from './support/browser-server.js';

/**
 * Every story signs up against the in-page reference server, with nobody
 * signed in (a public sign-up page). Each story that proves an invoice gets
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
    ></ups-enrollment>`,
  args: { openAccountHref: 'https://www.ups.com/us/en/business-solutions/open-account', country: '' },
  argTypes: {
    openAccountHref: { control: 'text', description: 'Where someone with no UPS account yet opens one.' },
    country: { control: 'text', description: 'The country chosen at first (`US`, `FR`…).' },
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

async function toInvoice(canvas: HTMLElement, country: string, account: string): Promise<void> {
  await stepIs(canvas, 1);
  await fill(canvas, 'country', country);
  await submit(canvas);
  await stepIs(canvas, 2);
  await fill(canvas, 'account', account);
  await submit(canvas);
  await stepIs(canvas, 3);
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
  await stepIs(context.canvasElement, 4);
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

/** Step 1: the account's country, and how to open a UPS account for someone who has none. */
export const Country: Story = {};

/** Step 2: the account number, six letters or digits. */
export const AccountNumber: Story = {
  play: async ({ canvasElement }) => {
    await stepIs(canvasElement, 1);
    await fill(canvasElement, 'country', 'US');
    await submit(canvasElement);
    await stepIs(canvasElement, 2);
  },
};

/** Step 3 in the US: invoice number, date and amount as printed, each with where to find it. No control ID. */
export const InvoiceDetails: Story = {
  loaders: usAccount,
  play: async (context) => toInvoice(context.canvasElement, 'US', invoiceOf(context, 3).accountNumber),
};

/** Step 3 in France: French invoices print a control ID, so it is asked too. */
export const InvoiceDetailsWithControlId: Story = {
  loaders: frAccount,
  play: async (context) => {
    await toInvoice(context.canvasElement, 'FR', invoiceOf(context, 3).accountNumber);
    await waitFor(() => expect(inShadow(context.canvasElement, '#control-id')).not.toBeNull(), SLOW);
  },
};

/** Step 4: the invoice proved the account; the first user, its administrator, in light-DOM fields a password manager sees. */
export const FirstUser: Story = {
  loaders: usAccount,
  play: async (context) => toUser(context),
};

/** Step 5: signed up; `ups-enrollment-complete` carries the new administrator's session (see Actions). */
export const Complete: Story = {
  loaders: usAccount,
  play: async (context) => {
    await toUser(context);
    await firstUser(context.canvasElement, `founder-${Date.now() % 1_000_000}`);
    await stepIs(context.canvasElement, 5);
    await see(context.canvasElement, '.done', /You are its administrator/);
  },
};

// ── refusals ──────────────────────────────────────────────────────────

/** A 7-character account number, refused before anything is sent. */
export const InvalidAccountNumber: Story = {
  play: async ({ canvasElement }) => {
    await stepIs(canvasElement, 1);
    await fill(canvasElement, 'country', 'US');
    await submit(canvasElement);
    await stepIs(canvasElement, 2);
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
