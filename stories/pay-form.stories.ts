import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { Invoice } from '../src/api/schemas/invoice.js';
import en from '../src/locales/en/pay-form.js';
import '../src/ups-pay-form.js';
import { browserFetch, failing, tokenFor, withTransport } from './support/browser-server.js';
import {
  payable,
  byCard,
  usd,
  notDueYet,
  dueByCard,
  laterByCard,
  cart,
  cartWithCredit,
  mixedCart,
  payElsewhere,
  ROUTING,
  CARDS,
  SLOW,
  payForm,
  find,
  see,
  chooseMethod,
  typeInto,
  fillCard,
  submit,
  pay,
  reviewWithCard,
  declinedBy,
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
  title: 'Elements/Pay form',
  component: 'ups-pay-form',
  ...payFormMeta,
};
export default meta;

type Story = StoryObj;

// ── signed in ─────────────────────────────────────────────────────────

/**
 * A cart of open invoices not due yet: the payer may pick a processing date
 * from today until the earliest due date.
 */
export const Cart: Story = {
  loaders: [async () => ({ invoices: await cart('admin1', laterByCard) })],
};

/** A credit note in the cart: it offsets the invoices, and the total is what is left to pay. */
export const CartWithCredit: Story = {
  loaders: [async () => ({ invoices: await cartWithCredit('admin1') })],
};

/** Credits only: the total is not positive, so there is nothing to pay, said before any card is typed. */
export const CreditsCoverCart: Story = {
  loaders: [async () => ({ invoices: await cart('admin1', (i) => i.amountDue.amount < 0, 2) })],
};

/**
 * Delivery invoices with an import invoice (duties and taxes): card and
 * PayPal cannot pay imports (server/payments/payment-types.json), so they are
 * offered disabled, naming the invoice; a bank account pays the whole cart.
 */
export const MixedCart: Story = {
  loaders: [async () => ({ invoices: await mixedCart('admin1') })],
};

/** A card typed in the isolated frame, then the review step: the method as brand and last four digits. */
export const Review: Story = {
  loaders: [async () => ({ invoices: await cart('admin1', dueByCard, 2) })],
  play: async ({ canvasElement }) => {
    const form = payForm(canvasElement);
    await reviewWithCard(form, CARDS.approved);
    await see(form, '.review dl', 'Visa •••• 4242');
  },
};

/** Paid by card: the receipt with its confirmation number. */
export const Receipt: Story = {
  loaders: [async () => ({ invoices: await cart('admin1', dueByCard, 2) })],
  play: async ({ canvasElement }) => {
    const form = payForm(canvasElement);
    await reviewWithCard(form, CARDS.approved);
    await pay(form);
    await see(form, '.receipt h3', en['payForm.receipt.title']);
    await find(form, '.receipt .confirmation dd');
  },
};

/**
 * Invoices not due yet, paid by a new bank account (ACH) on the last
 * processing date allowed: "Schedule … for …", then a receipt saying scheduled.
 */
export const Scheduled: Story = {
  loaders: [async () => ({ invoices: await cart('admin1', (i) => usd(i) && payable(i) && notDueYet(i), 2) })],
  play: async ({ canvasElement }) => {
    const form = payForm(canvasElement);
    const date = await find<HTMLInputElement>(form, '#processing-date');
    date.value = date.max;
    date.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await chooseMethod(form, 'ach');
    await typeInto(form, 'holder', 'Demo Co Accounts Payable');
    await typeInto(form, 'routing', ROUTING);
    await typeInto(form, 'account-number', '000123456789');
    await submit(form);
    await see(form, '.review', en['payForm.schedule'].split(' ')[0]!);
    await pay(form);
    await see(form, '.receipt h3', en['payForm.receipt.scheduled']);
  },
};

/** The card frame checks its own fields; the form's error summary lists them and links into the frame. */
export const CardFieldErrors: Story = {
  loaders: [async () => ({ invoices: await cart('admin1', dueByCard, 1) })],
  play: async ({ canvasElement }) => {
    const form = payForm(canvasElement);
    await chooseMethod(form, 'credit_card');
    await fillCard(form, '4242 4242 4242 4241');
    await submit(form);
    await see(form, '.error-summary', en['payForm.card.number_invalid']);
  },
};

/** Test card 4000 0000 0000 9995: declined for insufficient funds; the payer is back on details to choose again. */
export const DeclinedInsufficientFunds: Story = {
  loaders: [async () => ({ invoices: await cart('admin1', dueByCard, 1) })],
  play: declinedBy(CARDS.insufficientFunds, en['payForm.error.declined_insufficient_funds']),
};

/** Test card 4000 0000 0000 0069: the issuer says the card has expired. */
export const DeclinedExpiredCard: Story = {
  loaders: [async () => ({ invoices: await cart('admin1', dueByCard, 1) })],
  play: declinedBy(CARDS.expiredCard, en['payForm.error.declined_expired_card']),
};

/** Test card 4000 0000 0000 0002: "do not honor", the issuer's refusal without a reason. */
export const DeclinedDoNotHonor: Story = {
  loaders: [async () => ({ invoices: await cart('admin1', dueByCard, 1) })],
  play: declinedBy(CARDS.doNotHonor, en['payForm.error.declined_do_not_honor']),
};

/** Test card 4000 0000 0000 0119: the gateway does not answer; nothing was charged, the payer may try again. */
export const GatewayUnavailable: Story = {
  loaders: [async () => ({ invoices: await cart('admin1', dueByCard, 1) })],
  play: declinedBy(CARDS.gatewayFails, en['payForm.error.gateway_unavailable']),
};

/**
 * Someone else paid the invoice while this form was open (the loader pays it
 * through the API): the server refuses the second payment with
 * `already_paid`, the form takes the invoice out of the cart and says which,
 * and nothing is charged twice.
 */
export const AlreadyPaid: Story = {
  loaders: [
    async () => {
      const invoices = await cart('admin1', dueByCard, 1);
      await payElsewhere('admin1', invoices);
      return { invoices };
    },
  ],
  play: async ({ canvasElement, loaded }) => {
    const form = payForm(canvasElement);
    await reviewWithCard(form, CARDS.approved);
    await pay(form);
    // The form names the invoice and takes it out of the cart.
    await see(form, '.error-summary', (loaded['invoices'] as Invoice[])[0]!.number);
    await see(form, '.error-summary', /already paid/);
  },
};

/** French, a French account's cart in euros, with the card frame in French too. */
export const French: Story = {
  globals: { locale: 'fr' },
  loaders: [async () => ({ invoices: await cart('admin1', (i) => byCard(i) && i.amountDue.currency === 'EUR', 2) })],
  play: async ({ canvasElement }) => {
    const form = payForm(canvasElement);
    await chooseMethod(form, 'card');
    const frame = await find<HTMLIFrameElement>(form, 'iframe.card-frame');
    const label = await waitFor(() => {
      const text = frame.contentDocument?.querySelector('label[for=number]')?.textContent;
      if (!text) throw new Error('the card frame has not loaded');
      return text;
    }, SLOW);
    await expect(label).toBe('Numéro de carte');
  },
};

/** Payment options on their way (the server is slowed down). */
export const Loading: Story = {
  parameters: { billing: { fetch: withTransport({ delay: 3_600_000 }) } },
  loaders: [async () => ({ invoices: await cart('admin1', laterByCard) })],
};

/** Nothing in the cart. */
export const Empty: Story = {};

/** Nobody is signed in (and the form is not a guest form). */
export const SignedOut: Story = {
  parameters: { billing: { user: null } },
  loaders: [async () => ({ invoices: await cart('admin1', laterByCard) })],
};

// ── roles, errors, theme ──────────────────────────────────────────────

/** The invoice as `userId` reads it from the API after paying: its amount due and status. */
async function invoiceNow(userId: string, number: string): Promise<Invoice> {
  const response = await browserFetch(`/api/v1/invoices/${number}`, {
    headers: { authorization: `Bearer ${await tokenFor(userId)}` },
  });
  return (await response.json()) as Invoice;
}

/**
 * A payer pays a past-due invoice by card: review, Pay, then the receipt
 * with its confirmation number, and the invoice has nothing left to pay.
 */
export const PayerPays: Story = {
  parameters: { billing: { user: 'payer1' } },
  loaders: [async () => ({ invoices: await cart('payer1', dueByCard, 1) })],
  play: async ({ canvasElement, loaded }) => {
    const [invoice] = loaded['invoices'] as Invoice[];
    await expect(invoice).toBeDefined();
    const form = payForm(canvasElement);
    await reviewWithCard(form, CARDS.approved);
    await pay(form);
    await see(form, '.receipt h3', en['payForm.receipt.title']);
    const confirmation = await find(form, '.receipt .confirmation dd');
    await expect(confirmation.textContent?.trim()).not.toBe('');
    const after = await invoiceNow('payer1', invoice!.number);
    await expect(after.amountDue.amount).toBe(0);
  },
};

/** An administrator's cart: any account of the company. */
export const AsAdministrator: Story = { ...Cart, parameters: { billing: { user: 'admin1' } } };

/** A manager's cart, from the account it manages. */
export const AsManager: Story = {
  parameters: { billing: { user: 'manager1' } },
  loaders: [async () => ({ invoices: await cart('manager1', laterByCard) })],
};

/** A viewer's cart: a viewer may see invoices but not pay them. */
export const AsViewer: Story = {
  parameters: { billing: { user: 'viewer1' } },
  loaders: [async () => ({ invoices: await cart('viewer1', byCard) })],
};

/** The ways to pay could not be loaded: the reason, and Try again. */
export const ServerError: Story = {
  parameters: { billing: { fetch: failing('/payment-types', 503) } },
  loaders: [async () => ({ invoices: await cart('admin1', laterByCard) })],
};

/** Dark. */
export const Dark: Story = { ...Cart, globals: { theme: 'dark' } };
