import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, waitFor } from 'storybook/test';
import type { ShipmentPage } from '../src/api/schemas/invoice.js';
import '../src/ups-dispute-form.js';
import type { UpsDisputeForm } from '../src/ups-dispute-form.js';
import { browserFetch, failing, findInvoice, tokenFor, withTransport } from './support/browser-server.js';

/**
 * Every story disputes a real invoice of the in-page reference server, as
 * payer1 (a payer of Atlanta and Paris) unless it says otherwise. Stories
 * that start from a line read it from the invoice's shipments in their loaders.
 */
const meta: Meta = {
  title: 'Elements/Dispute form',
  component: 'ups-dispute-form',
  decorators: [withActions],
  parameters: {
    billing: { user: 'payer1' },
    actions: { handles: ['ups-dispute-submit', 'ups-dispute-success', 'ups-dispute-error'] },
  },
  render: (_args, { loaded }) =>
    html`<ups-dispute-form
      invoice-number=${loaded['number'] ?? ''}
      shipment-id=${loaded['shipmentId'] ?? ''}
      charge-id=${loaded['chargeId'] ?? ''}
    ></ups-dispute-form>`,
};
export default meta;

type Story = StoryObj;

/** An open delivery invoice of Atlanta (4R7X21). */
const openInvoice = async () => ({ number: await findInvoice('payer1', { status: 'open', account: '4R7X21' }) });

/** The invoice's first shipment, as payer1 sees it. */
async function firstShipment(number: string) {
  const response = await browserFetch(`/api/v1/invoices/${number}/shipments?pageSize=1`, {
    headers: { authorization: `Bearer ${await tokenFor('payer1')}` },
  });
  return ((await response.json()) as ShipmentPage).items[0]!;
}

const element = (canvas: HTMLElement) => canvas.querySelector<UpsDisputeForm>('ups-dispute-form')!;

/** Waits for `selector` in the element's shadow root (the in-page server takes a moment to start). */
function find<T extends HTMLElement = HTMLElement>(canvas: HTMLElement, selector: string): Promise<T> {
  return waitFor(
    () => {
      const found = element(canvas).shadowRoot?.querySelector<T>(selector);
      if (!found) throw new Error(`${selector} is not there yet`);
      return found;
    },
    { timeout: 60_000 },
  );
}

/** The whole invoice: the scope to choose, an optional tracking number and ship date. */
export const WholeInvoice: Story = { loaders: [openInvoice] };

/** Started from a shipment of `<ups-invoice-detail>`: it is chosen, its tracking number and ship date filled in. */
export const FromShipment: Story = {
  loaders: [
    async () => {
      const { number } = await openInvoice();
      return { number, shipmentId: (await firstShipment(number)).id };
    },
  ],
  play: async ({ canvasElement }) => {
    const tracking = await find<HTMLInputElement>(canvasElement, '#tracking');
    await waitFor(() => expect(tracking.value).not.toBe(''), { timeout: 10_000 });
  },
};

/** Started from a charge line: scope "some charge lines", with it chosen. */
export const FromChargeLine: Story = {
  loaders: [
    async () => {
      const { number } = await openInvoice();
      return { number, chargeId: (await firstShipment(number)).charges[0]!.id };
    },
  ],
  play: async ({ canvasElement }) => {
    await find(canvasElement, 'input[id^=charge-]:checked');
  },
};

/** A viewer may see invoices but not dispute them: a message, no form. */
export const AsViewer: Story = {
  parameters: { billing: { user: 'viewer1' } },
  loaders: [async () => ({ number: await findInvoice('viewer1', { status: 'outstanding' }) })],
};

/** French, on an invoice of Paris (F3R901), in euros. */
export const French: Story = {
  globals: { locale: 'fr' },
  loaders: [async () => ({ number: await findInvoice('payer1', { status: 'open', account: 'F3R901' }) })],
};

/** Refused before sending: no reason, "other" needs a comment, an amount with a currency sign. The summary takes the focus. */
export const BadInput: Story = {
  loaders: [openInvoice],
  play: async ({ canvasElement }) => {
    const amount = await find<HTMLInputElement>(canvasElement, '#amount');
    amount.value = '$12';
    amount.dispatchEvent(new Event('input', { bubbles: true }));
    (await find(canvasElement, '#submit')).click();
    const summary = await find(canvasElement, '.error-summary');
    await expect(summary.textContent).toContain('Choose a reason.');
    await expect(summary.textContent).toContain('Enter the amount in digits');
  },
};

/** The invoice could not be loaded: the reason, and Try again. */
export const LoadError: Story = {
  parameters: { billing: { user: 'payer1', fetch: failing('/invoices/', 503) } },
  loaders: [openInvoice],
};

/** Sets a field as typing or choosing would (userEvent cannot reach a select inside a shadow root). */
async function fill(canvas: HTMLElement, id: string, value: string): Promise<void> {
  const field = await find<HTMLInputElement | HTMLSelectElement>(canvas, `#${id}`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/**
 * A payer disputes a charge line: a reason, the amount disputed and a
 * comment, then Submit. The confirmation names the new dispute, and the
 * element says so to the page (`ups-dispute-success`).
 */
export const SubmitAsPayer: Story = {
  loaders: FromChargeLine.loaders,
  play: async ({ canvasElement }) => {
    const succeeded = new Promise<CustomEvent>((resolve) =>
      element(canvasElement).addEventListener('ups-dispute-success', (event) => resolve(event as CustomEvent), {
        once: true,
      }),
    );
    await find(canvasElement, 'input[id^=charge-]:checked');
    await fill(canvasElement, 'reason', 'incorrect_rate');
    await fill(canvasElement, 'amount', '1.00');
    await fill(canvasElement, 'comment', 'Billed at the list rate, not our contract rate.');
    (await find(canvasElement, '#submit')).click();
    const done = await find(canvasElement, '.done');
    await expect(done.textContent).toContain('Dispute submitted');
    const { dispute } = (await succeeded).detail as { dispute: { number: string; scope: string } };
    await expect(dispute.number).toMatch(/^D\d{8}$/);
    await expect(dispute.scope).toBe('charges');
    await expect(done.textContent).toContain(dispute.number);
  },
};

/** An administrator may dispute any invoice of the company. */
export const AsAdministrator: Story = {
  parameters: { billing: { user: 'admin1' } },
  loaders: [async () => ({ number: await findInvoice('admin1', { status: 'open', account: '4R7X21' }) })],
};

/** A manager disputes the invoices of the accounts it manages. */
export const AsManager: Story = {
  parameters: { billing: { user: 'manager1' } },
  loaders: [async () => ({ number: await findInvoice('manager1', { status: 'open', account: '4R7X21' }) })],
};

/** The invoice on its way (the server is slowed down). */
export const Loading: Story = {
  parameters: { billing: { user: 'payer1', fetch: withTransport({ delay: 3_600_000 }) } },
  loaders: [openInvoice],
};

/** Dark. */
export const Dark: Story = { ...WholeInvoice, globals: { theme: 'dark' } };
