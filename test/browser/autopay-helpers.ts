/** Helpers for the <ups-autopay> browser tests: reading the element, and calling the real API around it. */
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../src/api/client.js';
import { getAutopayAgreement, listAutopayRules } from '../../src/api/endpoints/autopay.js';
import { listPaymentMethods } from '../../src/api/endpoints/wallet.js';
import { isBillingApiError, type BillingApiError } from '../../src/api/errors.js';
import type { AutopayRuleRequest, NextRun } from '../../src/api/schemas/autopay.js';
import type { UpsAutopay } from '../../src/elements/autopay/autopay.js';
import type { AutopayRunResult } from '../../server/autopay/runner.js';
import { tokenFor, until } from './fixtures.js';

export type El = UpsAutopay;
export const $ = (el: El, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
export const $$ = (el: El, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** Text as read, white space (including the no-break spaces of French amounts) as single spaces. */
export const norm = (value: string) => value.replace(/\s+/g, ' ').trim();
export const text = (node: Element | null | undefined) => norm(node?.textContent ?? '');
export const focused = (el: El) => el.shadowRoot!.activeElement as HTMLElement | null;
export const loaded = (el: El) =>
  until(
    () => !el.matches(':state(loading)') && $(el, '.rules')?.getAttribute('aria-busy') === 'false',
    'rules',
    10_000,
  );
export const card = (el: El, number: string) =>
  $$(el, 'article.rule').find((rule) => text(rule.querySelector('h3')).includes(number)) ?? null;
/** One fact of a rule card, by its term. */
export const fact = (rule: Element, term: string) =>
  text(
    [...rule.querySelectorAll('.facts > div')].find((d) => text(d.querySelector('dt')) === term)?.querySelector('dd'),
  );
export const formDialog = (el: El) => $(el, 'dialog#rule-form') as HTMLDialogElement;
/** The form's dialog, once open (the form loads on first use). */
export async function openedForm(el: El): Promise<HTMLDialogElement> {
  await until(() => Boolean(formDialog(el)?.open), 'form open', 10_000);
  return formDialog(el);
}
export const previewStatus = (el: El) => text($(el, '.preview [role=status]'));
export const usd = (amount: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(amount / 100);
export const day = (iso: string, locale = 'en') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

export const client = (user: string, apiBase = '/api/v1') =>
  new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor(user, apiBase) });
export const rules = (user: string, apiBase?: string) => client(user, apiBase).call(listAutopayRules);
export const methodId = async (user: string, apiBase: string, nickname: string) =>
  (await client(user, apiBase).call(listPaymentMethods)).items.find((m) => m.nickname === nickname)!.id;
export async function refusal(promise: Promise<unknown>): Promise<BillingApiError> {
  try {
    await promise;
  } catch (error) {
    if (isBillingApiError(error)) return error;
    throw error;
  }
  throw new Error('the request was accepted');
}

/**
 * What `npm run ops` does, on the private server at `apiBase` (the test
 * runner's `/__test/autopay` hook): issue `weeks` weeks of Demo Co's
 * invoices, then run AutoPay for `date`. Answers what the run did.
 */
export async function issueAndRunAutopay(
  apiBase: string,
  options: { weeks?: number; date: string },
): Promise<AutopayRunResult> {
  const query = new URLSearchParams({ api: apiBase, weeks: String(options.weeks ?? 0), date: options.date });
  const response = await fetch(`/__test/autopay?${query}`, { method: 'POST' });
  if (!response.ok) throw new Error(`/__test/autopay answered ${response.status}`);
  return (await response.json()) as AutopayRunResult;
}

/** Presses Tab until `predicate` holds for the focused element (in the element's shadow root). */
export async function tabTo(el: El, predicate: (node: HTMLElement) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const node = focused(el);
    if (node && predicate(node)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}
export const byId = (id: string) => (node: HTMLElement) => node.id === id;

/** A rule request on `scope` (`account:4R7X21`) paying with `user`'s default method, as the API takes it. */
export async function request(user: string, apiBase: string, scope: string, extra: Partial<AutopayRuleRequest> = {}) {
  const [type, number] = scope.split(':') as ['account' | 'plan', string];
  const api = client(user, apiBase);
  const agreement = await api.call(getAutopayAgreement);
  const wallet = (await api.call(listPaymentMethods)).items;
  return {
    scope: { type, number },
    methodId: (wallet.find((m) => m.isDefault && !m.expired) ?? wallet.find((m) => !m.expired))!.id,
    amount: { type: 'total_due' },
    schedule: { type: 'days_before_due', days: 3 },
    effectiveUntil: null,
    agreementVersion: agreement.version,
    ...extra,
  } as AutopayRuleRequest;
}

export async function openCreate(el: El): Promise<void> {
  $(el, '#create').click();
  await openedForm(el);
  await until(() => Boolean($(el, '#scope')), 'scope');
  await until(() => Boolean($(el, 'input[name=method]')), 'wallet loaded', 10_000);
}

export function chooseScope(el: El, key: string): void {
  const select = $(el, '#scope') as HTMLSelectElement;
  select.value = key;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Accepts the agreement, once it has loaded. */
export async function accept(el: El): Promise<void> {
  await until(() => Boolean($(el, '#accept')), 'the agreement', 10_000);
  ($(el, '#accept') as HTMLInputElement).click();
}

export async function submitForm(el: El): Promise<void> {
  ($(el, 'form button[type=submit]') as HTMLButtonElement).click();
  await el.updateComplete;
}

/** The preview's sentence for a next run, as the form should say it. */
export function expectedStatus(run: NextRun | null): string {
  if (!run) return 'The next run would have nothing to pay.';
  if (!run.invoices.length) return `Next run on ${day(run.date)}. No invoice to pay on that run yet.`;
  const paid = run.invoices.filter((line) => line.action === 'pay');
  const skipped = run.invoices.length - paid.length;
  const total = paid.reduce((sum, line) => sum + line.amountDue.amount, 0);
  return [
    `Next run on ${day(run.date)}.`,
    paid.length ? `${paid.length} invoice${paid.length > 1 ? 's' : ''} paid (${usd(total)}).` : '',
    skipped ? `${skipped} invoice${skipped > 1 ? 's' : ''} skipped: over the maximum.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
