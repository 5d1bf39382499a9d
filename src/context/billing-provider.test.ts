import { expect, fixture, html } from '@open-wc/testing';
import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { billingContext, type BillingContext } from './billing-context.js';
import type { UpsBillingProvider } from './billing-provider.js';
import { mount, tokenFor, until } from '../../test/browser/fixtures.js';
import '../ups-billing-provider.js';
import '../ups-invoice-table.js';

/** A bare consumer, to see exactly what the provider shares. */
class ContextProbe extends LitElement {
  @consume({ context: billingContext, subscribe: true }) billing?: BillingContext;
}
customElements.define('context-probe', ContextProbe);

describe('<ups-billing-provider>', () => {
  it('shares a client, the session from the server, the locale and the country', async () => {
    const probe = await mount<ContextProbe>(html`<context-probe></context-probe>`, { user: 'payer1' });
    await until(() => probe.billing?.session.status === 'ready', 'session loaded');
    const { billing } = probe;
    if (billing?.session.status !== 'ready') throw new Error('no session');
    expect(billing.session.session.user.userId).to.equal('payer1');
    expect(billing.session.session.user.role).to.equal('payer');
    expect(billing.i18n.locale).to.equal('en');
    expect(billing.country).to.equal('US');
    expect(billing.client.baseUrl).to.equal('/api/v1');
  });

  it('is signed out without a token, and follows a token given later', async () => {
    const probe = await mount<ContextProbe>(html`<context-probe></context-probe>`, { user: null });
    expect(probe.billing?.session.status).to.equal('signed-out');
    const provider = probe.parentElement as UpsBillingProvider;
    provider.token = await tokenFor('viewer1');
    await until(() => probe.billing?.session.status === 'ready', 'session after token');
  });

  it('calls getToken again with refresh: true after a 401, once', async () => {
    const calls: boolean[] = [];
    const good = await tokenFor('admin1');
    const provider = await fixture<UpsBillingProvider>(
      html`<ups-billing-provider
        .getToken=${({ refresh }: { refresh: boolean }) => {
          calls.push(refresh);
          return refresh ? good : 'expired.or.bogus';
        }}
        ><context-probe></context-probe
      ></ups-billing-provider>`,
    );
    const probe = provider.querySelector('context-probe') as ContextProbe;
    await until(() => probe.billing?.session.status === 'ready', 'session after refresh');
    expect(calls).to.deep.equal([false, true]);
  });

  it('reports a refused token as a session error, not a crash', async () => {
    const provider = await fixture<UpsBillingProvider>(
      html`<ups-billing-provider .token=${'not.a.token'}><context-probe></context-probe></ups-billing-provider>`,
    );
    const probe = provider.querySelector('context-probe') as ContextProbe;
    await until(() => probe.billing?.session.status === 'error', 'session error');
    expect(probe.billing?.session).to.deep.equal({ status: 'error', code: 'token_invalid' });
  });

  it('takes the locale from its attribute, else <html lang>, and loads French', async () => {
    const probe = await mount<ContextProbe>(html`<context-probe></context-probe>`, { user: null, locale: 'fr-CA' });
    await until(() => probe.billing?.i18n.locale === 'fr', 'French loaded');
    expect(probe.billing!.i18n.t('common.retry')).to.equal('Réessayer');
    const provider = probe.parentElement as UpsBillingProvider;
    provider.removeAttribute('locale');
    provider.locale = undefined;
    document.documentElement.lang = 'fr';
    provider.requestUpdate();
    await until(() => probe.billing?.i18n.locale === 'fr', 'French from <html lang>');
    document.documentElement.lang = 'en';
    provider.requestUpdate();
    await until(() => probe.billing?.i18n.locale === 'en', 'back to English');
  });

  it('lets the host override any message by its key', async () => {
    const provider = await fixture<UpsBillingProvider>(
      html`<ups-billing-provider .messages=${{ 'common.retry': 'Reload invoices' }}
        ><context-probe></context-probe
      ></ups-billing-provider>`,
    );
    const probe = provider.querySelector('context-probe') as ContextProbe;
    expect(probe.billing!.i18n.t('common.retry')).to.equal('Reload invoices');
  });
});

describe('an element without a provider', () => {
  it('shows a clear message in place and names the fix in the console', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const table = await fixture(html`<ups-invoice-table></ups-invoice-table>`);
      await until(() => Boolean(table.shadowRoot?.querySelector('[role=alert]')), 'missing-provider message');
      expect(table.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('<ups-billing-provider>');
      expect(errors.join('\n')).to.match(/<ups-invoice-table> has no <ups-billing-provider>.*Fix:/);
    } finally {
      console.error = original;
    }
  });

  it('finds a provider whose definition loads after it', async () => {
    // A provider under a tag defined only after its child connected, as when
    // the provider's module loads last.
    const late = document.createElement('late-billing-provider');
    const table = document.createElement('ups-invoice-table');
    late.append(table);
    document.body.append(late);
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { UpsBillingProvider } = await import('./billing-provider.js');
      customElements.define('late-billing-provider', class extends UpsBillingProvider {});
      await until(
        () => Boolean(table.shadowRoot?.querySelector('.notice')),
        'signed-out notice from the late provider',
      );
      expect(table.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    } finally {
      late.remove();
    }
  });
});
