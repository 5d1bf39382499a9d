/**
 * French is complete, in the catalogs and on screen. The catalogs: every
 * English key has a French message, and a French message equal to the
 * English one is a choice written down below. On screen: every element,
 * rendered in French against the real server, shows no English message of
 * the catalogs — which catches a bundle whose French did not load, a key
 * missing in French, and a message built outside the catalogs from English
 * pieces. Hosts can replace any message by its key, in either language.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { UpsBillingProvider } from '../context/billing-provider.js';
import { listInvoices } from '../api/endpoints/invoices.js';
import { BillingClient } from '../api/client.js';
import type { Invoice } from '../api/schemas/invoice.js';
import { privateServer, tokenFor, until } from '../../test/browser/fixtures.js';
import enAccounts from '../locales/en/accounts.js';
import enAccountsForms from '../locales/en/accounts-forms.js';
import enAutopay from '../locales/en/autopay.js';
import enAutopayForm from '../locales/en/autopay-form.js';
import enDashboard from '../locales/en/billing-dashboard.js';
import enCommon from '../locales/en/common.js';
import enDispute from '../locales/en/dispute.js';
import enDisputeForm from '../locales/en/dispute-form.js';
import enDisputeList from '../locales/en/dispute-list.js';
import enEnrollment from '../locales/en/enrollment.js';
import enInbound from '../locales/en/inbound-charges.js';
import enInvoiceDetail from '../locales/en/invoice-detail.js';
import enInvoiceTable from '../locales/en/invoice-table.js';
import enPayForm from '../locales/en/pay-form.js';
import enPaymentActivity from '../locales/en/payment-activity.js';
import enPaymentFailure from '../locales/en/payment-failure.js';
import enReceipt from '../locales/en/receipt.js';
import enUserAdmin from '../locales/en/user-admin.js';
import enUserAdminForms from '../locales/en/user-admin-forms.js';
import enWallet from '../locales/en/wallet.js';
import enWalletForms from '../locales/en/wallet-forms.js';
import frAccounts from '../locales/fr/accounts.js';
import frAccountsForms from '../locales/fr/accounts-forms.js';
import frAutopay from '../locales/fr/autopay.js';
import frAutopayForm from '../locales/fr/autopay-form.js';
import frDashboard from '../locales/fr/billing-dashboard.js';
import frCommon from '../locales/fr/common.js';
import frDispute from '../locales/fr/dispute.js';
import frDisputeForm from '../locales/fr/dispute-form.js';
import frDisputeList from '../locales/fr/dispute-list.js';
import frEnrollment from '../locales/fr/enrollment.js';
import frInbound from '../locales/fr/inbound-charges.js';
import frInvoiceDetail from '../locales/fr/invoice-detail.js';
import frInvoiceTable from '../locales/fr/invoice-table.js';
import frPayForm from '../locales/fr/pay-form.js';
import frPaymentActivity from '../locales/fr/payment-activity.js';
import frPaymentFailure from '../locales/fr/payment-failure.js';
import frReceipt from '../locales/fr/receipt.js';
import frUserAdmin from '../locales/fr/user-admin.js';
import frUserAdminForms from '../locales/fr/user-admin-forms.js';
import frWallet from '../locales/fr/wallet.js';
import frWalletForms from '../locales/fr/wallet-forms.js';
import '../ups-accounts.js';
import '../ups-autopay.js';
import '../ups-billing-dashboard.js';
import '../ups-billing-provider.js';
import '../ups-dispute-form.js';
import '../ups-dispute-list.js';
import '../ups-enrollment.js';
import '../ups-inbound-charges.js';
import '../ups-invoice-detail.js';
import '../ups-invoice-table.js';
import '../ups-pay-form.js';
import '../ups-payment-activity.js';
import '../ups-user-admin.js';
import '../ups-wallet.js';

type Catalog = Readonly<Record<string, string>>;

/** Every bundle, English and French side by side. */
const BUNDLES: Record<string, [Catalog, Catalog]> = {
  accounts: [enAccounts, frAccounts],
  'accounts-forms': [enAccountsForms, frAccountsForms],
  autopay: [enAutopay, frAutopay],
  'autopay-form': [enAutopayForm, frAutopayForm],
  'billing-dashboard': [enDashboard, frDashboard],
  common: [enCommon, frCommon],
  dispute: [enDispute, frDispute],
  'dispute-form': [enDisputeForm, frDisputeForm],
  'dispute-list': [enDisputeList, frDisputeList],
  enrollment: [enEnrollment, frEnrollment],
  'inbound-charges': [enInbound, frInbound],
  'invoice-detail': [enInvoiceDetail, frInvoiceDetail],
  'invoice-table': [enInvoiceTable, frInvoiceTable],
  'pay-form': [enPayForm, frPayForm],
  'payment-activity': [enPaymentActivity, frPaymentActivity],
  'payment-failure': [enPaymentFailure, frPaymentFailure],
  receipt: [enReceipt, frReceipt],
  'user-admin': [enUserAdmin, frUserAdmin],
  'user-admin-forms': [enUserAdminForms, frUserAdminForms],
  wallet: [enWallet, frWallet],
  'wallet-forms': [enWalletForms, frWalletForms],
};

/**
 * French messages that may equal the English ones, with the reason. Anything
 * else equal to its English is taken for a text someone forgot to translate.
 */
const SAME_IN_FRENCH: Record<string, string> = {
  Actions: 'same word in French',
  Action: 'same word in French',
  Plan: 'same word in French (a billing plan)',
  Date: 'same word in French',
  Confirmation: 'same word in French',
  Description: 'same word in French',
  Contact: 'same word in French',
  Type: 'same word in French',
  Total: 'same word in French',
  Service: 'same word in French',
  Note: 'same word in French',
  Exceptions: 'same word in French',
  '{count} exception': 'same word in French',
  '{count} exceptions': 'same word in French',
  Pages: 'same word in French',
  'plan {number}': 'same word in French',
  Visa: 'brand',
  Mastercard: 'brand',
  'American Express': 'brand',
  Discover: 'brand',
  'Cartes Bancaires': 'brand',
  PayPal: 'brand',
  UPS: 'brand',
  IBAN: 'standard abbreviation, the same in French',
  '—': 'a dash for "none"',
  '{label}': 'data only',
  '{number} — {name}': 'data only',
  '{brand} •••• {last4}': 'data only',
};

describe('French catalogs', () => {
  it('have every English key, and no other', () => {
    const problems: string[] = [];
    for (const [bundle, [en, fr]] of Object.entries(BUNDLES)) {
      for (const key of Object.keys(en)) if (!(key in fr)) problems.push(`${bundle}: ${key} missing in French`);
      for (const key of Object.keys(fr)) if (!(key in en)) problems.push(`${bundle}: ${key} only in French`);
    }
    expect(problems).to.deep.equal([]);
  });

  it('translate every message, but for the ones listed with a reason', () => {
    const same = Object.entries(BUNDLES).flatMap(([bundle, [en, fr]]) =>
      Object.keys(en)
        .filter((key) => en[key] === fr[key] && !(en[key]! in SAME_IN_FRENCH))
        .map((key) => `${bundle}: ${key} = ${JSON.stringify(en[key])}`),
    );
    expect(same).to.deep.equal([]);
  });

  it('keep the {parameters} of the English message', () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const problems = Object.entries(BUNDLES).flatMap(([bundle, [en, fr]]) =>
      Object.keys(en)
        .filter((key) => params(en[key]!).join() !== params(fr[key] ?? '').join())
        .map((key) => `${bundle}: ${key}`),
    );
    expect(problems).to.deep.equal([]);
  });
});

// ── English on a French screen ─────────────────────────────────────────

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Matchers of the English messages that a French screen must not show. */
function englishMatchers(): { key: string; test: (text: string) => boolean }[] {
  const french = new Set<string>();
  for (const [, fr] of Object.values(BUNDLES)) for (const value of Object.values(fr)) french.add(squash(value));
  const matchers: { key: string; test: (text: string) => boolean }[] = [];
  for (const [en, fr] of Object.values(BUNDLES)) {
    for (const [key, raw] of Object.entries(en)) {
      const value = squash(raw);
      // The same text is also French somewhere (Total, Actions…): seeing it proves nothing.
      if (value === squash(fr[key] ?? '') || french.has(value)) continue;
      const literal = value.replace(/\{\w+\}/g, '');
      // Nothing but parameters and punctuation: only data would match.
      if (!/\p{L}{2,}/u.test(literal)) continue;
      if (!value.includes('{')) {
        matchers.push({ key, test: (text) => text === value });
      } else {
        const pattern = new RegExp(
          `^${value
            .split(/\{\w+\}/)
            .map(escape)
            .join('.+?')}$`,
          's',
        );
        matchers.push({ key, test: (text) => pattern.test(text) });
      }
    }
  }
  return matchers;
}

const READ_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription'];

/** The texts people read or hear in `root`: text nodes, and attributes read out. Crosses shadow roots. */
function shownTexts(root: Node, into: Set<string> = new Set()): Set<string> {
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement?.localName;
      if (parent !== 'style' && parent !== 'script') {
        const text = squash(node.textContent ?? '');
        if (text) {
          into.add(text);
          // "Label:" or "Label *" still shows the message.
          into.add(text.replace(/\s*[:*]$/, ''));
        }
      }
      return;
    }
    if (node instanceof Element) {
      for (const name of READ_ATTRIBUTES) {
        const value = node.getAttribute(name);
        if (value?.trim()) into.add(squash(value));
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return into;
}

/** Elements matching `selector` in `root` and every shadow root under it. */
function deepQueryAll<E extends Element = HTMLElement>(root: Element | ShadowRoot, selector: string): E[] {
  const found = [...root.querySelectorAll<E>(selector)];
  for (const element of root.querySelectorAll('*'))
    if (element.shadowRoot) found.push(...deepQueryAll<E>(element.shadowRoot, selector));
  if (root instanceof Element && root.shadowRoot) found.push(...deepQueryAll<E>(root.shadowRoot, selector));
  return found;
}

/** Waits until what `root` shows stops changing (data loaded, lazy parts in). */
async function settled(root: Node, timeout = 8000): Promise<void> {
  const start = performance.now();
  let last = '';
  let stable = 0;
  while (performance.now() - start < timeout) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const now = [...shownTexts(root)].join('\n');
    stable = now === last ? stable + 1 : 0;
    if (stable >= 3) return;
    last = now;
  }
}

function englishIn(root: Node, matchers = englishMatchers()): string[] {
  const found: string[] = [];
  for (const text of shownTexts(root)) {
    const hit = matchers.find((matcher) => matcher.test(text));
    if (hit) found.push(`${hit.key}: ${JSON.stringify(text)}`);
  }
  return found;
}

describe('a French screen', function () {
  this.timeout(120_000);
  let apiBase = '';
  let token = '';
  let invoices: Invoice[] = [];

  before(async () => {
    apiBase = await privateServer();
    token = await tokenFor('admin1', apiBase);
    const client = new BillingClient({ baseUrl: apiBase, getToken: () => token });
    invoices = (await client.call(listInvoices, { query: { status: 'outstanding', pageSize: 5 } })).items;
  });

  const inProvider = (content: TemplateResult) =>
    fixture<UpsBillingProvider>(html`
      <ups-billing-provider api-base=${apiBase} locale="fr" .token=${token}>${content}</ups-billing-provider>
    `);

  const elements: Record<string, () => TemplateResult> = {
    'ups-accounts': () => html`<ups-accounts></ups-accounts>`,
    'ups-autopay': () => html`<ups-autopay></ups-autopay>`,
    'ups-billing-dashboard': () => html`<ups-billing-dashboard></ups-billing-dashboard>`,
    'ups-dispute-form': () => html`<ups-dispute-form invoice-number=${invoices[0]!.number}></ups-dispute-form>`,
    'ups-dispute-list': () => html`<ups-dispute-list></ups-dispute-list>`,
    'ups-inbound-charges': () => html`<ups-inbound-charges></ups-inbound-charges>`,
    'ups-invoice-detail': () => html`<ups-invoice-detail invoice-number=${invoices[0]!.number}></ups-invoice-detail>`,
    'ups-invoice-table': () => html`<ups-invoice-table></ups-invoice-table>`,
    'ups-pay-form': () => html`<ups-pay-form .invoices=${invoices.slice(0, 2)}></ups-pay-form>`,
    'ups-payment-activity': () => html`<ups-payment-activity></ups-payment-activity>`,
    'ups-user-admin': () => html`<ups-user-admin></ups-user-admin>`,
    'ups-wallet': () => html`<ups-wallet></ups-wallet>`,
  };

  for (const [tag, content] of Object.entries(elements)) {
    it(`<${tag}> shows no English`, async () => {
      const provider = await inProvider(content());
      const element = provider.querySelector(tag)!;
      await until(() => (element.shadowRoot?.textContent ?? '').trim() !== '', `<${tag}> rendered`);
      await settled(element);
      expect(englishIn(element)).to.deep.equal([]);
      // Its disclosures (row details, menus, filters) hold more text: open them and look again.
      const closed = deepQueryAll(element, 'button[aria-expanded=false]').slice(0, 8);
      if (closed.length) {
        for (const button of closed) button.click();
        await settled(element);
        expect(englishIn(element), `<${tag}> with ${closed.length} disclosures opened`).to.deep.equal([]);
      }
    });
  }

  it('<ups-pay-form> shows no English in its field errors', async () => {
    const provider = await inProvider(elements['ups-pay-form']!());
    const form = provider.querySelector('ups-pay-form')!;
    const submit = () => form.shadowRoot!.querySelector<HTMLButtonElement>('form button[type=submit]');
    await until(() => Boolean(submit()), 'the form’s submit button', 10_000);
    await settled(form);
    submit()!.click();
    await until(() => Boolean(form.shadowRoot!.querySelector('.error-summary')), 'error summary');
    expect(englishIn(form)).to.deep.equal([]);
  });

  it('<ups-enrollment> without a provider shows no English, light-DOM fields included', async () => {
    const wrap = await fixture(html`<div><ups-enrollment api-base=${apiBase} locale="fr"></ups-enrollment></div>`);
    const element = wrap.querySelector('ups-enrollment')!;
    await until(() => (element.shadowRoot?.textContent ?? '').trim() !== '', 'enrollment rendered');
    await settled(wrap);
    expect(englishIn(wrap)).to.deep.equal([]);
  });

  it('the guest <ups-pay-form> without a provider shows no English, nor in its field errors', async () => {
    const form = await fixture(html`<ups-pay-form guest api-base=${apiBase} locale="fr"></ups-pay-form>`);
    const submit = () => form.shadowRoot?.querySelector<HTMLButtonElement>('form button[type=submit]');
    await until(() => Boolean(submit()), 'the form’s submit button', 10_000);
    await settled(form);
    expect(englishIn(form)).to.deep.equal([]);
    submit()!.click();
    await until(() => Boolean(form.shadowRoot!.querySelector('.error-summary')), 'error summary');
    expect(englishIn(form)).to.deep.equal([]);
  });

  it('the test itself finds English on a French screen', async () => {
    // Guards the matchers: a screen showing an English message must fail.
    const probe = await fixture(
      html`<div>
        <p>${enInvoiceTable['invoiceTable.empty']}</p>
        <p>${enInvoiceTable['invoiceTable.count.other'].replace('{count}', '12')}</p>
      </div>`,
    );
    expect(englishIn(probe).map((hit) => hit.replace(/^[\w.-]+: /, ''))).to.deep.equal([
      JSON.stringify(enInvoiceTable['invoiceTable.empty']),
      '"12 invoices"',
    ]);
  });
});

describe('message overrides', () => {
  const empty = (root: Element) =>
    squash(root.shadowRoot?.querySelector('.empty, [part~=empty]')?.textContent ?? root.shadowRoot?.textContent ?? '');

  for (const locale of ['en', 'fr']) {
    it(`replace a message by its key in ${locale === 'en' ? 'English' : 'French'}`, async () => {
      const provider = await fixture<UpsBillingProvider>(html`
        <ups-billing-provider locale=${locale} .messages=${{ 'invoiceTable.empty': 'Rien à payer — merci !' }}>
          <ups-invoice-table .items=${[]}></ups-invoice-table>
        </ups-billing-provider>
      `);
      const table = provider.querySelector('ups-invoice-table')!;
      await until(
        () => empty(table).includes('Rien à payer — merci !'),
        () => `override shown, got "${empty(table)}"`,
      );
      expect(empty(table)).to.not.contain(frInvoiceTable['invoiceTable.empty']);
      expect(empty(table)).to.not.contain(enInvoiceTable['invoiceTable.empty']);
    });
  }

  it('reach elements of the provider that change their overrides later', async () => {
    const provider = await fixture<UpsBillingProvider>(html`
      <ups-billing-provider locale="fr"><ups-invoice-table .items=${[]}></ups-invoice-table></ups-billing-provider>
    `);
    const table = provider.querySelector('ups-invoice-table')!;
    await until(() => empty(table).includes(frInvoiceTable['invoiceTable.empty']), 'French message');
    provider.messages = { 'invoiceTable.empty': 'Tout est payé.' };
    await until(
      () => empty(table).includes('Tout est payé.'),
      () => `new override shown, got "${empty(table)}"`,
    );
  });
});
