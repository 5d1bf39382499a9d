import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { BillingTheme } from '../src/context/billing-provider.js';
import '../src/ups-billing-dashboard.js';
import '../src/ups-billing-provider.js';
import '../src/ups-invoice-table.js';
import '../src/ups-wallet.js';
import { browserFetch, tokenFor } from './support/browser-server.js';

/**
 * The host's look, in tokens only: no `::part()` rule, no other CSS. The same
 * rules are the example in docs/THEMING.md. Rules on the provider itself win
 * over the theme's, so the dark variant names its own accent (the light
 * theme's teal is too dark to read on a dark surface).
 */
const hostLook = `
ups-billing-provider.acme {
  --ups-font-family: Georgia, 'Times New Roman', serif;
  --ups-font-size: 1rem;
  --ups-radius: 2px;
  --ups-space: 10px;
  --ups-color-accent: #005f73;
  --ups-color-focus: #0a9396;
  --ups-color-surface-alt: #eef6f7;
  --ups-color-border: #c5d7da;
  --ups-color-control-border: #6c8a90;
}
ups-billing-provider.acme[theme='dark'] {
  --ups-color-accent: #94d2bd;
  --ups-color-focus: #94d2bd;
  --ups-color-surface-alt: #1d2b2e;
}
`;

let sheet: CSSStyleSheet | undefined;

/** The host page's stylesheet, constructed (as under a strict CSP) and adopted once. */
function adoptHostLook(): void {
  if (sheet) return;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(hostLook);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

const meta: Meta = {
  title: 'Theming/Host look',
  // The story brings its own provider: the host's rules are on it.
  parameters: { billing: { provider: false } },
  render: (_args, context) => {
    adoptHostLook();
    const theme = String(context.globals['theme'] ?? 'light') as BillingTheme;
    return html`<ups-billing-provider
      class="acme"
      theme=${theme}
      locale=${String(context.globals['locale'] ?? 'en')}
      .fetch=${browserFetch}
      .getToken=${() => tokenFor('admin1')}
    >
      <ups-billing-dashboard></ups-billing-dashboard>
      <ups-invoice-table></ups-invoice-table>
      <ups-wallet></ups-wallet>
    </ups-billing-provider>`;
  },
};
export default meta;

type Story = StoryObj;

/** A host's font, corners, spacing and brand colour, in the toolbar's theme. */
export const HostLook: Story = {};

/** The same host in the dark theme: its dark rule swaps the accent for one that reads on dark surfaces. */
export const HostLookDark: Story = { globals: { theme: 'dark' } };
