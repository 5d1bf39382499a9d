import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/ups-billing-provider.js';
import '../src/ups-invoice-table.js';
import { browserFetch } from './support/browser-server.js';

/**
 * `<ups-billing-provider>` renders nothing itself: these stories show what
 * the elements inside it do with each session state.
 */
const meta: Meta = {
  title: 'Elements/Billing provider',
  component: 'ups-billing-provider',
  parameters: { billing: { provider: false } },
};
export default meta;

type Story = StoryObj;

/** A token the server refuses: the elements say the session ended. */
export const RefusedToken: Story = {
  render: () =>
    html`<ups-billing-provider .fetch=${browserFetch} .token=${'expired.token.value'}>
      <ups-invoice-table></ups-invoice-table>
    </ups-billing-provider>`,
};

/** No token at all: signed-in elements ask to sign in. */
export const SignedOut: Story = {
  render: () =>
    html`<ups-billing-provider .fetch=${browserFetch}>
      <ups-invoice-table></ups-invoice-table>
    </ups-billing-provider>`,
};
