import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/ups-payment-activity.js';
import { failing, withTransport } from './support/browser-server.js';

const meta: Meta = {
  title: 'Elements/Payment activity',
  component: 'ups-payment-activity',
  render: () => html`<ups-payment-activity></ups-payment-activity>`,
};
export default meta;

type Story = StoryObj;

/** Waits for `selector` in the element's shadow root, the list loaded (the in-page server takes a moment to start). */
async function find(canvas: HTMLElement, selector: string): Promise<HTMLElement> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const root = canvas.querySelector('ups-payment-activity')?.shadowRoot;
    const found = root?.querySelector<HTMLElement>(selector);
    if (found && !root!.querySelector('[aria-busy=true]')) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${selector} never appeared`);
}

async function showScheduled(canvas: HTMLElement): Promise<void> {
  await find(canvas, 'table');
  const select = (await find(canvas, '#status')) as HTMLSelectElement;
  select.value = 'scheduled';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** An administrator: every payment of the company, newest first, paged. */
export const Administrator: Story = {};

/** Filtered to scheduled payments: a payer may cancel those not yet due. */
export const ScheduledAsPayer: Story = {
  parameters: { billing: { user: 'payer1' } },
  play: async ({ canvasElement }) => showScheduled(canvasElement),
};

/** A viewer sees scheduled payments but cannot cancel them. */
export const ScheduledAsViewer: Story = {
  parameters: { billing: { user: 'viewer1' } },
  play: async ({ canvasElement }) => showScheduled(canvasElement),
};

/** The receipt of a payment, in its dialog: printable, closes with Escape. */
export const ReceiptOpen: Story = {
  play: async ({ canvasElement }) => (await find(canvasElement, '[data-receipt]')).click(),
};

/** Cancelling a scheduled payment asks first; "Keep payment" has the focus. */
export const CancelConfirmation: Story = {
  parameters: { billing: { user: 'payer1' } },
  play: async ({ canvasElement }) => {
    await showScheduled(canvasElement);
    (await find(canvasElement, '[data-cancel]')).click();
  },
};

/** Nobody's payments: a user with no accounts in scope. */
export const Empty: Story = { parameters: { billing: { user: 'newcomer1' } } };

/** French. */
export const French: Story = { globals: { locale: 'fr' } };

/** Loading. */
export const Loading: Story = { parameters: { billing: { fetch: withTransport({ delay: 3_600_000 }) } } };

/** The server failed. */
export const ServerError: Story = { parameters: { billing: { fetch: failing('/payments', 503) } } };

/** A manager: the payments of the accounts in its scope. */
export const Manager: Story = { parameters: { billing: { user: 'manager1' } } };

/** Dark. */
export const Dark: Story = { ...Administrator, globals: { theme: 'dark' } };
