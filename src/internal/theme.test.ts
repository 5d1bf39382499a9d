import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement, type TemplateResult } from 'lit';
import type { BillingTheme, UpsBillingProvider } from '../context/billing-provider.js';
import { expectAccessible, tokenFor, until } from '../../test/browser/fixtures.js';
import '../ups-billing-provider.js';
import '../ups-billing-dashboard.js';
import '../ups-invoice-table.js';
import '../ups-wallet.js';
import '../ups-autopay.js';
import '../ups-user-admin.js';
import '../ups-payment-activity.js';
import '../ups-pay-form.js';
import '../ups-accounts.js';
import '../ups-dispute-form.js';
import '../ups-dispute-list.js';
import '../ups-enrollment.js';
import '../ups-inbound-charges.js';
import '../ups-invoice-detail.js';
import { credentialStyles } from '../elements/enrollment/enrollment.styles.js';
import { UpsHelpLinks } from './help-links.js';
import { CardFrameController } from './card-frame.js';
import { baseStyles } from './styles.js';

/** Computed colours come back as rgb(); the palettes below are written in hex, as in the sources. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

const LIGHT = { text: '#1d1d1f', surface: '#ffffff', accent: '#5c3d11', onAccent: '#ffffff' };
const DARK = { text: '#ecebe7', surface: '#1f1e1c', accent: '#e3b672', onAccent: '#1f1e1c' };

/** Elements that show buttons once their data is in, each signed in as someone who sees them. */
const ELEMENTS: [tag: string, template: TemplateResult][] = [
  ['ups-billing-dashboard', html`<ups-billing-dashboard></ups-billing-dashboard>`],
  ['ups-invoice-table', html`<ups-invoice-table></ups-invoice-table>`],
  ['ups-wallet', html`<ups-wallet></ups-wallet>`],
  ['ups-autopay', html`<ups-autopay></ups-autopay>`],
  ['ups-user-admin', html`<ups-user-admin></ups-user-admin>`],
  ['ups-payment-activity', html`<ups-payment-activity></ups-payment-activity>`],
];

async function mountThemed(
  theme: BillingTheme | null,
  content: TemplateResult | TemplateResult[],
  className = '',
): Promise<UpsBillingProvider> {
  const token = await tokenFor('admin1');
  const provider = await fixture<UpsBillingProvider>(html`
    <ups-billing-provider class=${className} locale="en" .token=${token}>${content}</ups-billing-provider>
  `);
  if (theme) {
    provider.theme = theme;
    await provider.updateComplete;
  }
  return provider;
}

/** The element's first button of a kind, once it has rendered one (data loaded). */
async function button(element: Element, selector: string): Promise<HTMLElement> {
  const find = () => element.shadowRoot!.querySelector<HTMLElement>(selector);
  await until(() => Boolean(find()), `${element.localName} shows ${selector}`, 15_000);
  return find()!;
}

const style = (element: Element) => getComputedStyle(element);

const hostSheets: CSSStyleSheet[] = [];

/** A stylesheet of the host page (constructed, as a strict CSP allows), removed after each test. */
function hostSheet(cssText: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  hostSheets.push(sheet);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

describe('Themes', () => {
  afterEach(async () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => !hostSheets.includes(sheet));
    await emulateMedia({ colorScheme: 'light', media: 'screen' });
  });

  it('are light by default, the theme attribute reflected and the page showing through the elements', async () => {
    const provider = await mountThemed(null, html`<ups-invoice-table></ups-invoice-table>`);
    const table = provider.querySelector('ups-invoice-table')!;
    expect(provider.getAttribute('theme')).to.equal('light');
    const plain = await button(table, '.button:not(.danger)');
    expect(style(table).color).to.equal(rgb(LIGHT.text));
    expect(style(table).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(style(table.shadowRoot!.querySelector('.frame')!).backgroundColor).to.equal(rgb(LIGHT.surface));
    expect(style(plain).borderTopColor).to.equal(rgb(LIGHT.accent));
    expect(style(table).colorScheme).to.equal('light');
  });

  it('dark: text, surfaces and buttons inside every element take the dark tokens', async () => {
    const provider = await mountThemed(
      'dark',
      ELEMENTS.map(([, template]) => template),
    );
    expect(provider.getAttribute('theme')).to.equal('dark');
    for (const [tag] of ELEMENTS) {
      const element = provider.querySelector(tag)!;
      const plain = await button(element, '.button:not(.danger)');
      expect(style(element).color, `${tag} text`).to.equal(rgb(DARK.text));
      expect(style(element).backgroundColor, `${tag} background`).to.equal(rgb(DARK.surface));
      // Native controls (check boxes, selects, scroll bars) follow too.
      expect(style(element).colorScheme, `${tag} color-scheme`).to.equal('dark');
      expect(style(plain).borderTopColor, `${tag} button border`).to.equal(rgb(DARK.accent));
      expect(style(plain).backgroundColor, `${tag} button`).to.be.oneOf([rgb(DARK.accent), rgb(DARK.surface)]);
    }
    const table = provider.querySelector('ups-invoice-table')!;
    expect(style(table.shadowRoot!.querySelector('.frame')!).backgroundColor).to.equal(rgb(DARK.surface));
    const dashboard = provider.querySelector('ups-billing-dashboard')!;
    const pay = await button(dashboard, '.button.primary');
    expect(style(pay).backgroundColor).to.equal(rgb(DARK.accent));
    expect(style(pay).color).to.equal(rgb(DARK.onAccent));
  });

  it('dark passes axe, colour contrast included, in the dashboard and the invoice table', async () => {
    const provider = await mountThemed('dark', [
      html`<ups-billing-dashboard></ups-billing-dashboard>`,
      html`<ups-invoice-table></ups-invoice-table>`,
    ]);
    const dashboard = provider.querySelector('ups-billing-dashboard')!;
    const table = provider.querySelector('ups-invoice-table')!;
    await button(dashboard, '.button.primary');
    await until(() => Boolean(table.shadowRoot!.querySelector('.badge')), 'invoice rows with status badges', 15_000);
    await expectAccessible(dashboard);
    await expectAccessible(table);
  });

  it('auto follows prefers-color-scheme, both ways', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const provider = await mountThemed('auto', html`<ups-wallet></ups-wallet>`);
    const wallet = provider.querySelector('ups-wallet')!;
    const plain = await button(wallet, '.button:not(.danger)');
    expect(style(wallet).color).to.equal(rgb(DARK.text));
    expect(style(plain).borderTopColor).to.equal(rgb(DARK.accent));
    await emulateMedia({ colorScheme: 'light' });
    expect(style(wallet).color).to.equal(rgb(LIGHT.text));
    expect(style(plain).borderTopColor).to.equal(rgb(LIGHT.accent));
    // A theme chosen by the host does not follow the system.
    provider.theme = 'light';
    await provider.updateComplete;
    await emulateMedia({ colorScheme: 'dark' });
    expect(style(wallet).color).to.equal(rgb(LIGHT.text));
  });

  it('prints light: the dark tokens are for the screen', async () => {
    const provider = await mountThemed('dark', html`<ups-payment-activity></ups-payment-activity>`);
    const activity = provider.querySelector('ups-payment-activity')!;
    expect(style(activity).color).to.equal(rgb(DARK.text));
    await emulateMedia({ media: 'print' });
    expect(style(activity).color).to.equal(rgb(LIGHT.text));
  });

  it('a host token on the provider changes the buttons of every element, over the dark theme too', async () => {
    const teal = 'rgb(0, 95, 115)';
    hostSheet(`ups-billing-provider.host-look { --ups-color-accent: ${teal}; }`);
    const provider = await mountThemed(
      null,
      ELEMENTS.map(([, template]) => template),
      'host-look',
    );
    for (const theme of ['light', 'dark'] as const) {
      provider.theme = theme;
      await provider.updateComplete;
      for (const [tag] of ELEMENTS) {
        const plain = await button(provider.querySelector(tag)!, '.button:not(.danger)');
        expect(style(plain).borderTopColor, `${tag} in ${theme}`).to.equal(teal);
      }
    }
    // The other tokens still come from the theme.
    expect(style(provider.querySelector('ups-wallet')!).color).to.equal(rgb(DARK.text));
  });

  it('the dark snippet of docs/THEMING.md matches the provider, and themes a guest pay form with no provider', async () => {
    const doc = await (await fetch('/docs/THEMING.md')).text();
    const snippet = /```css\n(\.billing-dark[\s\S]*?)```/.exec(doc)?.[1];
    expect(snippet, 'the .billing-dark snippet').to.be.a('string');
    const declarations = [...snippet!.matchAll(/(--ups-[a-z-]+):\s*([^;]+);/g)].filter(
      ([, , value]) => !value!.includes('var('),
    );
    expect(declarations.length).to.be.greaterThan(10);

    const provider = await mountThemed('dark', html``);
    for (const [, name, value] of declarations) {
      expect(style(provider).getPropertyValue(name!).trim(), name).to.equal(value!.trim());
    }

    hostSheet(snippet!);
    const wrapper = await fixture<HTMLElement>(
      html`<div class="billing-dark"><ups-pay-form guest api-base="/api/v1"></ups-pay-form></div>`,
    );
    const form = wrapper.querySelector('ups-pay-form')!;
    await until(() => Boolean(form.shadowRoot!.querySelector('#account')), 'the guest form');
    expect(style(form).color).to.equal(rgb(DARK.text));
    expect(style(form.shadowRoot!.querySelector('#account')!).backgroundColor).to.equal(rgb(DARK.surface));
    await expectAccessible(form);
  });

  it('the card frame follows the element it is in: dark inside a dark provider, light otherwise', async () => {
    // A bare host for the frame's controller, in a provider that is dark, then light.
    class FrameHost extends LitElement {
      static override styles = baseStyles;
      readonly frame = new CardFrameController(this, () => {});
      override render() {
        return this.frame.render('Card');
      }
    }
    customElements.define('theme-test-frame-host', FrameHost);
    for (const theme of ['dark', 'light'] as const) {
      const provider = await fixture<UpsBillingProvider>(
        html`<ups-billing-provider theme=${theme}
          ><theme-test-frame-host></theme-test-frame-host
        ></ups-billing-provider>`,
      );
      const host = provider.querySelector<FrameHost>('theme-test-frame-host')!;
      host.frame.configure('/card-frame/', '/api/v1', { locale: 'en' });
      host.requestUpdate();
      await host.updateComplete;
      const src = new URL(host.shadowRoot!.querySelector('iframe')!.src);
      expect(src.searchParams.get('theme'), theme).to.equal(theme === 'dark' ? 'dark' : null);
    }
  });

  it('no element sheet writes a colour of its own: every colour goes through a token', () => {
    const allowed = [
      // A dialog's ::backdrop inherited nothing before 2024: the light value stays as the fallback.
      'var(--_ups-backdrop, rgb(0 0 0 / 35%))',
      // Read where it is used (menus only), with the light value, so that the other elements do not carry it.
      'var(--ups-shadow, 0 6px 24px rgb(0 0 0 / 18%))',
    ];
    const literal = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|\b(?:white|black)\b(?!-)/i;
    const base = baseStyles.cssText;
    const tags = [
      ...ELEMENTS.map(([tag]) => tag),
      ...['accounts', 'dispute-form', 'dispute-list', 'enrollment', 'inbound-charges', 'invoice-detail', 'pay-form'],
    ].map((name) => (name.startsWith('ups-') ? name : `ups-${name}`));
    type Styled = { elementStyles: { cssText?: string }[] };
    const classes = tags.map((tag) => [tag, customElements.get(tag) as unknown as Styled] as const);
    // Defined on first use: reading observedAttributes finalizes the class, which builds its elementStyles.
    void UpsHelpLinks.observedAttributes;
    classes.push(['ups-help-links', UpsHelpLinks as unknown as Styled]);
    const sheets = classes.flatMap(([tag, ctor]) => {
      expect(ctor, tag).to.not.equal(undefined);
      return ctor.elementStyles.map((sheet) => [tag, sheet.cssText ?? ''] as const);
    });
    sheets.push(['enrollment credentials', credentialStyles.cssText]);
    for (const [tag, cssText] of sheets) {
      if (cssText === base) continue;
      let text = cssText.replace(/white-space/g, '');
      for (const fallback of allowed) text = text.replaceAll(fallback, '');
      const found = literal.exec(text);
      expect(
        found?.[0],
        `${tag}: …${found ? text.slice(Math.max(0, found.index - 60), found.index + 20) : ''}`,
      ).to.equal(undefined);
    }
  });
});
