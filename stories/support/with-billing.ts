/**
 * The decorator every story gets: a provider around the story, signed in as
 * the story's `user` parameter on the in-page server, in the toolbar's locale
 * and theme (`globals: { theme: 'dark' }` pins a story's).
 * `parameters.billing` can turn the provider off (`provider: false`), sign
 * nobody in (`user: null`) or swap the transport (`fetch`).
 */
import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { BillingTheme } from '../../src/context/billing-provider.js';
import '../../src/ups-billing-provider.js';
import { browserFetch, tokenFor } from './browser-server.js';

export interface BillingParameters {
  user?: string | null;
  provider?: boolean;
  fetch?: typeof fetch;
}

export const withBilling: Decorator = (story, context) => {
  const options = (context.parameters['billing'] ?? {}) as BillingParameters;
  const theme = String(context.globals['theme'] ?? 'light') as BillingTheme;
  // The canvas around the story follows (.storybook/preview.ts); a docs page keeps its own look.
  if (context.viewMode === 'story') document.documentElement.dataset['upsTheme'] = theme;
  else delete document.documentElement.dataset['upsTheme'];
  if (options.provider === false) return story();
  const user = options.user === undefined ? 'admin1' : options.user;
  const locale = String(context.globals['locale'] ?? 'en');
  return html`<ups-billing-provider
    locale=${locale}
    theme=${theme}
    .fetch=${options.fetch ?? browserFetch}
    .getToken=${user ? () => tokenFor(user) : undefined}
    >${story()}</ups-billing-provider
  >`;
};
