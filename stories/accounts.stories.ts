import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import { printedInvoices, UNENROLLED_ACCOUNTS } from '../server/db/seed-unenrolled.js';
import '../src/ups-accounts.js';
import type { UpsAccounts } from '../src/ups-accounts.js';
import { failing, withTransport } from './support/browser-server.js';

/**
 * Every story runs against the in-page reference server, seeded like the
 * demo: admin1's company has eight accounts (W9E530 billed through plan
 * P4R7X210, 4R7X21 enrolled in XML invoices), and four accounts no company
 * has enrolled yet (H4B7R2, H4B7R3 in the US; L9C2M4, L9C2M5 in France) have
 * invoices 3 to 75 days old for Add account. Plays stop before anything is
 * saved, and refusals shown here cost no attempt, so the stories sharing
 * this page's database see the same accounts.
 */
const meta: Meta = {
  title: 'Elements/Accounts',
  component: 'ups-accounts',
  decorators: [withActions],
  parameters: { actions: { handles: ['ups-account-change'] } },
  render: () => html`<ups-accounts></ups-accounts>`,
};
export default meta;

type Story = StoryObj;

const SLOW = { timeout: 20_000 };

const accountsIn = (canvas: HTMLElement) => canvas.querySelector<UpsAccounts>('ups-accounts')!;

/** Waits for `selector` in the element's shadow root, once the lists have loaded. */
function find<T extends Element = HTMLElement>(canvas: HTMLElement, selector: string): Promise<T> {
  return waitFor(() => {
    const root = accountsIn(canvas).shadowRoot;
    const found = root?.querySelector<T>(selector);
    if (!found || root!.querySelector('[aria-busy=true]')) throw new Error(`${selector} is not in <ups-accounts> yet`);
    return found;
  }, SLOW);
}

/** Sets a field as typing would (userEvent.type cannot reach every native date field). */
async function fill(canvas: HTMLElement, selector: string, value: string): Promise<void> {
  const field = await find<HTMLInputElement | HTMLSelectElement>(canvas, selector);
  field.value = value;
  field.dispatchEvent(new Event(field.localName === 'select' ? 'change' : 'input', { bubbles: true, composed: true }));
}

const action = (canvas: HTMLElement, account: string, name: string) =>
  find(canvas, `button[data-account="${account}"][data-action="${name}"]`);

async function openAdd(canvas: HTMLElement): Promise<void> {
  await userEvent.click(await find(canvas, 'button.add'));
  await find(canvas, 'dialog#dialog-add[open] #country');
}

const today = () => new Date().toISOString().slice(0, 10);
const invoiceOf = (number: string, ageDays: number) =>
  printedInvoices(
    UNENROLLED_ACCOUNTS.find((a) => a.number === number)!,
    today(),
  ).find((i) => i.ageDays === ageDays)!;

/** An administrator: every account and plan, Add account, and per account nickname, XML enrolment and cancel. */
export const Administrator: Story = {
  play: async ({ canvasElement }) => {
    await find(canvasElement, 'tbody tr[data-account="W9E530"]');
    await expect((await find(canvasElement, 'table[part=plans]')).textContent).toMatch(/P4R7X210/);
  },
};

/** A manager sees its scope and may only change XML enrolment of those accounts. */
export const Manager: Story = { parameters: { billing: { user: 'manager1' } } };

/** A payer reads the accounts of its scope; no actions, and says why. */
export const Payer: Story = { parameters: { billing: { user: 'payer1' } } };

/** A viewer, likewise read-only. */
export const Viewer: Story = { parameters: { billing: { user: 'viewer1' } } };

/** Another company: its own accounts only. */
export const OtherCompany: Story = { parameters: { billing: { user: 'northwind-admin' } } };

/** Loading. */
export const Loading: Story = { parameters: { billing: { fetch: withTransport({ delay: 3_600_000 }) } } };

/** The server failed: a message by its code, and Try again. */
export const ServerError: Story = { parameters: { billing: { fetch: failing('/accounts', 503) } } };

/** Edit nickname: up to 40 characters, empty removes it. */
export const EditNickname: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await action(canvasElement, 'K2M8Q5', 'nickname'));
    await find(canvasElement, 'dialog#dialog-nickname[open] #nickname');
  },
};

/** Edit XML enrolment: the toggle, and what it does — XML downloads then appear on the account's invoices. */
export const EditXmlEnrolment: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await action(canvasElement, 'W9E530', 'xml'));
    await expect((await find(canvasElement, 'dialog#dialog-xml[open] #xml-text')).textContent).toMatch(/XML/);
  },
};

/** Add account: the country first (the company's preselected), each field with its expected form. */
export const AddAccount: Story = { play: async ({ canvasElement }) => openAdd(canvasElement) };

/** A French account: its invoices print a control ID, so the field appears. */
export const AddAccountControlId: Story = {
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement);
    await fill(canvasElement, '#country', 'FR');
    await find(canvasElement, '#control-id');
  },
};

/**
 * Values that cannot be right, refused before anything is sent: a
 * 7-character account number and an amount with a thousands separator —
 * the message shows the expected form.
 */
export const AddAccountBadValues: Story = {
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement);
    const invoice = invoiceOf('H4B7R2', 17);
    await fill(canvasElement, '#account-number', 'H4B7R21');
    await fill(canvasElement, '#invoice-number', invoice.number);
    await fill(canvasElement, '#invoice-date', invoice.invoiceDate);
    await fill(canvasElement, '#amount', '$1,234.56');
    await userEvent.click(await find(canvasElement, 'dialog#dialog-add button[type=submit]'));
    await find(canvasElement, '.error-summary');
    await find(canvasElement, '#amount-error');
  },
};

/** An invoice 46 days old: the server refuses the date (day 45 would pass), costing no attempt. */
export const AddAccountInvoiceTooOld: Story = {
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement);
    const invoice = invoiceOf('H4B7R3', 46);
    await fill(canvasElement, '#country', 'US');
    await fill(canvasElement, '#account-number', invoice.accountNumber);
    await fill(canvasElement, '#invoice-number', invoice.number);
    await fill(canvasElement, '#invoice-date', invoice.invoiceDate);
    await fill(canvasElement, '#amount', invoice.amount);
    await userEvent.click(await find(canvasElement, 'dialog#dialog-add button[type=submit]'));
    await find(canvasElement, '#invoice-date-error');
  },
};

/** Cancel enrolment: the consequences first; Cancel enrolment pressed without a reason. */
export const CancelEnrolment: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await action(canvasElement, 'K2M8Q5', 'cancel'));
    await find(canvasElement, 'dialog#dialog-cancel[open] #cancel-text');
    await userEvent.click(await find(canvasElement, 'dialog#dialog-cancel button[type=submit]'));
    await find(canvasElement, '#reason-error');
  },
};

/** The reason "Other" needs a comment. */
export const CancelEnrolmentOther: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await action(canvasElement, 'K2M8Q5', 'cancel'));
    await userEvent.click(await find(canvasElement, 'dialog#dialog-cancel[open] input[name=reason][value=other]'));
    await userEvent.click(await find(canvasElement, 'dialog#dialog-cancel button[type=submit]'));
    await find(canvasElement, '#comment-error');
  },
};

/** An account billed through a plan cannot leave: the server refuses, and the element says what to do. */
export const CancelEnrolmentInPlan: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await action(canvasElement, 'W9E530', 'cancel'));
    await userEvent.click(
      await find(canvasElement, 'dialog#dialog-cancel[open] input[name=reason][value=account_closed]'),
    );
    await userEvent.click(await find(canvasElement, 'dialog#dialog-cancel button[type=submit]'));
    await expect((await find(canvasElement, '.error-summary')).textContent).toMatch(/P4R7X210/);
  },
};

/** French. */
export const French: Story = { globals: { locale: 'fr' } };

/** French, Add account. */
export const FrenchAddAccount: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => openAdd(canvasElement),
};

/** A user with no account in scope yet (a viewer nobody has given any): nothing to list, and why. */
export const Empty: Story = { parameters: { billing: { user: 'newcomer1' } } };

/** Dark: the administrator's lists in the dark theme. */
export const Dark: Story = { ...Administrator, globals: { theme: 'dark' } };
