import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/ups-billing-provider.js';
import '../src/ups-invoice-table.js';
import '../src/ups-wallet.js';
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

/**
 * `help-href`, `contact-href` and (optionally) `assistant-href`: every element
 * offers them where a user may be stuck — here under the wallet's failure
 * (the server refuses the token). They open in the same tab.
 */
export const HelpLinks: Story = {
  render: () =>
    html`<ups-billing-provider
      .fetch=${browserFetch}
      .token=${'expired.token.value'}
      help-href="https://www.ups.com/us/en/support/billing-center"
      assistant-href="https://www.ups.com/us/en/support/virtual-assistant"
      contact-href="https://www.ups.com/us/en/support/contact-us"
    >
      <ups-wallet></ups-wallet>
    </ups-billing-provider>`,
};

/** `help-target="_blank"`: the links open a new tab, and say so to screen readers. */
export const HelpLinksInNewTab: Story = {
  render: () =>
    html`<ups-billing-provider
      .fetch=${browserFetch}
      .token=${'expired.token.value'}
      help-href="https://www.ups.com/us/en/support/billing-center"
      contact-href="https://www.ups.com/us/en/support/contact-us"
      help-target="_blank"
    >
      <ups-wallet></ups-wallet>
    </ups-billing-provider>`,
};

/** Without `help-href` or `contact-href`, no help links at all: nothing that leads nowhere. */
export const WithoutHelpLinks: Story = {
  render: () =>
    html`<ups-billing-provider .fetch=${browserFetch} .token=${'expired.token.value'}>
      <ups-wallet></ups-wallet>
    </ups-billing-provider>`,
};
