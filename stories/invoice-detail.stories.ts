import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/ups-invoice-detail.js';
import { browserFetch, failing, findInvoice, tokenFor, withTransport } from './support/browser-server.js';

/** Each story picks a real invoice from the in-page server's seeded data. */
const meta: Meta = {
  title: 'Elements/Invoice detail',
  component: 'ups-invoice-detail',
  render: (_args, { loaded }) => html`<ups-invoice-detail invoice-number=${loaded['number']}></ups-invoice-detail>`,
};
export default meta;

type Story = StoryObj;

/** The invoice of the first dispute of `scope` that `userId` sees, open or not as asked. */
async function disputedInvoice(userId: string, scope: string, status = 'open'): Promise<string> {
  const response = await browserFetch(`/api/v1/disputes?status=${status}&pageSize=200`, {
    headers: { authorization: `Bearer ${await tokenFor(userId)}` },
  });
  const page = (await response.json()) as { items: { invoiceNumber: string; scope: string }[] };
  return page.items.find((dispute) => dispute.scope === scope)?.invoiceNumber ?? 'NOT-FOUND';
}

/** A paid delivery invoice: shipments, charge lines, the payment applied; XML offered (enrolled account). */
export const Paid: Story = {
  loaders: [
    async () => ({
      number: await findInvoice('admin1', { status: 'paid', account: '4R7X21', sort: 'amount', order: 'desc' }),
    }),
  ],
};

/** An open invoice of a billing plan, with its plan members, Pay and Dispute. */
export const OpenOnPlan: Story = {
  loaders: [async () => ({ number: await findInvoice('admin1', { status: 'open', account: 'W9E530' }) })],
};

/** An invoice in dispute: the amount due does not change. */
export const InDispute: Story = {
  loaders: [async () => ({ number: await findInvoice('admin1', { status: 'in_dispute' }) })],
};

/**
 * A shipment under an open dispute: its line is marked and its Dispute
 * button disabled; the other lines offer Dispute (the whole shipment or one
 * charge line); the invoice's disputes are listed under the payments.
 */
export const LineDisputes: Story = {
  loaders: [async () => ({ number: await disputedInvoice('admin1', 'shipments') })],
};

/** 3,000 shipments: only the rows in view are rendered, pages load as they scroll into view. */
export const ThousandsOfLines: Story = {
  loaders: [async () => ({ number: await findInvoice('admin1', { q: '4R7X21BIG' }) })],
};

/** A viewer: print and download only. */
export const AsViewer: Story = {
  parameters: { billing: { user: 'viewer1' } },
  loaders: [async () => ({ number: await findInvoice('viewer1', { status: 'outstanding' }) })],
};

/** French. */
export const French: Story = {
  globals: { locale: 'fr' },
  loaders: [async () => ({ number: await findInvoice('viewer1', { status: 'paid' }) })],
};

/** Outside the caller's scope: "not found", exactly as for an invoice that does not exist. */
export const NotFound: Story = {
  parameters: { billing: { user: 'payer1' } },
  loaders: [async () => ({ number: await findInvoice('admin1', { account: 'E7T310' }) })],
};

/** Loading. */
export const Loading: Story = {
  parameters: { billing: { fetch: withTransport({ delay: 3_600_000 }) } },
  loaders: [async () => ({ number: await findInvoice('admin1', {}) })],
};

/** The server failed. */
export const ServerError: Story = {
  parameters: { billing: { fetch: failing('/invoices/') } },
  loaders: [async () => ({ number: await findInvoice('admin1', {}) })],
};

/** An administrator: an open invoice of Atlanta, with Pay and Dispute. */
export const AsAdministrator: Story = {
  parameters: { billing: { user: 'admin1' } },
  loaders: [async () => ({ number: await findInvoice('admin1', { status: 'open', account: '4R7X21' }) })],
};

/** A manager: an invoice of the account it manages. */
export const AsManager: Story = {
  parameters: { billing: { user: 'manager1' } },
  loaders: [async () => ({ number: await findInvoice('manager1', { status: 'open', account: '4R7X21' }) })],
};

/** A payer: an invoice of Paris, in euros. */
export const AsPayer: Story = {
  parameters: { billing: { user: 'payer1' } },
  loaders: [async () => ({ number: await findInvoice('payer1', { status: 'open', account: 'F3R901' }) })],
};

/** Dark. */
export const Dark: Story = { ...AsAdministrator, globals: { theme: 'dark' } };
