import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Invoice } from '../src/api/schemas/invoice.js';
import '../src/ups-invoice-table.js';
import { failing, withTransport } from './support/browser-server.js';

const meta: Meta = {
  title: 'Elements/Invoice table',
  component: 'ups-invoice-table',
  render: (args) => html`<ups-invoice-table view=${args['view']}></ups-invoice-table>`,
  args: { view: 'account' },
  argTypes: { view: { control: 'inline-radio', options: ['account', 'plan'] } },
};
export default meta;

type Story = StoryObj;

/** "My account invoices": an administrator's open and past-due invoices, newest first. */
export const AccountView: Story = {};

/** Waits for `selector` in the table's shadow root once its page has loaded. */
async function find(canvas: HTMLElement, selector: string): Promise<HTMLElement> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const root = canvas.querySelector('ups-invoice-table')?.shadowRoot;
    const found = root?.querySelector<HTMLElement>(selector);
    if (found && root!.querySelector('table[aria-busy=false]')) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${selector} never appeared`);
}

/** The "In dispute" preset: invoices with an open dispute, each with its mark. */
export const InDispute: Story = {
  play: async ({ canvasElement }) => {
    const select = (await find(canvasElement, '#status')) as HTMLSelectElement;
    select.value = 'in_dispute';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  },
};

/** Dispute from a row's actions: with no host handling `ups-dispute-request`, the form opens in a dialog. */
export const DisputeDialog: Story = {
  parameters: { billing: { user: 'payer1' } },
  play: async ({ canvasElement }) => {
    await find(canvasElement, 'tbody .menu-button');
    const root = canvasElement.querySelector('ups-invoice-table')!.shadowRoot!;
    // Credit invoices cannot be disputed: open the first row whose Dispute is offered.
    for (const button of root.querySelectorAll<HTMLElement>('tbody .menu-button')) {
      button.click();
      const item = await find(canvasElement, '#actions-menu [data-id=dispute]');
      if (item.getAttribute('aria-disabled') !== 'true') return item.click();
      button.click();
    }
  },
};

/** "My billing plans": invoices billed through the consolidated plan. */
export const PlanView: Story = { args: { view: 'plan' } };

/** A manager sees the plan's member accounts and one more account. */
export const AsManager: Story = { parameters: { billing: { user: 'manager1' } } };

/** A payer sees only the two accounts in their scope. */
export const AsPayer: Story = { parameters: { billing: { user: 'payer1' } } };

/** A viewer: two French accounts in euros; no Pay or Dispute anywhere. */
export const AsViewer: Story = { parameters: { billing: { user: 'viewer1' } } };

/** French, whatever the toolbar says. */
export const French: Story = { globals: { locale: 'fr' } };

/** While the first page is on its way: skeleton rows of the final height. */
export const Loading: Story = { parameters: { billing: { fetch: withTransport({ delay: 3_600_000 }) } } };

/** A user with no account in scope: nothing to show. */
export const Empty: Story = { parameters: { billing: { user: 'newcomer1' } } };

/** The server failed: a localized message and a retry button. */
export const ServerError: Story = { parameters: { billing: { fetch: failing('/invoices') } } };

/** Nobody is signed in. */
export const SignedOut: Story = { parameters: { billing: { user: null } } };

/** An unknown `view`: the element says so in place, and the console names the fix. */
export const InvalidView: Story = {
  args: { view: 'plans' },
  parameters: { expectedConsoleErrors: ['<ups-invoice-table view="plans">: unknown view. Fix:'] },
};

/** Used without a provider: a clear message in place, and a console error naming the fix. */
export const WithoutProvider: Story = {
  parameters: {
    billing: { provider: false },
    expectedConsoleErrors: ['<ups-invoice-table> has no <ups-billing-provider> around it'],
  },
};

function generated(count: number): Invoice[] {
  return Array.from({ length: count }, (_, i) => {
    const amount = ((i * 7919) % 250_000) + 500;
    return {
      number: `HOST${String(i).padStart(8, '0')}`,
      accountNumber: ['A10001', 'A10002', 'A10003'][i % 3]!,
      planNumber: null,
      invoiceDate: new Date(Date.UTC(2026, 0, 1) + (i % 330) * 86_400_000).toISOString().slice(0, 10),
      dueDate: new Date(Date.UTC(2026, 0, 15) + (i % 330) * 86_400_000).toISOString().slice(0, 10),
      type: i % 4 ? 'delivery_service' : 'import',
      amount: { amount, currency: 'USD' },
      amountDue: { amount: i % 5 ? amount : 0, currency: 'USD' },
      status: i % 5 ? (i % 7 ? 'open' : 'past_due') : 'paid',
      inDispute: i % 97 === 0,
      autopay: i % 11 === 0,
      reference: i % 3 ? null : `PO-${10_000 + (i % 90_000)}`,
      controlId: null,
    };
  });
}

/**
 * Data mode: 100,000 invoices held by the host, no server. Sorting, filters
 * and search run in the browser; only the rows in view are in the DOM.
 */
export const DataMode100k: Story = {
  parameters: { billing: { provider: false } },
  render: () => html`<ups-invoice-table .items=${generated(100_000)}></ups-invoice-table>`,
};

/** An administrator: every account of the company. */
export const AsAdministrator: Story = { parameters: { billing: { user: 'admin1' } } };

/** Dark. */
export const Dark: Story = { globals: { theme: 'dark' } };
