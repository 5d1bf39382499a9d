/**
 * Mistakes a host page can make. Each must leave a sentence on screen where
 * the element would be (never a blank box) and one console message that
 * names the fix — not one per element or per render.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { mount, until } from '../../test/browser/fixtures.js';
import { define, LIBRARY_VERSION } from './define.js';
import '../ups-billing-provider.js';
import '../ups-invoice-table.js';
import '../ups-wallet.js';
import '../ups-pay-form.js';

type Level = 'error' | 'warn';

/** Records console.error and console.warn while `run` runs. */
async function capture(run: () => Promise<void>): Promise<Record<Level, string[]>> {
  const calls: Record<Level, string[]> = { error: [], warn: [] };
  const original = { error: console.error, warn: console.warn };
  console.error = (...args: unknown[]) => calls.error.push(args.join(' '));
  console.warn = (...args: unknown[]) => calls.warn.push(args.join(' '));
  try {
    await run();
  } finally {
    Object.assign(console, original);
  }
  return calls;
}

const alertOf = (element: Element) => element.shadowRoot?.querySelector('[role=alert]')?.textContent?.trim() ?? '';

describe('host misuse', () => {
  it('an element without a provider: a message in place, one console error with the fix', async () => {
    const calls = await capture(async () => {
      const wrap = await fixture(html`<div><ups-wallet></ups-wallet><ups-wallet></ups-wallet></div>`);
      const [first, second] = wrap.querySelectorAll('ups-wallet');
      await until(() => Boolean(alertOf(first!) && alertOf(second!)), 'missing-provider messages');
      expect(alertOf(first!)).to.contain('<ups-billing-provider>');
    });
    const mine = calls.error.filter((text) => text.includes('<ups-wallet> has no <ups-billing-provider>'));
    expect(mine).to.have.length(1);
    expect(mine[0]).to.match(/Fix: .*<ups-billing-provider api-base=/);
  });

  it('the message follows <html lang> when there is no provider to say the locale', async () => {
    document.documentElement.lang = 'fr';
    try {
      const table = await fixture(html`<ups-invoice-table></ups-invoice-table>`);
      await until(
        () => alertOf(table).startsWith('Cet élément'),
        () => `French message, got "${alertOf(table)}"`,
      );
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('elements that work alone show no such message', async () => {
    const calls = await capture(async () => {
      const table = await fixture<LitElement>(html`<ups-invoice-table .items=${[]}></ups-invoice-table>`);
      const form = await fixture<LitElement>(html`<ups-pay-form guest api-base="/api/v1"></ups-pay-form>`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(alertOf(table)).to.equal('');
      expect(form.shadowRoot!.querySelector('form')).to.not.equal(null);
    });
    expect(calls.error.filter((text) => text.includes('has no <ups-billing-provider>'))).to.deep.equal([]);
  });

  it('a provider inside another: a message instead of its content, one console error with the fix', async () => {
    const calls = await capture(async () => {
      const outer = await fixture(html`
        <ups-billing-provider locale="fr">
          <ups-billing-provider locale="fr"><ups-invoice-table .items=${[]}></ups-invoice-table></ups-billing-provider>
          <ups-billing-provider><ups-invoice-table .items=${[]}></ups-invoice-table></ups-billing-provider>
        </ups-billing-provider>
      `);
      const inner = outer.querySelector('ups-billing-provider')!;
      await until(
        () => alertOf(inner).startsWith('Ce fournisseur'),
        () => `French message, got "${alertOf(inner)}"`,
      );
      expect(alertOf(inner)).to.contain('<ups-billing-provider>');
      // Its content is not shown: the message takes its place.
      expect(inner.shadowRoot!.querySelector('slot')).to.equal(null);
      expect(alertOf(outer)).to.equal('');
    });
    const nested = calls.error.filter((text) => text.includes('inside another <ups-billing-provider>'));
    expect(nested).to.have.length(1);
    expect(nested[0]).to.contain('Fix: keep one provider');
  });

  it('an unknown invoice-table view: a message in place and the fix in the console', async () => {
    const calls = await capture(async () => {
      const table = await mount(html`<ups-invoice-table view="accounts"></ups-invoice-table>`, {
        user: null,
        locale: 'fr',
      });
      await until(
        () => alertOf(table).startsWith('Vue « accounts » inconnue'),
        () => `got "${alertOf(table)}"`,
      );
    });
    expect(
      calls.error.filter((text) => /view="accounts".*Fix: use view="account" or view="plan"/.test(text)),
    ).to.have.length(1);
  });

  it('an unknown wallet view: a message in place, not a silent grid', async () => {
    const calls = await capture(async () => {
      const wallet = await mount(html`<ups-wallet view="cards"></ups-wallet>`, { user: null });
      await until(
        () => alertOf(wallet).includes('“cards”'),
        () => `got "${alertOf(wallet)}"`,
      );
      expect(wallet.shadowRoot!.querySelector('input[name=view]')).to.equal(null);
      (wallet as unknown as { view: string }).view = 'list';
      await until(() => alertOf(wallet) === '', 'message gone with a known view');
    });
    const mine = calls.error.filter((text) => text.includes('<ups-wallet view="cards">'));
    expect(mine).to.have.length(1);
    expect(mine[0]).to.contain('Fix: use view="grid" or view="list"');
  });

  it('a locale we do not ship: English, and one warning per locale value', async () => {
    const calls = await capture(async () => {
      const wrap = await fixture(html`
        <div>
          <ups-billing-provider locale="de-DE"
            ><ups-invoice-table .items=${[]}></ups-invoice-table
          ></ups-billing-provider>
          <ups-invoice-table locale="de-DE" .items=${[]}></ups-invoice-table>
          <ups-invoice-table locale="xx" .items=${[]}></ups-invoice-table>
        </div>
      `);
      const tables = wrap.querySelectorAll('ups-invoice-table');
      await until(
        () => [...tables].every((table) => table.shadowRoot?.textContent?.includes('No invoices to show.')),
        'English in every table',
      );
    });
    expect(calls.warn.filter((text) => text.includes('locale="de-DE" is not shipped'))).to.have.length(1);
    expect(calls.warn.filter((text) => text.includes('locale="xx" is not shipped'))).to.have.length(1);
    expect(calls.warn.join('\n')).to.contain('Fix: use locale="en" or locale="fr"');
  });

  it('the library loaded twice: the same release is quiet, another release is an error with the fix', async () => {
    const copy = class extends HTMLElement {};
    const calls = await capture(async () => {
      define('ups-invoice-table', copy);
      define('ups-invoice-table', copy, '9.9.9');
      define('ups-invoice-table', copy, '9.9.9');
    });
    expect(calls.error).to.have.length(1);
    expect(calls.error[0]).to.match(
      new RegExp(
        `<ups-invoice-table> is already defined by ups-billing-elements ${LIBRARY_VERSION}.*9\\.9\\.9.*Fix: load ups-billing-elements once`,
      ),
    );
    // The first definition still serves the page.
    expect(customElements.get('ups-invoice-table')).to.not.equal(copy);
  });

  it('knows its own release, to tell two releases apart', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(LIBRARY_VERSION).to.equal(pkg.version);
  });
});
