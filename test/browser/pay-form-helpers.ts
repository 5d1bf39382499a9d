/** Helpers shared by the pay form's browser tests: drive the steps, type into the card frame, look for card data. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../src/api/client.js';
import { listInvoices } from '../../src/api/endpoints/invoices.js';
import type { Invoice } from '../../src/api/schemas/invoice.js';
import type { UpsPayForm } from '../../src/elements/pay-form/pay-form.js';
import { tokenFor, until } from './fixtures.js';
export const $ = (el: UpsPayForm, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
export const $$ = (el: UpsPayForm, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
export const text = (el: UpsPayForm, selector: string) =>
  $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A test card of the built-in gateway (see server/payments/test-gateway.ts) and a CVC found nowhere else. */
export const CARD = {
  holder: 'Jane Payer',
  number: '4242424242424242',
  expiry: '1231',
  cvc: '7319',
  postalCode: '10001',
};
export const DECLINE_FUNDS = '4000000000009995';
export const DECLINE_HONOR = '4000000000000002';

export const client = (user: string, apiBase: string) =>
  new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor(user, apiBase) });

/** Outstanding invoices of `account` the user sees, as the invoice table would hand them over. */
export async function outstanding(user: string, apiBase: string, account: string): Promise<Invoice[]> {
  const page = await client(user, apiBase).call(listInvoices, {
    query: { status: 'outstanding', account, pageSize: 200, sort: 'dueDate', order: 'asc' },
  });
  return page.items;
}

/** The element inside the shadow roots that has focus. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export async function tabTo(predicate: (el: Element) => boolean, what: string): Promise<Element> {
  for (let i = 0; i < 40; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active && predicate(active)) return active;
  }
  throw new Error(`Tab never reached ${what}`);
}

export const stepIs = (form: UpsPayForm, selector: string) =>
  until(() => Boolean(form.shadowRoot!.querySelector(selector)), selector, 15_000);

/** Chooses a method by its label, with the mouse. */
export async function choose(form: UpsPayForm, label: RegExp): Promise<HTMLInputElement> {
  // Labels may still be in English for a moment while another catalog loads.
  const find = () =>
    $$(form, '.method label')
      .find((l) => label.test(l.textContent ?? ''))
      ?.querySelector('input');
  await until(() => Boolean(find()), `payment method ${label}`);
  const radio = find()!;
  radio.click();
  await form.updateComplete;
  return radio;
}

/**
 * Types a card into the isolated frame with the keyboard, as a payer does:
 * Tab from the chosen method into the frame, then from field to field. The
 * frame is on another origin, so there is no other way in.
 */
export async function typeCard(form: UpsPayForm, card: Partial<typeof CARD> = {}): Promise<void> {
  const values = { ...CARD, ...card };
  await until(() => form.matches(':state(card-ready)'), 'card frame ready', 15_000);
  $(form, 'input[name=method]:checked').focus();
  await sendKeys({ press: 'Tab' });
  // Focus crosses into the frame's process asynchronously: wait for it before typing.
  await until(
    () => deepActive()?.localName === 'iframe',
    () => `focus in the card frame, not ${deepActive()?.localName}`,
  );
  for (const [index, field] of (['holder', 'number', 'expiry', 'cvc', 'postalCode'] as const).entries()) {
    if (index) await sendKeys({ press: 'Tab' });
    if (values[field]) await sendKeys({ type: values[field] });
  }
}

/** Presses Enter in the frame (the payer's "go on") and waits for the review. */
export async function continueFromFrame(form: UpsPayForm): Promise<void> {
  await sendKeys({ press: 'Enter' });
  await stepIs(form, '.review');
}

export async function pay(form: UpsPayForm): Promise<void> {
  $$(form, '.review button')
    .find((b) => /^(Pay|Payer|Schedule|Programmer)/.test(b.textContent!.trim()))!
    .click();
  await stepIs(form, '[part=receipt]');
}

/** Every string the page could give away: attributes, input values, element properties, storage, text. */
function reachableStrings(root: Document | ShadowRoot, out: string[] = []): string[] {
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) out.push(attr.value);
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
      out.push(el.value);
    const ctor = el.constructor as { elementProperties?: Map<PropertyKey, unknown> };
    for (const key of ctor.elementProperties?.keys() ?? []) {
      try {
        out.push(JSON.stringify((el as unknown as Record<PropertyKey, unknown>)[key]) ?? '');
      } catch {
        // Not serialisable (a function, a cycle): holds no typed value.
      }
    }
    for (const key of Object.keys(el)) out.push(String((el as unknown as Record<string, unknown>)[key]));
    if (el instanceof HTMLIFrameElement) {
      // Cross-origin: the host cannot read the frame at all.
      expect(el.contentDocument, 'the card frame is out of reach').to.equal(null);
    }
    if (el.shadowRoot) reachableStrings(el.shadowRoot, out);
  }
  out.push((root instanceof Document ? root.documentElement.textContent : root.textContent) ?? '');
  return out;
}

export function expectNoCardData(card = CARD): void {
  const strings = reachableStrings(document);
  for (const storage of [sessionStorage, localStorage]) {
    for (let i = 0; i < storage.length; i++) strings.push(storage.getItem(storage.key(i)!) ?? '');
  }
  strings.push(document.cookie, location.href, window.name, JSON.stringify(history.state));
  const digits = strings.map((s) => s.replace(/[\s-]/g, ''));
  expect(
    digits.filter((s) => s.includes(card.number)),
    'card number',
  ).to.deep.equal([]);
  expect(
    strings.filter((s) => new RegExp(`\\b${card.cvc}\\b`).test(s)),
    'CVC',
  ).to.deep.equal([]);
}
