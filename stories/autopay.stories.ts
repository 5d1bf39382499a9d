import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, waitFor } from 'storybook/test';
import type { AutopayRuleList } from '../src/api/schemas/autopay.js';
import type { WalletList } from '../src/api/schemas/wallet.js';
import '../src/ups-autopay.js';
import type { UpsAutopay } from '../src/ups-autopay.js';
import { browserFetch, failing, runAutopayInPage, tokenFor, withTransport } from './support/browser-server.js';

/**
 * Every story runs against the in-page reference server (seeded like the
 * demo: admin1's rules on Newark, active, and Seattle, suspended because its
 * card expired). Stories that need more — a rule whose method was removed, a
 * rule a payer can see — make it through the API in their loaders, the way a
 * user would, and only once per page load.
 */
const meta: Meta = {
  title: 'Elements/AutoPay',
  component: 'ups-autopay',
  decorators: [withActions],
  parameters: { actions: { handles: ['ups-autopay-change', 'ups-pay-request', 'ups-payment-success'] } },
  render: (args) => html`<ups-autopay wallet-href=${args['walletHref'] ?? ''}></ups-autopay>`,
  args: { walletHref: '#wallet' },
  argTypes: {
    walletHref: { control: 'text', description: 'Where the user manages payment methods (the wallet).' },
  },
};
export default meta;

type Story = StoryObj;

// ── data: real calls to the in-page server ───────────────────────────

async function api<T>(user: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await browserFetch(`/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${await tokenFor(user)}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Sets up a rule on `account` as admin1 would, paying with the method named `nickname`, unless it has one. */
async function ensureRule(account: string, nickname: string): Promise<string> {
  const list = await api<AutopayRuleList>('admin1', 'GET', '/autopay-rules');
  const existing = list.items.find((rule) => rule.scope.number === account);
  if (existing) return existing.id;
  const wallet = await api<WalletList>('admin1', 'GET', '/payment-methods');
  const { version } = await api<{ version: string }>('admin1', 'GET', '/autopay-agreement');
  const rule = await api<{ id: string }>('admin1', 'POST', '/autopay-rules', {
    scope: { type: 'account', number: account },
    methodId: wallet.items.find((m) => m.nickname === nickname)!.id,
    amount: { type: 'up_to', maximum: { amount: 150_000, currency: account.startsWith('F') ? 'EUR' : 'USD' } },
    schedule: { type: 'days_before_due', days: 2 },
    effectiveUntil: null,
    agreementVersion: version,
  });
  return rule.id;
}

let removedOnce: Promise<void> | undefined;
/**
 * Dallas pays with a bank account saved for the purpose, which is then
 * removed from the wallet: the rule is suspended. The seeded methods stay,
 * for the other stories sharing this page's database.
 */
function methodRemoved(): Promise<void> {
  removedOnce ??= (async () => {
    const { token } = await api<{ token: string }>('admin1', 'POST', '/bank-tokens', {
      type: 'ach',
      holder: 'Demo Co',
      routingNumber: '011000015',
      accountNumber: '000987654321',
    });
    await api('admin1', 'POST', '/payment-methods', { token, nickname: 'Dallas account' });
    const ruleId = await ensureRule('8F2K44', 'Dallas account');
    const wallet = await api<WalletList>('admin1', 'GET', '/payment-methods');
    const bank = wallet.items.find((m) => m.nickname === 'Dallas account')!;
    await api('admin1', 'POST', `/payment-methods/${bank.id}/remove`, { rules: [{ ruleId, action: 'suspend' }] });
  })();
  return removedOnce;
}

/** Rules a payer (Atlanta, Paris) and a viewer (Paris) can see. */
async function rulesForOthers(): Promise<Record<string, never>> {
  await ensureRule('4R7X21', 'Company Visa');
  await ensureRule('F3R901', 'Company Visa');
  return {};
}

let ranOnce: Promise<void> | undefined;
/**
 * What AutoPay did: Newark's maximum lowered to $1,000.00 through the API, as
 * an administrator would; then a week of invoices issued and AutoPay run on
 * the day the last of them falls due. Over the maximum is skipped, the rest
 * paid with the Company Visa — but for duties and taxes, which a card cannot
 * pay: those fail. Once per page load, since the in-page database keeps them.
 */
function autopayRan(): Promise<Record<string, never>> {
  ranOnce ??= (async () => {
    const list = await api<AutopayRuleList>('admin1', 'GET', '/autopay-rules');
    const newark = list.items.find((rule) => rule.scope.number === 'Y67V08')!;
    const { version } = await api<{ version: string }>('admin1', 'GET', '/autopay-agreement');
    await api('admin1', 'PUT', `/autopay-rules/${newark.id}`, {
      scope: { type: 'account', number: 'Y67V08' },
      methodId: newark.methodId,
      amount: { type: 'up_to', maximum: { amount: 100_000, currency: 'USD' } },
      schedule: newark.schedule,
      effectiveUntil: newark.effectiveUntil,
      agreementVersion: version,
    });
    await runAutopayInPage({ weeks: 1 });
  })();
  return ranOnce.then(() => ({}));
}

// ── interaction ───────────────────────────────────────────────────────

const element = (canvas: HTMLElement) => canvas.querySelector<UpsAutopay>('ups-autopay')!;

/** Waits for `selector` in the element's shadow root, the rules loaded (the in-page server takes a moment to start). */
function find<T extends HTMLElement = HTMLElement>(canvas: HTMLElement, selector: string): Promise<T> {
  return waitFor(
    () => {
      const root = element(canvas).shadowRoot;
      const found = root?.querySelector<T>(selector);
      if (!found || root!.querySelector('.rules[aria-busy=true]')) throw new Error(`${selector} is not there yet`);
      return found;
    },
    { timeout: 60_000 },
  );
}

async function openCreate(canvas: HTMLElement): Promise<void> {
  (await find(canvas, '#create')).click();
  await find(canvas, 'input[name=method]:checked');
}

function choose(control: HTMLSelectElement | HTMLInputElement, value: string, type = 'change'): void {
  control.value = value;
  control.dispatchEvent(new Event(type, { bubbles: true }));
}

// ── stories ───────────────────────────────────────────────────────────

/** An administrator: an active rule with a maximum, a suspended one, and "Set up AutoPay" for the rest. */
export const Administrator: Story = {};

/**
 * Setting up a rule: Lille, up to €1,250.50 per invoice, every Wednesday.
 * The preview beside the form is the server's answer for exactly this rule.
 */
export const CreateWithPreview: Story = {
  play: async ({ canvasElement }) => {
    await openCreate(canvasElement);
    choose(await find<HTMLSelectElement>(canvasElement, '#scope'), 'account:E7T310');
    (await find(canvasElement, '#amount-up-to')).click();
    choose(await find<HTMLInputElement>(canvasElement, '#maximum'), '1,250.50', 'input');
    (await find(canvasElement, '#schedule-weekly')).click();
    choose(await find<HTMLSelectElement>(canvasElement, '#weekday'), '3');
    const status = await find(canvasElement, '.preview [role=status]');
    await waitFor(() => expect(status.textContent).toMatch(/Next run on/), { timeout: 10_000 });
  },
};

/** The rule card of `account`, once listed. */
const ruleOf = (canvas: HTMLElement, account: string) =>
  waitFor(
    () => {
      const found = [...element(canvas).shadowRoot!.querySelectorAll<HTMLElement>('article.rule')].find((rule) =>
        rule.querySelector('h3')?.textContent?.includes(account),
      );
      if (!found) throw new Error(`${account} is not listed yet`);
      return found;
    },
    { timeout: 60_000 },
  );

/** Editing Newark: the form starts from the rule, the agreement is accepted again. */
export const Edit: Story = {
  play: async ({ canvasElement }) => {
    (await ruleOf(canvasElement, 'Y67V08')).querySelector<HTMLElement>('[data-edit]')!.click();
    await find(canvasElement, '#maximum');
  },
};

/** Refused before sending: a maximum of zero, and the agreement not accepted. The summary takes the focus. */
export const BadInput: Story = {
  play: async ({ canvasElement }) => {
    await openCreate(canvasElement);
    choose(await find<HTMLSelectElement>(canvasElement, '#scope'), 'account:W9E530');
    (await find(canvasElement, '#amount-up-to')).click();
    choose(await find<HTMLInputElement>(canvasElement, '#maximum'), '0', 'input');
    (await find(canvasElement, 'form button[type=submit]')).click();
    const summary = await find(canvasElement, '.error-summary');
    await expect(summary.textContent).toContain('Enter a maximum greater than zero.');
  },
};

/** Cancelling asks first; "Keep AutoPay" has the focus. */
export const CancelConfirmation: Story = {
  play: async ({ canvasElement }) => {
    (await ruleOf(canvasElement, 'Y67V08')).querySelector<HTMLElement>('[data-cancel]')!.click();
    await find(canvasElement, 'dialog#confirm[open]');
  },
};

/** Suspended because its card expired: choose another method, or update the card in the wallet. */
export const SuspendedCardExpired: Story = {
  play: async ({ canvasElement }) => {
    const suspended = await find(canvasElement, 'article.rule.suspended');
    suspended.scrollIntoView({ block: 'center' });
  },
};

/** Suspended because its method was removed from the wallet. */
export const SuspendedMethodRemoved: Story = {
  loaders: [async () => (await methodRemoved(), {})],
  play: async ({ canvasElement }) => {
    (await ruleOf(canvasElement, '8F2K44')).scrollIntoView({ block: 'center' });
  },
};

/** "Choose another method" opens the form on the methods. */
export const FixSuspended: Story = {
  play: async ({ canvasElement }) => {
    (await find(canvasElement, '[data-fix]')).click();
    await find(canvasElement, 'input[name=method]');
  },
};

/** The rows of a rule card's "Recent payments", once AutoPay has done something for it. */
const recentRows = (rule: HTMLElement) =>
  waitFor(
    () => {
      const recent = [...rule.querySelectorAll('.run')].find(
        (run) => run.querySelector('h4')?.textContent === 'Recent payments',
      );
      const rows = [...(recent?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? [])];
      if (!rows.length) throw new Error('no recent payment yet');
      return rows;
    },
    { timeout: 60_000 },
  );
const cell = (row: HTMLTableRowElement, index: number) => row.cells[index]?.textContent?.trim() ?? '';

/** An invoice over the rule's maximum is not paid: the card says so, and the row stands out. */
export const SkippedOverMaximum: Story = {
  loaders: [autopayRan],
  play: async ({ canvasElement }) => {
    const newark = await ruleOf(canvasElement, 'Y67V08');
    const flag = newark.querySelector<HTMLElement>('.flag');
    await expect(flag?.textContent).toMatch(/not paid because (it is|they are) over the maximum/);
    const skipped = (await recentRows(newark)).filter((row) => row.classList.contains('skipped'));
    await expect(skipped.length).toBeGreaterThan(0);
    for (const row of skipped) {
      await expect(cell(row, 3)).toBe('Skipped: over maximum');
      await expect(cell(row, 2)).toMatch(/^\$[\d,]+\.\d\d$/);
    }
    flag!.scrollIntoView({ block: 'center' });
  },
};

/** What AutoPay did lately: paid (with the confirmation number), skipped over the maximum, failed (and why). */
export const RecentOutcomes: Story = {
  loaders: [autopayRan],
  play: async ({ canvasElement }) => {
    const newark = await ruleOf(canvasElement, 'Y67V08');
    const rows = await recentRows(newark);
    const outcomes = rows.map((row) => cell(row, 3));
    await expect(outcomes).toContain('Paid');
    await expect(outcomes).toContain('Skipped: over maximum');
    for (const row of rows) {
      // Paid: a confirmation number; failed: the reason; skipped: nothing was tried.
      if (cell(row, 3) === 'Paid') await expect(cell(row, 4)).toMatch(/^[A-Z0-9]{8,}$/);
      else if (cell(row, 3) === 'Failed') await expect(cell(row, 4)).not.toBe('');
      else await expect(cell(row, 4)).toBe('');
    }
    rows[0]!.closest('table')!.scrollIntoView({ block: 'center' });
  },
};

/** Paying what is open now: the pay form, loaded on demand, with the account's open invoices. */
export const PayOpenInvoicesNow: Story = {
  loaders: [rulesForOthers],
  play: async ({ canvasElement }) => {
    (await find(canvasElement, 'article.rule [data-pay]')).click();
    await find(canvasElement, 'dialog#pay[open] ups-pay-form');
  },
};

/** A payer sees the rules on their accounts, and may pay open invoices, but not change the rules. */
export const PayerReadOnly: Story = {
  loaders: [rulesForOthers],
  parameters: { billing: { user: 'payer1' } },
};

/** A viewer sees the rules, nothing more. */
export const ViewerReadOnly: Story = {
  loaders: [rulesForOthers],
  parameters: { billing: { user: 'viewer1' } },
};

/** Nothing in scope: no rule, nothing to set up. */
export const Empty: Story = { parameters: { billing: { user: 'newcomer1' } } };

/** French: « Mes paiements automatiques ». */
export const French: Story = { globals: { locale: 'fr' } };

/** The French form, with the agreement in French. */
export const FrenchForm: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    await openCreate(canvasElement);
    choose(await find<HTMLSelectElement>(canvasElement, '#scope'), 'account:F3R902');
    (await find(canvasElement, '#schedule-weekly')).click();
  },
};

/** Loading. */
export const Loading: Story = { parameters: { billing: { fetch: withTransport({ delay: 3_600_000 }) } } };

/** The server failed. */
export const ServerError: Story = { parameters: { billing: { fetch: failing('/autopay-rules', 503) } } };

/** A manager: the rules of the accounts in its scope (Atlanta and the plan). */
export const Manager: Story = { parameters: { billing: { user: 'manager1' } } };

/** Dark. */
export const Dark: Story = { ...Administrator, globals: { theme: 'dark' } };
