import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Invoice } from '../src/api/schemas/invoice.js';
import en from '../src/locales/en/pay-form.js';
import fr from '../src/locales/fr/pay-form.js';
import '../src/ups-pay-form.js';
import type { UpsPayForm } from '../src/ups-pay-form.js';
import { browserFetch, tokenFor, withTransport } from './support/browser-server.js';

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
  decorators: [withActions],
  parameters: {
    actions: { handles: ['ups-payment-submit', 'ups-payment-success', 'ups-payment-error'] },
  },
  loaders: [
    async () => {
      forgetAttemptsOnce();
      return {};
    },
  ],
  render: (args, { loaded }) =>
    html`<ups-pay-form
      ?guest=${Boolean(args['guest'])}
      enrol-href=${args['enrolHref'] ?? ''}
      .invoices=${(loaded['invoices'] as Invoice[] | undefined) ?? []}
    ></ups-pay-form>`,
  args: { guest: false, enrolHref: 'https://www.ups.com/billing/enrol' },
  argTypes: {
    guest: { control: 'boolean', description: 'Pay one invoice without signing in.' },
    enrolHref: { control: 'text', description: 'Where the guest receipt’s sign-up link goes.' },
  },
};
export default meta;

type Story = StoryObj;

// ── data: real invoices from the in-page server ───────────────────────

const today = () => new Date().toISOString().slice(0, 10);
const payable = (i: Invoice) => i.amountDue.amount > 0 && !i.inDispute;
const byCard = (i: Invoice) => payable(i) && i.type !== 'import';
/** US accounts: credit and debit cards, ACH and PayPal (French ones: card, SEPA, PayPal). */
const usd = (i: Invoice) => i.amountDue.currency === 'USD';
const notDueYet = (i: Invoice) => i.status === 'open' && i.dueDate > today();
/** What most signed-in stories pay: a US account's invoices a card can pay, already due (so today only), or not yet. */
const dueByCard = (i: Invoice) => usd(i) && byCard(i) && i.status === 'past_due';
const laterByCard = (i: Invoice) => usd(i) && byCard(i) && notDueYet(i);

/** `userId`'s invoices as the API lists them (outstanding unless `query` says otherwise). */
async function invoicesOf(userId: string, query: Record<string, string> = {}): Promise<Invoice[]> {
  const params = new URLSearchParams({
    status: 'outstanding',
    pageSize: '200',
    sort: 'dueDate',
    order: 'asc',
    ...query,
  });
  const response = await browserFetch(`/api/v1/invoices?${params}`, {
    headers: { authorization: `Bearer ${await tokenFor(userId)}` },
  });
  return ((await response.json()) as { items: Invoice[] }).items;
}

/**
 * A cart as the invoice table would hand it over: invoices of one account
 * (the one with the most that match), at most `count` of them.
 */
async function cart(userId: string, match: (invoice: Invoice) => boolean, count = 3): Promise<Invoice[]> {
  const groups = new Map<string, Invoice[]>();
  for (const invoice of (await invoicesOf(userId)).filter(match)) {
    groups.set(invoice.accountNumber, [...(groups.get(invoice.accountNumber) ?? []), invoice]);
  }
  const best = [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return best.slice(0, count);
}

/** A cart where one invoice's credit offsets part of the others. */
async function cartWithCredit(userId: string): Promise<Invoice[]> {
  const all = await invoicesOf(userId);
  // Dollars first, like the other English stories.
  const credits = all
    .filter((i) => i.amountDue.amount < 0)
    .sort((a, b) => Number(a.amountDue.currency !== 'USD') - Number(b.amountDue.currency !== 'USD'));
  for (const credit of credits) {
    const debits = all
      .filter((i) => i.accountNumber === credit.accountNumber && byCard(i))
      .sort((a, b) => b.amountDue.amount - a.amountDue.amount);
    const picked: Invoice[] = [];
    for (const debit of debits) {
      picked.push(debit);
      if (picked.reduce((sum, i) => sum + i.amountDue.amount, credit.amountDue.amount) > 0) {
        return [credit, ...picked];
      }
    }
  }
  return [];
}

/** Delivery invoices and one import invoice of the same account: card and PayPal cannot pay the import. */
async function mixedCart(userId: string): Promise<Invoice[]> {
  const all = (await invoicesOf(userId)).filter(payable);
  for (const imported of all.filter((i) => i.type === 'import' && i.amountDue.currency === 'USD')) {
    const others = all.filter((i) => i.accountNumber === imported.accountNumber && i.type !== 'import');
    if (others.length) return [...others.slice(0, 2), imported];
  }
  return [];
}

let attemptsForgotten = false;

/**
 * The pay form keeps an unanswered payment attempt in sessionStorage and
 * sends it again when the same cart comes back (src/elements/pay-form/pay-form-attempt.ts).
 * sessionStorage outlives the page, the in-page database does not: once per
 * page load, forget attempts made against an earlier database.
 */
function forgetAttemptsOnce(): void {
  if (attemptsForgotten) return;
  attemptsForgotten = true;
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('ups-pay-attempt:')) sessionStorage.removeItem(key);
}

/** A real payment through the API, made outside the form (a colleague, another tab): ACH, today. */
async function payElsewhere(userId: string, invoices: Invoice[]): Promise<void> {
  const json = { 'content-type': 'application/json' };
  const auth = { authorization: `Bearer ${await tokenFor(userId)}` };
  const bank = await browserFetch('/api/v1/bank-tokens', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      type: 'ach',
      holder: 'A. Colleague',
      routingNumber: ROUTING,
      accountNumber: '000123456789',
    }),
  });
  const { token } = (await bank.json()) as { token: string };
  const payment = await browserFetch('/api/v1/payments', {
    method: 'POST',
    headers: { ...json, ...auth, 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      invoices: invoices.map((i) => ({ number: i.number, amount: i.amountDue.amount })),
      processingDate: today(),
      source: { token },
    }),
  });
  if (!payment.ok) throw new Error(`The payment made elsewhere failed: ${await payment.text()}`);
}

/** What a guest copies from a paper invoice. */
interface PaperInvoice {
  account: string;
  number: string;
  amount: string;
  date: string;
}

const paper = (invoice: Invoice | undefined): PaperInvoice => ({
  account: invoice?.accountNumber ?? 'A10001',
  number: invoice?.number ?? 'NOT-FOUND',
  amount: ((invoice?.amountDue.amount ?? 0) / 100).toFixed(2),
  date: invoice?.invoiceDate ?? today(),
});

/** An invoice a guest holds, picked from the administrator's list. */
async function guestInvoice(match: (invoice: Invoice) => boolean, query: Record<string, string> = {}) {
  return { paper: paper((await invoicesOf('admin1', query)).find(match)) };
}

// ── interaction: what a payer does ────────────────────────────────────

/** The bank details and cards of the test gateway (server/payments/test-gateway.ts). */
const ROUTING = '011000015';
const IBAN = 'FR76 3000 6000 0112 3456 7890 189';
const CARDS = {
  approved: '4242 4242 4242 4242',
  insufficientFunds: '4000 0000 0000 9995',
  expiredCard: '4000 0000 0000 0069',
  doNotHonor: '4000 0000 0000 0002',
  gatewayFails: '4000 0000 0000 0119',
} as const;

const SLOW = { timeout: 20_000 };

function payForm(canvas: HTMLElement): UpsPayForm {
  return canvas.querySelector('ups-pay-form')!;
}

/** Waits for `selector` in the form's shadow root (the in-page server answers in a few ms, its first start in seconds). */
function find<T extends Element = HTMLElement>(form: UpsPayForm, selector: string): Promise<T> {
  return waitFor(() => {
    const found = form.shadowRoot?.querySelector<T>(selector);
    if (!found) throw new Error(`${selector} is not in <ups-pay-form> yet`);
    return found;
  }, SLOW);
}

/** The text of the form's step header, summary, notices… once it contains `text`. */
async function see(form: UpsPayForm, selector: string, text: string | RegExp): Promise<void> {
  const matches = (found: string) => (typeof text === 'string' ? found.includes(text) : text.test(found));
  const found = await waitFor(() => {
    const content = form.shadowRoot?.querySelector(selector)?.textContent ?? '';
    if (!matches(content)) throw new Error(`${selector} does not say ${text} yet`);
    return content;
  }, SLOW);
  await expect(found).toMatch(text);
}

/** The radio of a way of paying, by its label in either locale. */
async function chooseMethod(form: UpsPayForm, type: 'credit_card' | 'card' | 'ach' | 'sepa' | 'paypal') {
  const key = `payForm.method.${type}` as const;
  const labels = [en[key], fr[key]];
  await find(form, 'fieldset.methods');
  const label = [...form.shadowRoot!.querySelectorAll<HTMLLabelElement>('fieldset.methods label.choice')].find((l) =>
    labels.some((text) => l.textContent?.includes(text)),
  );
  await userEvent.click(label!.querySelector('input')!);
}

async function typeInto(form: UpsPayForm, id: string, value: string) {
  // Fields start empty (userEvent.clear cannot focus into a shadow root: it compares document.activeElement).
  await userEvent.type(await find<HTMLInputElement>(form, `#${id}`), value);
}

/**
 * Types a card into the card frame. Possible only because Storybook serves
 * the frame from its own origin, the page's: in production the frame is on
 * the billing server's origin and no script of the page can reach into it.
 */
async function fillCard(form: UpsPayForm, number: string) {
  const frame = await find<HTMLIFrameElement>(form, 'iframe.card-frame');
  const doc = await waitFor(() => {
    const loaded = frame.contentDocument;
    if (!loaded?.querySelector('#postalCode')) throw new Error('the card frame has not loaded');
    return loaded;
  }, SLOW);
  const fields = { holder: 'Alex Morgan', number, expiry: '1230', cvc: '123', postalCode: '30301' };
  for (const [name, value] of Object.entries(fields)) {
    const input = doc.querySelector<HTMLInputElement>(`#${name}`)!;
    input.value = value;
    // The frame's own formatting listens to `input` (groups of four, MM / YY).
    input.dispatchEvent(new (doc.defaultView as typeof window).Event('input', { bubbles: true }));
  }
}

const submit = async (form: UpsPayForm) => userEvent.click(await find(form, 'form.step button[type=submit]'));
const pay = async (form: UpsPayForm) => userEvent.click(await find(form, '.review .button.primary'));

/** Details → review with a new card. */
async function reviewWithCard(form: UpsPayForm, number: string) {
  await chooseMethod(form, 'credit_card');
  await fillCard(form, number);
  await submit(form);
  await find(form, '.review');
}

/** Details → review → pay with a card the test gateway declines; the form is back on details, saying why. */
function declinedBy(number: string, message: string): Story['play'] {
  return async ({ canvasElement }) => {
    const form = payForm(canvasElement);
    await reviewWithCard(form, number);
    await pay(form);
    await see(form, '.error-summary', message);
    await find(form, 'fieldset.methods');
  };
}

/** The guest identify step, filled in and sent. */
async function identify(form: UpsPayForm, invoice: PaperInvoice, by: 'amount' | 'date' = 'amount', amount?: string) {
  await typeInto(form, 'account', invoice.account);
  await typeInto(form, 'invoice', invoice.number);
  if (by === 'date') {
    await userEvent.click(form.shadowRoot!.querySelector<HTMLInputElement>('input[name=by][value=date]')!);
    const date = await find<HTMLInputElement>(form, '#date');
    date.value = invoice.date;
    date.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  } else {
    await typeInto(form, 'amount', amount ?? invoice.amount);
  }
  await submit(form);
}

const loadedPaper = (context: StoryContext) => context.loaded['paper'] as PaperInvoice;

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

// ── guest ─────────────────────────────────────────────────────────────

const guest = { args: { guest: true }, parameters: { billing: { user: null } } } satisfies Story;

/** A guest finds their invoice: account number, invoice number, and the amount due or the invoice date. */
export const GuestIdentify: Story = { ...guest };

/** The identify step checked before anything is sent: the summary links to each field. */
export const GuestInvalidInput: Story = {
  ...guest,
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
  ...guest,
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
  ...guest,
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
  ...guest,
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
  ...guest,
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
  ...guest,
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
  ...guest,
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
  ...guest,
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
  ...guest,
  loaders: [async () => guestInvoice((i) => i.type !== 'freight' && i.amount.currency === 'USD', { status: 'paid' })],
  play: async (context) => {
    const form = payForm(context.canvasElement);
    await identify(form, loadedPaper(context), 'date');
    await see(form, '.notice', /nothing left to pay/);
  },
};

/** The guest form in French. */
export const GuestFrench: Story = { ...guest, globals: { locale: 'fr' } };
