/**
 * The pay form stories' shared parts: real invoices picked from the in-page
 * server, and the steps a payer takes. Used by pay-form.stories.ts and
 * pay-form-guest.stories.ts.
 */
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Invoice } from '../../src/api/schemas/invoice.js';
import en from '../../src/locales/en/pay-form.js';
import fr from '../../src/locales/fr/pay-form.js';
import '../../src/ups-pay-form.js';
import type { UpsPayForm } from '../../src/ups-pay-form.js';
import { browserFetch, tokenFor } from './browser-server.js';

type Story = StoryObj;

/** What both pay form story files share: the render, the actions, the controls. */
export const payFormMeta = {
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
} satisfies Meta;

// ── data: real invoices from the in-page server ───────────────────────

export const today = () => new Date().toISOString().slice(0, 10);
export const payable = (i: Invoice) => i.amountDue.amount > 0 && !i.inDispute;
export const byCard = (i: Invoice) => payable(i) && i.type !== 'import';
/** US accounts: credit and debit cards, ACH and PayPal (French ones: card, SEPA, PayPal). */
export const usd = (i: Invoice) => i.amountDue.currency === 'USD';
export const notDueYet = (i: Invoice) => i.status === 'open' && i.dueDate > today();
/** What most signed-in stories pay: a US account's invoices a card can pay, already due (so today only), or not yet. */
export const dueByCard = (i: Invoice) => usd(i) && byCard(i) && i.status === 'past_due';
export const laterByCard = (i: Invoice) => usd(i) && byCard(i) && notDueYet(i);

/** `userId`'s invoices as the API lists them (outstanding unless `query` says otherwise). */
export async function invoicesOf(userId: string, query: Record<string, string> = {}): Promise<Invoice[]> {
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
export async function cart(userId: string, match: (invoice: Invoice) => boolean, count = 3): Promise<Invoice[]> {
  const groups = new Map<string, Invoice[]>();
  for (const invoice of (await invoicesOf(userId)).filter(match)) {
    groups.set(invoice.accountNumber, [...(groups.get(invoice.accountNumber) ?? []), invoice]);
  }
  const best = [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return best.slice(0, count);
}

/** A cart where one invoice's credit offsets part of the others. */
export async function cartWithCredit(userId: string): Promise<Invoice[]> {
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
export async function mixedCart(userId: string): Promise<Invoice[]> {
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
export function forgetAttemptsOnce(): void {
  if (attemptsForgotten) return;
  attemptsForgotten = true;
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('ups-pay-attempt:')) sessionStorage.removeItem(key);
}

/** A real payment through the API, made outside the form (a colleague, another tab): ACH, today. */
export async function payElsewhere(userId: string, invoices: Invoice[]): Promise<void> {
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
export interface PaperInvoice {
  account: string;
  number: string;
  amount: string;
  date: string;
}

export const paper = (invoice: Invoice | undefined): PaperInvoice => ({
  account: invoice?.accountNumber ?? 'A10001',
  number: invoice?.number ?? 'NOT-FOUND',
  amount: ((invoice?.amountDue.amount ?? 0) / 100).toFixed(2),
  date: invoice?.invoiceDate ?? today(),
});

/** An invoice a guest holds, picked from the administrator's list. */
export async function guestInvoice(match: (invoice: Invoice) => boolean, query: Record<string, string> = {}) {
  return { paper: paper((await invoicesOf('admin1', query)).find(match)) };
}

// ── interaction: what a payer does ────────────────────────────────────

/** The bank details and cards of the test gateway (server/payments/test-gateway.ts). */
export const ROUTING = '011000015';
export const IBAN = 'FR76 3000 6000 0112 3456 7890 189';
export const CARDS = {
  approved: '4242 4242 4242 4242',
  insufficientFunds: '4000 0000 0000 9995',
  expiredCard: '4000 0000 0000 0069',
  doNotHonor: '4000 0000 0000 0002',
  gatewayFails: '4000 0000 0000 0119',
} as const;

export const SLOW = { timeout: 20_000 };

export function payForm(canvas: HTMLElement): UpsPayForm {
  return canvas.querySelector('ups-pay-form')!;
}

/** Waits for `selector` in the form's shadow root (the in-page server answers in a few ms, its first start in seconds). */
export function find<T extends Element = HTMLElement>(form: UpsPayForm, selector: string): Promise<T> {
  return waitFor(() => {
    const found = form.shadowRoot?.querySelector<T>(selector);
    if (!found) throw new Error(`${selector} is not in <ups-pay-form> yet`);
    return found;
  }, SLOW);
}

/** The text of the form's step header, summary, notices… once it contains `text`. */
export async function see(form: UpsPayForm, selector: string, text: string | RegExp): Promise<void> {
  const matches = (found: string) => (typeof text === 'string' ? found.includes(text) : text.test(found));
  const found = await waitFor(() => {
    const content = form.shadowRoot?.querySelector(selector)?.textContent ?? '';
    if (!matches(content)) throw new Error(`${selector} does not say ${text} yet`);
    return content;
  }, SLOW);
  await expect(found).toMatch(text);
}

/** The radio of a way of paying, by its label in either locale. */
export async function chooseMethod(form: UpsPayForm, type: 'credit_card' | 'card' | 'ach' | 'sepa' | 'paypal') {
  const key = `payForm.method.${type}` as const;
  const labels = [en[key], fr[key]];
  await find(form, 'fieldset.methods');
  const label = [...form.shadowRoot!.querySelectorAll<HTMLLabelElement>('fieldset.methods label.choice')].find((l) =>
    labels.some((text) => l.textContent?.includes(text)),
  );
  await userEvent.click(label!.querySelector('input')!);
}

export async function typeInto(form: UpsPayForm, id: string, value: string) {
  // Fields start empty (userEvent.clear cannot focus into a shadow root: it compares document.activeElement).
  await userEvent.type(await find<HTMLInputElement>(form, `#${id}`), value);
}

/**
 * Types a card into the card frame. Possible only because Storybook serves
 * the frame from its own origin, the page's: in production the frame is on
 * the billing server's origin and no script of the page can reach into it.
 */
export async function fillCard(form: UpsPayForm, number: string) {
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

export const submit = async (form: UpsPayForm) => userEvent.click(await find(form, 'form.step button[type=submit]'));
export const pay = async (form: UpsPayForm) => userEvent.click(await find(form, '.review .button.primary'));

/** Details → review with a new card. */
export async function reviewWithCard(form: UpsPayForm, number: string) {
  await chooseMethod(form, 'credit_card');
  await fillCard(form, number);
  await submit(form);
  await find(form, '.review');
}

/** Details → review → pay with a card the test gateway declines; the form is back on details, saying why. */
export function declinedBy(number: string, message: string): Story['play'] {
  return async ({ canvasElement }) => {
    const form = payForm(canvasElement);
    await reviewWithCard(form, number);
    await pay(form);
    await see(form, '.error-summary', message);
    await find(form, 'fieldset.methods');
  };
}

/** The guest identify step, filled in and sent. */
export async function identify(
  form: UpsPayForm,
  invoice: PaperInvoice,
  by: 'amount' | 'date' = 'amount',
  amount?: string,
) {
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

export const loadedPaper = (context: StoryContext) => context.loaded['paper'] as PaperInvoice;
