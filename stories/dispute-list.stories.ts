import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/ups-dispute-list.js';
import { failing, withTransport } from './support/browser-server.js';

/** Disputes of the in-page server's seeded data: Demo Co has one in every state. */
const meta: Meta = {
  title: 'Elements/Dispute list',
  component: 'ups-dispute-list',
  render: () => html`<ups-dispute-list></ups-dispute-list>`,
};
export default meta;

type Story = StoryObj;

/** Waits for `selector` in the list's shadow root, the list loaded (the in-page server takes a moment to start). */
async function find(canvas: HTMLElement, selector: string): Promise<HTMLElement> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const root = canvas.querySelector('ups-dispute-list')?.shadowRoot;
    const found = root?.querySelector<HTMLElement>(selector);
    if (found && !root!.querySelector('[aria-busy=true]')) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${selector} never appeared`);
}

async function showStatus(canvas: HTMLElement, status: string): Promise<void> {
  await find(canvas, 'table');
  const select = (await find(canvas, '#status')) as HTMLSelectElement;
  select.value = status;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** An administrator: every dispute of the company, newest first, with its outcome. */
export const Administrator: Story = {};

/** Open disputes (submitted or in review), the first one disclosed: its lines, files and history, and Withdraw. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    await showStatus(canvasElement, 'open');
    (await find(canvasElement, '[data-toggle]')).click();
  },
};

/** Resolved disputes: what was credited, and on which invoice (the same one for an import invoice). */
export const Resolved: Story = {
  play: async ({ canvasElement }) => {
    await showStatus(canvasElement, 'resolved');
    (await find(canvasElement, '[data-toggle]')).click();
  },
};

/** Withdrawing asks first, with an optional reason; "Keep dispute" has the focus. */
export const WithdrawConfirmation: Story = {
  play: async ({ canvasElement }) => {
    await showStatus(canvasElement, 'submitted');
    (await find(canvasElement, '[data-toggle]')).click();
    (await find(canvasElement, '[data-withdraw]')).click();
  },
};

/** A viewer sees the disputes of their accounts and their history, but cannot withdraw. */
export const AsViewer: Story = {
  parameters: { billing: { user: 'viewer1' } },
  play: async ({ canvasElement }) => (await find(canvasElement, '[data-toggle]')).click(),
};

/** French. */
export const French: Story = { globals: { locale: 'fr' } };

/** Nobody's disputes: a user with no accounts in scope. */
export const Empty: Story = { parameters: { billing: { user: 'newcomer1' } } };

/** Loading. */
export const Loading: Story = { parameters: { billing: { fetch: withTransport({ delay: 3_600_000 }) } } };

/** The server failed. */
export const ServerError: Story = { parameters: { billing: { fetch: failing('/disputes', 503) } } };

/** A manager: the disputes of the accounts in its scope. */
export const AsManager: Story = { parameters: { billing: { user: 'manager1' } } };

/** A payer: the disputes of its two accounts, with Withdraw on its own open ones. */
export const AsPayer: Story = { parameters: { billing: { user: 'payer1' } } };

/** Dark. */
export const Dark: Story = { ...Administrator, globals: { theme: 'dark' } };
