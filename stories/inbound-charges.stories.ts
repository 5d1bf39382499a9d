import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import { BillingClient } from '../src/api/client.js';
import { addInboundException, getInboundCharges, updateInboundCharges } from '../src/api/endpoints/inbound-charges.js';
import '../src/ups-inbound-charges.js';
import type { UpsInboundCharges } from '../src/ups-inbound-charges.js';
import { browserFetch, failing, tokenFor, withTransport } from './support/browser-server.js';

/**
 * Every story runs against the in-page reference server, seeded like the
 * demo. Nobody has configured inbound charges there, so account F3R902
 * shows the defaults (accept, no call first, no exceptions). The stories
 * that need a configured account set up F3R901 once per page, through the
 * API as an administrator would: refuse by default, call first, and three
 * shippers whose charges are accepted. Plays stop before anything is saved,
 * removed or imported, so every story sees the same settings.
 */
const meta: Meta = {
  title: 'Elements/Inbound charges',
  component: 'ups-inbound-charges',
  decorators: [withActions],
  parameters: { actions: { handles: ['ups-inbound-charges-change'] } },
  render: (args) => html`<ups-inbound-charges account=${args['account'] || nothing}></ups-inbound-charges>`,
  args: { account: 'F3R902' },
  argTypes: {
    account: {
      control: 'text',
      description: 'Account number to show; empty: the first account the user sees.',
    },
  },
};
export default meta;

type Story = StoryObj;

const SLOW = { timeout: 20_000 };
const CONFIGURED = 'F3R901';

let configured: Promise<void> | undefined;

/** F3R901 refuses inbound charges but from three shippers, and asks UPS to call first; set up once per page. */
function configure(): Promise<void> {
  configured ??= (async () => {
    const api = new BillingClient({ baseUrl: '/api/v1', fetch: browserFetch, getToken: () => tokenFor('admin1') });
    const params = { number: CONFIGURED };
    const current = await api.call(getInboundCharges, { params });
    if (current.exceptions.length) return;
    await api.call(updateInboundCharges, { params, body: { defaultRule: 'refuse', contactBeforeBilling: true } });
    for (const [shipperAccount, note] of [
      ['1A2B3C', 'Lyon supplier'],
      ['7K8L9M', null],
      ['Q4W5E6', 'Returns partner'],
    ] as const) {
      await api.call(addInboundException, { params, body: { shipperAccount, note } });
    }
  })();
  return configured;
}
const withConfigured = { loaders: [() => configure()], args: { account: CONFIGURED } };

const elementIn = (canvas: HTMLElement) => canvas.querySelector<UpsInboundCharges>('ups-inbound-charges')!;

/** Waits for `selector` in the element's shadow root, once nothing is loading. */
function find<T extends Element = HTMLElement>(canvas: HTMLElement, selector: string): Promise<T> {
  return waitFor(() => {
    const root = elementIn(canvas).shadowRoot;
    const found = root?.querySelector<T>(selector);
    if (!found || root!.querySelector('[aria-busy=true]'))
      throw new Error(`${selector} is not in <ups-inbound-charges> yet`);
    return found;
  }, SLOW);
}

/** An administrator, on an account nobody configured: charges from other shippers accepted, no call first, no exceptions. */
export const AdministratorDefaults: Story = {
  play: async ({ canvasElement }) => {
    const accept = await find<HTMLInputElement>(canvasElement, 'input[name=rule][value=accept]');
    await expect(accept.checked).toBe(true);
  },
};

/** Refused by default, with exceptions whose charges are accepted, and "contact me before billing" on. */
export const WithExceptions: Story = {
  ...withConfigured,
  play: async ({ canvasElement }) => {
    await find(canvasElement, 'tr[data-shipper="Q4W5E6"]');
  },
};

/** Removing an exception asks first, and says what becomes of that shipper's charges. */
export const RemoveConfirmation: Story = {
  ...withConfigured,
  play: async ({ canvasElement }) => {
    await userEvent.click(await find(canvasElement, '[data-remove="7K8L9M"]'));
    await find(canvasElement, 'dialog#remove[open] #remove-text');
  },
};

/** Adding a malformed account number: the error summary takes the focus and links to the field. */
export const AddRefused: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.type(await find<HTMLInputElement>(canvasElement, '#shipper'), '12345');
    await userEvent.click(await find(canvasElement, '.add button[type=submit]'));
    await find(canvasElement, '.add .error-summary');
    await find(canvasElement, '#shipper-error');
  },
};

/** A CSV with bad rows: the preview lists them by line and reason, and nothing is written before "Import N good rows". */
export const ImportPreview: Story = {
  ...withConfigured,
  play: async ({ canvasElement }) => {
    const area = await find<HTMLTextAreaElement>(canvasElement, '#csv');
    area.value = [
      'Shipper account;Note',
      'R5T6Y7;Marseille',
      '12345',
      '1A2B3C',
      `${CONFIGURED};ourselves`,
      'U8I9O0',
    ].join('\n');
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await userEvent.click(await find(canvasElement, 'button.check'));
    const preview = await find(canvasElement, '.preview');
    await expect(preview.querySelectorAll('.bad-rows tbody tr').length).toBe(2);
    await find(canvasElement, '.preview button.confirm');
  },
};

/** Checking with neither a file nor rows pasted: a field message, and nothing sent. */
export const ImportEmpty: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await find(canvasElement, 'button.check'));
    await find(canvasElement, '.import .error-summary');
  },
};

/** A viewer sees the settings and the exceptions, and is told their role cannot change them. */
export const Viewer: Story = { ...withConfigured, parameters: { billing: { user: 'viewer1' } } };

/** A payer: read-only as well. */
export const Payer: Story = { parameters: { billing: { user: 'payer1' } } };

/** A manager changes the accounts of its own scope. */
export const Manager: Story = { args: { account: '' }, parameters: { billing: { user: 'manager1' } } };

/** Empty: a user with no account assigned yet. */
export const Empty: Story = { args: { account: '' }, parameters: { billing: { user: 'newcomer1' } } };

/** In French ("frais internes"), whatever the toolbar's locale. */
export const French: Story = {
  ...withConfigured,
  render: (args) => html`<ups-inbound-charges locale="fr" account=${args['account']}></ups-inbound-charges>`,
};

/** Loading. */
export const Loading: Story = { parameters: { billing: { fetch: withTransport({ delay: 3_600_000 }) } } };

/** The server failed: a message by its code, and Try again. */
export const ServerError: Story = { parameters: { billing: { fetch: failing('/inbound-charges', 503) } } };

/** Dark: refused by default, with exceptions. */
export const Dark: Story = { ...WithExceptions, globals: { theme: 'dark' } };
