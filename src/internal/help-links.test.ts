/**
 * The provider's help and contact links, as elements show them: under a
 * failure, in a form's error summary, and beside the sign-up. Real server:
 * the failure is the server refusing a token.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { UpsBillingProvider } from '../context/billing-provider.js';
import type { UpsEnrollment } from '../elements/enrollment/enrollment.js';
import type { UpsWallet } from '../elements/wallet/wallet.js';
import { expectAccessible, privateServer, until } from '../../test/browser/fixtures.js';
import '../ups-billing-provider.js';
import '../ups-enrollment.js';
import '../ups-wallet.js';

/** Each `<ups-help-links>` in `root` that shows links, as its links' text and address. */
function linksIn(root: ShadowRoot): { text: string; href: string | null; target: string | null }[][] {
  return [...root.querySelectorAll('ups-help-links')]
    .filter((links) => !links.hidden)
    .map((links) =>
      [...links.shadowRoot!.querySelectorAll('a')].map((a) => ({
        text: a.textContent!.replace(/\s+/g, ' ').trim(),
        href: a.getAttribute('href'),
        target: a.getAttribute('target'),
      })),
    );
}

async function page(attributes: {
  help?: string;
  contact?: string;
  assistant?: string;
  target?: string;
  locale?: string;
}) {
  const apiBase = await privateServer();
  const provider = await fixture<UpsBillingProvider>(html`
    <ups-billing-provider
      api-base=${apiBase}
      locale=${attributes.locale ?? 'en'}
      help-href=${attributes.help ?? undefined}
      contact-href=${attributes.contact ?? undefined}
      assistant-href=${attributes.assistant ?? undefined}
      help-target=${attributes.target ?? undefined}
      .token=${'refused.token.value'}
    >
      <ups-wallet></ups-wallet>
      <ups-enrollment></ups-enrollment>
    </ups-billing-provider>
  `);
  const wallet = provider.querySelector<UpsWallet>('ups-wallet')!;
  const enrollment = provider.querySelector<UpsEnrollment>('ups-enrollment')!;
  // The server refuses the token: the wallet shows its failure view.
  await until(() => Boolean(wallet.shadowRoot?.querySelector('.notice.error')), 'the wallet’s failure view', 10_000);
  await until(() => Boolean(enrollment.shadowRoot?.querySelector('.step-title')), 'the enrolment');
  // The links' element loads on demand, with the first view that may show them.
  await customElements.whenDefined('ups-help-links');
  for (const links of [wallet, enrollment].flatMap((el) => [...el.shadowRoot!.querySelectorAll('ups-help-links')]))
    await links.updateComplete;
  return { wallet, enrollment };
}

const HELP = { text: 'Help', href: 'https://www.example.com/help', target: null };
const CONTACT = { text: 'Contact us', href: 'https://www.example.com/contact', target: null };

describe('help and contact links', () => {
  it('a failure view, an error summary and the enrolment link to the provider’s help and contact pages', async () => {
    const { wallet, enrollment } = await page({ help: HELP.href, contact: CONTACT.href });
    expect(linksIn(wallet.shadowRoot!), 'under the failure').to.deep.equal([[HELP, CONTACT]]);
    const failure = wallet.shadowRoot!.querySelector('.notice.error ups-help-links');
    expect(failure?.shadowRoot?.textContent, 'an introduction before the links').to.contain('Need help?');
    await expectAccessible(wallet);

    // The enrolment points to help before the user calls, then lists the links.
    expect(enrollment.shadowRoot!.querySelector('.help')?.textContent).to.contain('virtual assistant');
    expect(linksIn(enrollment.shadowRoot!)).to.deep.equal([[HELP, CONTACT]]);

    // A form's error summary offers them too.
    enrollment.shadowRoot!.querySelector<HTMLFormElement>('form.step')!.requestSubmit();
    await until(() => Boolean(enrollment.shadowRoot!.querySelector('select#country')), 'the country step');
    // The provider's country is chosen already; the account number is left empty.
    enrollment.shadowRoot!.querySelector<HTMLFormElement>('form.step')!.requestSubmit();
    await until(() => Boolean(enrollment.shadowRoot!.querySelector('input#account')), 'the account step');
    enrollment.shadowRoot!.querySelector<HTMLFormElement>('form.step')!.requestSubmit();
    await until(() => Boolean(enrollment.shadowRoot!.querySelector('.error-summary')), 'the error summary');
    await enrollment.updateComplete;
    const summary = enrollment.shadowRoot!.querySelector('.error-summary')!;
    const inSummary = summary.querySelector('ups-help-links')!;
    await (inSummary as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect([...inSummary.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      HELP.href,
      CONTACT.href,
    ]);
    await expectAccessible(enrollment);
  });

  it('without help-href or contact-href, no help link renders anywhere', async () => {
    const { wallet, enrollment } = await page({});
    expect(linksIn(wallet.shadowRoot!)).to.deep.equal([]);
    expect(wallet.shadowRoot!.querySelector('ups-help-links')!.shadowRoot!.querySelector('a')).to.equal(null);
    expect(enrollment.shadowRoot!.querySelector('.help'), 'no help aside').to.equal(null);
    expect(linksIn(enrollment.shadowRoot!)).to.deep.equal([]);
  });

  it('offers the virtual assistant, opens in a new tab when the host says so, and speaks French', async () => {
    const { wallet, enrollment } = await page({
      help: HELP.href,
      assistant: 'https://www.example.com/assistant',
      contact: CONTACT.href,
      target: '_blank',
      locale: 'fr',
    });
    await until(() => linksIn(wallet.shadowRoot!)[0]?.[0]?.text.startsWith('Aide') ?? false, 'the French links');
    const links = wallet.shadowRoot!.querySelector('ups-help-links')!.shadowRoot!.querySelectorAll('a');
    expect([...links].map((a) => a.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Aide (s’ouvre dans un nouvel onglet)',
      'Assistant virtuel (s’ouvre dans un nouvel onglet)',
      'Nous contacter (s’ouvre dans un nouvel onglet)',
    ]);
    expect([...links].map((a) => [a.target, a.rel])).to.deep.equal([
      ['_blank', 'noopener'],
      ['_blank', 'noopener'],
      ['_blank', 'noopener'],
    ]);
    expect(enrollment.shadowRoot!.querySelector('.help h4')?.textContent).to.equal(
      'Besoin d’aide pour vous inscrire ?',
    );
    await expectAccessible(enrollment);
  });

  it('a sign-up page without a provider gives the enrolment its own links', async () => {
    const apiBase = await privateServer();
    const el = await fixture<UpsEnrollment>(
      html`<ups-enrollment api-base=${apiBase} help-href=${HELP.href} contact-href=${CONTACT.href}></ups-enrollment>`,
    );
    await until(() => linksIn(el.shadowRoot!).length > 0, 'the links');
    expect(linksIn(el.shadowRoot!)).to.deep.equal([[HELP, CONTACT]]);
  });
});
