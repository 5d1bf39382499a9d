import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/ups-billing-dashboard.js';
import { failing, withTransport } from './support/browser-server.js';

const meta: Meta = {
  title: 'Elements/Billing dashboard',
  component: 'ups-billing-dashboard',
  render: () => html`<ups-billing-dashboard></ups-billing-dashboard>`,
};
export default meta;

type Story = StoryObj;

/** An administrator: dollars and euros, aging, a past-due alert, Pay. */
export const Administrator: Story = {};

/**
 * With `disputes-href`: the "disputes resolved" alert (the seeds decided
 * some in the last 30 days) links to the page that shows the dispute list.
 */
export const DisputesResolved: Story = {
  render: () => html`<ups-billing-dashboard disputes-href="#disputes"></ups-billing-dashboard>`,
};

/** A payer's two accounts. */
export const AsPayer: Story = { parameters: { billing: { user: 'payer1' } } };

/** A viewer: one currency, no Pay button. */
export const AsViewer: Story = { parameters: { billing: { user: 'viewer1' } } };

/** Nothing in scope, nothing due. */
export const NothingDue: Story = { parameters: { billing: { user: 'newcomer1' } } };

/** French. */
export const French: Story = { globals: { locale: 'fr' } };

/** Loading. */
export const Loading: Story = { parameters: { billing: { fetch: withTransport({ delay: 3_600_000 }) } } };

/** The server failed. */
export const ServerError: Story = { parameters: { billing: { fetch: failing('/dashboard', 503) } } };

/** A manager: Atlanta and the plan it manages. */
export const Manager: Story = { parameters: { billing: { user: 'manager1' } } };

/** Dark. */
export const Dark: Story = { ...Administrator, globals: { theme: 'dark' } };
