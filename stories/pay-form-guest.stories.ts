import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { Invoice } from '../src/api/schemas/invoice.js';
import en from '../src/locales/en/pay-form.js';
import '../src/ups-pay-form.js';
import { browserFetch, failing, stalling } from './support/browser-server.js';
import {
  payable,
  byCard,
  cart,
  payElsewhere,
  paper,
  guestInvoice,
  ROUTING,
  IBAN,
  CARDS,
  payForm,
  find,
  see,
  chooseMethod,
  typeInto,
  fillCard,
  submit,
  pay,
  identify,
  loadedPaper,
  payFormMeta,
} from './support/pay-form.js';

/**
 * Every story is a real flow against the in-page reference server: carts are
 * the seeded invoices the API lists, cards are tokenized by the real card
 * frame (served by Storybook beside the preview: .storybook/card-frame.ts),
 * and payments go through the real payment code and the test gateway, whose
 * test card numbers decide the outcome (server/payments/test-gateway.ts).
 *
 * The database lives as long as the preview page: a story that pays takes
 * its invoices out of the pool, and the next story picks others.
 */
const meta: Meta = {
  title: 'Elements/Pay form (guest)',
  component: 'ups-pay-form',
  ...payFormMeta,
  args: { ...payFormMeta.args, guest: true },
  parameters: { ...payFormMeta.parameters, billing: { user: null } },
};
export default meta;

type Story = StoryObj;

// ── guest ─────────────────────────────────────────────────────────────

/** A guest finds their invoice: account number, invoice number, and the amount due or the invoice date. */
export const GuestIdentify: Story = {};

/** The identify step checked before anything is sent: the summary links to each field. */
export const GuestInvalidInput: Story = {
  play: async ({ canvasElement }) => {
    const form = payForm(canvasElement);
    await typeInto(form, 'amount', '$1,234.56');
    await submit(form);
    await see(form, '.error-summary', en['payForm.field.amount_format']);
  },
};

/**
 * A real invoice with a wrong amount: the answer is the same whichever value
 * was wrong, so the form cannot be used to guess account or invoice numbers.
 */
export const GuestMismatch: Story = {
  loaders: [
    async () => guestInvoice((i) => payable(i) && i.amountDue.currency === 'USD' && i.type === 'delivery_service'),
  ],
  play: async (context) => {
    const form = payForm(context.canvasElement);
    await identify(form, loadedPaper(context), 'amount', '1.00');
    await see(form, '.error-summary', en['payForm.error.identification_failed']);
  },
};

/**
 * Too many failed lookups for one invoice (the loader makes them, through
 * the real limiter): the server answers 429 with Retry-After, and the form
 * counts down before the payer may try again. (A paid freight invoice: no
 * other story looks one up, so none of them meets the limit.)
 */
export const GuestRateLimited: Story = {
  loaders: [
    async () => {
      const { paper } = await guestInvoice((i) => i.type === 'freight', { status: 'paid' });
      for (let attempt = 0; attempt < 10; attempt++) {
        const response = await browserFetch('/api/v1/guest/invoice-lookup', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ accountNumber: paper.account, invoiceNumber: paper.number, amountDue: 1 }),
        });
        if (response.status === 429) break;
      }
      return { paper };
    },
  ],
  play: async (context) => {
    const form = payForm(context.canvasElement);
    await identify(form, loadedPaper(context));
    await see(form, '.error-summary', /Too many attempts\. Try again in \d+ seconds?\./);
  },
};

/** Found: the invoice in a sentence, the ways to pay of its country, an optional e-mail for the receipt. */
export const GuestFound: Story = {
  loaders: [async () => guestInvoice((i) => byCard(i) && i.amountDue.currency === 'USD')],
  play: async (context) => {
    const form = payForm(context.canvasElement);
    await identify(form, loadedPaper(context));
    await chooseMethod(form, 'credit_card');
    await find(form, 'iframe.card-frame');
  },
};

/** Paid by card as a guest: the receipt, and an invitation to sign up (`enrol-href`). */
export const GuestReceipt: Story = {
  loaders: [async () => guestInvoice((i) => byCard(i) && i.amountDue.currency === 'USD' && i.status === 'past_due')],
  play: async (context) => {
    const form = payForm(context.canvasElement);
    await identify(form, loadedPaper(context));
    await chooseMethod(form, 'credit_card');
    await fillCard(form, CARDS.approved);
    await typeInto(form, 'email', 'accounts@example.com');
    await submit(form);
    await pay(form);
    await see(form, '.receipt h3', en['payForm.receipt.title']);
    await find(form, '.receipt .enrol a');
  },
};

/** A French account's invoice, found by its date: SEPA direct debit with its mandate, IBAN checked as typed. */
export const GuestSepa: Story = {
  loaders: [async () => guestInvoice((i) => payable(i) && i.amountDue.currency === 'EUR')],
  play: async (context) => {
    const form = payForm(context.canvasElement);
    await identify(form, loadedPaper(context), 'date');
    await chooseMethod(form, 'sepa');
    await typeInto(form, 'holder', 'Demo Co France');
    await typeInto(form, 'iban', IBAN);
    await find(form, '.mandate');
  },
};

/** A US invoice: a new bank account (ACH), routing number checked before it is sent. */
export const GuestAch: Story = {
  loaders: [async () => guestInvoice((i) => payable(i) && i.amountDue.currency === 'USD' && i.type === 'import')],
  play: async (context) => {
    const form = payForm(context.canvasElement);
    await identify(form, loadedPaper(context));
    await chooseMethod(form, 'ach');
    await typeInto(form, 'holder', 'Demo Co');
    await typeInto(form, 'routing', '011000016');
    await typeInto(form, 'account-number', '000123456789');
    await submit(form);
    await see(form, '.error-summary', en['payForm.field.routing_number_invalid']);
  },
};

/**
 * The guest found an unpaid invoice, then someone paid it before the guest
 * did (the play pays it through the API): the server refuses the second
 * payment as already paid.
 */
export const GuestAlreadyPaid: Story = {
  loaders: [
    async () => {
      const [invoice] = await cart(
        'admin1',
        (i) => payable(i) && i.amountDue.currency === 'USD' && i.type === 'freight',
        1,
      );
      return { paper: paper(invoice), invoice };
    },
  ],
  play: async (context) => {
    const form = payForm(context.canvasElement);
    await identify(form, loadedPaper(context));
    await chooseMethod(form, 'ach');
    await payElsewhere('admin1', [context.loaded['invoice'] as Invoice]);
    await typeInto(form, 'holder', 'Demo Co');
    await typeInto(form, 'routing', ROUTING);
    await typeInto(form, 'account-number', '000123456789');
    await submit(form);
    await pay(form);
    await see(form, '.error-summary', en['payForm.error.already_paid']);
  },
};

/** An invoice already paid in full, found by its date: nothing is due on it, and Back returns to the search. */
export const GuestPaidInvoice: Story = {
  loaders: [async () => guestInvoice((i) => i.type !== 'freight' && i.amount.currency === 'USD', { status: 'paid' })],
  play: async (context) => {
    const form = payForm(context.canvasElement);
    await identify(form, loadedPaper(context), 'date');
    await see(form, '.notice', /nothing left to pay/);
  },
};

/** The guest form in French. */
export const GuestFrench: Story = { globals: { locale: 'fr' } };

/** Looking the invoice up (the server does not answer): the form is busy, and says so. */
export const GuestLoading: Story = {
  parameters: { billing: { user: null, fetch: stalling('/guest/invoice-lookup') } },
  loaders: [async () => guestInvoice((i) => byCard(i) && i.amountDue.currency === 'USD')],
  play: async (context) => {
    const form = payForm(context.canvasElement);
    await identify(form, loadedPaper(context));
    await waitFor(() => expect(form.matches(':state(busy)')).toBe(true), { timeout: 20_000 });
    await find(form, 'section[aria-busy=true]');
  },
};

/** The lookup failed on the server: the reason in the summary, nothing lost from the fields. */
export const GuestServerError: Story = {
  parameters: { billing: { user: null, fetch: failing('/guest/invoice-lookup', 503) } },
  loaders: [async () => guestInvoice((i) => byCard(i) && i.amountDue.currency === 'USD')],
  play: async (context) => {
    const form = payForm(context.canvasElement);
    const invoice = loadedPaper(context);
    await identify(form, invoice);
    await find(form, '.error-summary');
    await expect((await find<HTMLInputElement>(form, '#invoice')).value).toBe(invoice.number);
  },
};

/** Dark. */
export const GuestDark: Story = { globals: { theme: 'dark' } };
