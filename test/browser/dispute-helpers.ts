/** Helpers for the <ups-dispute-form> browser tests: reading the element, files, and the real API around it. */
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../src/api/client.js';
import { listInvoiceShipments, listInvoices, getInvoice } from '../../src/api/endpoints/invoices.js';
import type { InvoiceDetail, Shipment } from '../../src/api/schemas/invoice.js';
import type { UpsDisputeForm } from '../../src/elements/dispute-form/dispute-form.js';
import { tokenFor, until } from './fixtures.js';

export type El = UpsDisputeForm;
export const $ = <T extends HTMLElement = HTMLElement>(el: El, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
export const $$ = (el: El, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** Text as read, white space (including the no-break spaces of French amounts) as single spaces. */
export const norm = (value: string) => value.replace(/\s+/g, ' ').trim();
export const text = (node: Element | null | undefined) => norm(node?.textContent ?? '');
export const focused = (el: El) => el.shadowRoot!.activeElement as HTMLElement | null;
export const money = (amount: number, currency = 'USD', locale = 'en') =>
  norm(new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100));
export const day = (iso: string, locale = 'en') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

export const client = (user: string, apiBase = '/api/v1') =>
  new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor(user, apiBase) });

/** The form is on screen with its invoice and first page of shipments. */
export const ready = (el: El) =>
  until(() => Boolean($(el, 'form')) && !el.matches(':state(loading)'), 'the form', 15_000);

/** The field message of a field, by its id. */
export const fieldError = (el: El, id: string) => text($(el, `#${id}-error`));
export const summary = (el: El) => $$(el, '.error-summary li').map((li) => text(li));

export interface Picked {
  invoice: InvoiceDetail;
  shipments: Shipment[];
}

/**
 * The `index`-th delivery invoice `user` may dispute (debit, not in dispute,
 * with shipments), with its first shipments: each test takes its own, so
 * one test's dispute never blocks another's.
 */
export async function pickInvoice(user: string, apiBase: string, index: number): Promise<Picked> {
  const api = client(user, apiBase);
  const page = await api.call(listInvoices, { query: { status: 'all', pageSize: 100, sort: 'number', order: 'asc' } });
  const candidates = page.items.filter((i) => i.type === 'delivery_service' && i.amount.amount > 0 && !i.inDispute);
  const summary = candidates[index];
  if (!summary) throw new Error(`no ${index}th disputable invoice for ${user}`);
  const invoice = await api.call(getInvoice, { params: { number: summary.number } });
  const shipments = (await api.call(listInvoiceShipments, { params: { number: summary.number } })).items;
  if (!shipments.length) throw new Error(`invoice ${summary.number} has no shipment`);
  return { invoice, shipments };
}

/** A small PDF (by its first bytes), named `name`. */
export const pdf = (name = 'proof.pdf', size = 512) =>
  new File([new TextEncoder().encode('%PDF-1.7\n'), new Uint8Array(size)], name, { type: 'application/pdf' });

/** Chooses files in the form's file input as the browser's picker would. */
export async function chooseFiles(el: El, files: readonly File[]): Promise<void> {
  const input = $<HTMLInputElement>(el, '#files');
  const shown = () => text($(el, '.files'));
  const before = shown();
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  // The form reads the first bytes of each file before it lists or refuses it.
  await until(() => shown() !== before, 'the files listed or refused');
}

/** Sets a text field or select as typing would. */
export async function fill(el: El, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event(input.localName === 'select' ? 'change' : 'input', { bubbles: true }));
  await el.updateComplete;
}

export async function check(el: El, id: string): Promise<void> {
  $<HTMLInputElement>(el, `#${id}`).click();
  await el.updateComplete;
}

export async function submit(el: El): Promise<void> {
  $<HTMLButtonElement>(el, '#submit').click();
  await el.updateComplete;
}

/** A transport that counts the requests the page makes, passing each one to the real server. */
export function countingFetch() {
  const calls: { method: string; url: string }[] = [];
  const wrapped = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push({ method: request.method, url: request.url });
    return fetch(request);
  };
  return { calls, fetch: wrapped as typeof fetch };
}

/** Presses Tab until `predicate` holds for the focused element (in the element's shadow root). */
export async function tabTo(el: El, predicate: (node: HTMLElement) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const node = focused(el);
    if (node && predicate(node)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}
export const byId = (id: string) => (node: HTMLElement) => node.id === id;
