import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/ups-invoice-table.js';
import { withTransport } from './support/browser-server.js';

const meta: Meta = {
  title: 'Elements/Invoice table',
  component: 'ups-invoice-table',
  render: (args) => html`<ups-invoice-table view=${args['view']}></ups-invoice-table>`,
  args: { view: 'account' },
  argTypes: { view: { control: 'inline-radio', options: ['account', 'plan'] } },
};
export default meta;

type Story = StoryObj;

/** An administrator sees every account's open and past-due invoices. */
export const AccountView: Story = {};

/** "My billing plans": invoices billed through the consolidated plan. */
export const PlanView: Story = { args: { view: 'plan' } };

/** A payer sees only the two accounts in their scope. */
export const AsPayer: Story = { parameters: { billing: { user: 'payer1' } } };

/** A viewer's scope: two French accounts, amounts in euros. */
export const AsViewer: Story = { parameters: { billing: { user: 'viewer1' } } };

/** A manager sees the plan's member accounts and one more account. */
export const AsManager: Story = { parameters: { billing: { user: 'manager1' } } };

/** French, whatever the toolbar says. */
export const French: Story = { globals: { locale: 'fr' } };

/** While the first page is on its way: skeleton rows of the final height. */
export const Loading: Story = { parameters: { billing: { fetch: withTransport({ delay: 3_600_000 }) } } };

/** The server failed: a localized message and a retry button. */
export const ServerError: Story = {
  parameters: {
    billing: {
      fetch: withTransport({
        fail: (request) =>
          request.url.includes('/invoices')
            ? new Response(
                JSON.stringify({
                  type: 'urn:ups-billing:problem:internal_error',
                  title: 'x',
                  status: 500,
                  code: 'internal_error',
                }),
                {
                  status: 500,
                  headers: { 'content-type': 'application/problem+json' },
                },
              )
            : null,
      }),
    },
  },
};

/** Nobody is signed in. */
export const SignedOut: Story = { parameters: { billing: { user: null } } };

/** Used without a provider: a clear message in place, and a console error naming the fix. */
export const WithoutProvider: Story = { parameters: { billing: { provider: false } } };
