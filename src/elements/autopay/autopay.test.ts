import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cancelAutopayRule, createAutopayRule } from '../../api/endpoints/autopay.js';
import { listInvoices } from '../../api/endpoints/invoices.js';
import { removePaymentMethod } from '../../api/endpoints/wallet.js';
import type { AutopayRule } from '../../api/schemas/autopay.js';
import type { UpsPayRequestEvent } from '../../events/pay-request.js';
import { expectAccessible, mount, privateServer, until } from '../../../test/browser/fixtures.js';
import '../../ups-autopay.js';
import type { UpsPayForm } from '../pay-form/pay-form.js';
import {
  type El,
  $,
  $$,
  norm,
  text,
  focused,
  loaded,
  card,
  fact,
  formDialog,
  openedForm,
  previewStatus,
  usd,
  day,
  client,
  rules,
  methodId,
  refusal,
  request,
  openCreate,
  chooseScope,
  accept,
  submitForm,
} from '../../../test/browser/autopay-helpers.js';

describe('<ups-autopay>', () => {
  it('lists the rules with method, amount, schedule in words, agreement and next run, accessibly', async () => {
    const el = await mount<El>(html`<ups-autopay wallet-href="/wallet"></ups-autopay>`, { user: 'admin1' });
    await loaded(el);
    await expectAccessible(el);
    expect(text($(el, 'h2'))).to.equal('My automatic payments');
    const list = await rules('admin1');
    expect($$(el, 'article.rule').map((a) => text(a.querySelector('h3')))).to.deep.equal(
      list.items.map((r) => `${r.scope.type === 'account' ? 'Account' : 'Plan'} ${r.scope.number} — ${r.scope.name}`),
    );
    const newark = card(el, 'Y67V08')!;
    const rule = list.items.find((r) => r.scope.number === 'Y67V08')!;
    expect(text(newark.querySelector('.badge'))).to.equal('Active');
    expect(fact(newark, 'Pays with')).to.contain('Visa •••• 4242');
    expect(fact(newark, 'Amount')).to.equal(`The total due, up to ${usd(500_000)} per invoice`);
    expect(fact(newark, 'When')).to.equal('3 days before the due date');
    expect(fact(newark, 'Effective')).to.equal('Until cancelled');
    expect(fact(newark, 'Agreement')).to.equal(
      `Version ${rule.agreement.version}, accepted by Alice Martin on ${day(rule.agreement.acceptedAt.slice(0, 10))}`,
    );
    const run = newark.querySelector('.run')!;
    if (rule.nextRun) {
      expect(text(run.querySelector('p'))).to.equal(`On ${day(rule.nextRun.date)}`);
      expect([...run.querySelectorAll('tbody th')].map(text)).to.deep.equal(
        rule.nextRun.invoices.map((i) => i.invoiceNumber),
      );
    } else expect(text(run)).to.contain('nothing to pay');
    const seattle = card(el, 'K2M8Q5')!;
    expect(fact(seattle, 'When')).to.equal('Every Monday');
    expect(text(seattle.querySelector('.badge'))).to.equal('Suspended');
    // The admin may edit and cancel, and set up new rules where none exists.
    expect(newark.querySelector('[data-edit]')).to.not.equal(null);
    expect(newark.querySelector('[data-cancel]')).to.not.equal(null);
    expect(text($(el, '#create'))).to.equal('Set up AutoPay');
  });

  describe('roles, suspended rules and paying now', () => {
    let apiBase: string;
    let atlanta: AutopayRule;
    before(async () => {
      apiBase = await privateServer();
      const admin = client('admin1', apiBase);
      atlanta = await admin.call(createAutopayRule, { body: await request('admin1', apiBase, 'account:4R7X21') });
      await admin.call(createAutopayRule, { body: await request('admin1', apiBase, 'account:F3R901') });
    });

    it('shows payers and viewers the rules read-only; the server refuses their changes', async () => {
      const payer = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'payer1', apiBase });
      await loaded(payer);
      await expectAccessible(payer);
      expect($$(payer, 'article.rule h3').map(text)).to.deep.equal(
        (await rules('payer1', apiBase)).items.map((r) => `Account ${r.scope.number} — ${r.scope.name}`),
      );
      expect($$(payer, 'article.rule')).to.have.length(2);
      expect(text($(payer, '.read-only'))).to.equal('Your role lets you see AutoPay rules, not change them.');
      expect($(payer, '#create')).to.equal(null);
      expect($$(payer, '[data-edit], [data-cancel], [data-fix]')).to.have.length(0);
      // Paying is a payer's job: the open invoices can be paid now.
      expect($$(payer, '[data-pay]')).to.have.length(2);

      const viewer = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'viewer1', apiBase });
      await loaded(viewer);
      expect($$(viewer, 'article.rule h3').map(text)).to.deep.equal(['Account F3R901 — Demo Co France — Paris']);
      expect($$(viewer, 'button')).to.have.length(0);

      const refused = await refusal(client('payer1', apiBase).call(cancelAutopayRule, { params: { id: atlanta.id } }));
      expect([refused.status, refused.code]).to.deep.equal([403, 'forbidden']);
      expect((await rules('admin1', apiBase)).items.map((r) => r.id)).to.include(atlanta.id);
    });

    it('keeps the method of a rule someone else set up when an administrator edits it', async () => {
      const manager = client('manager1', apiBase);
      const body = await request('manager1', apiBase, 'plan:P4R7X210');
      const plan = await manager.call(createAutopayRule, { body });
      const el = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'admin1', apiBase });
      await loaded(el);
      card(el, 'P4R7X210')!.querySelector<HTMLElement>('[data-edit]')!.click();
      await openedForm(el);
      await until(() => Boolean($(el, 'input[name=method]')), 'methods', 10_000);
      const kept = $(el, 'input[name=method]:checked') as HTMLInputElement;
      expect(kept.id).to.equal(`method-${body.methodId}`);
      const label = kept.closest('label')!;
      expect(text(label.querySelector('[aria-hidden=true]'))).to.equal('Visa •••• 1881');
      expect(text(label.querySelector('.hint'))).to.equal('The rule’s current method');
      await accept(el);
      const changed = oneEvent(el, 'ups-autopay-change');
      await submitForm(el);
      expect((await changed).detail.rule.methodId).to.equal(plan.methodId);
      expect((await rules('admin1', apiBase)).items.find((r) => r.id === plan.id)!.agreement.acceptedBy).to.equal(
        'Alice Martin',
      );
    });

    it('says why a rule is suspended and how to fix it, and a new method resumes it', async () => {
      // A rule whose method is removed from the wallet, as the wallet does it.
      const admin = client('admin1', apiBase);
      const bank = await methodId('admin1', apiBase, 'Operating account');
      const dallas = await admin.call(createAutopayRule, {
        body: { ...(await request('admin1', apiBase, 'account:8F2K44')), methodId: bank },
      });
      await admin.call(removePaymentMethod, {
        params: { id: bank },
        body: { rules: [{ ruleId: dallas.id, action: 'suspend' }] },
      });
      const el = await mount<El>(html`<ups-autopay wallet-href="/billing/wallet"></ups-autopay>`, {
        user: 'admin1',
        apiBase,
      });
      await loaded(el);
      await expectAccessible(el);
      const removed = card(el, '8F2K44')!;
      expect(text(removed.querySelector('.badge'))).to.equal('Suspended');
      expect(text(removed.querySelector('.suspended p'))).to.equal(
        'AutoPay is suspended: its payment method was removed from the wallet. No invoice is paid automatically until it is fixed.',
      );
      expect(fact(removed, 'Pays with')).to.equal('No method: it was removed');
      expect(removed.querySelector('.suspended a')).to.equal(null);
      // An expired card: the wallet is where its expiry is corrected.
      const expired = card(el, 'K2M8Q5')!;
      expect(text(expired.querySelector('.suspended p strong'))).to.equal(
        'AutoPay is suspended: its card has expired.',
      );
      const wallet = expired.querySelector<HTMLAnchorElement>('.suspended a')!;
      expect([text(wallet), wallet.getAttribute('href')]).to.deep.equal([
        'Update the card’s expiry in the wallet',
        '/billing/wallet',
      ]);
      // Or another method: the form opens on the methods.
      const fix = removed.querySelector<HTMLElement>('[data-fix]')!;
      expect(text(fix)).to.equal('Choose another method');
      fix.focus();
      await sendKeys({ press: 'Enter' });
      await openedForm(el);
      await until(() => focused(el)?.getAttribute('name') === 'method', 'focus on the methods', 10_000);
      const visa = await methodId('admin1', apiBase, 'Company Visa');
      expect(focused(el)!.id).to.equal(`method-${visa}`);
      await sendKeys({ press: 'Space' });
      expect((focused(el) as HTMLInputElement).checked).to.equal(true);
      await accept(el);
      await submitForm(el);
      await until(() => !formDialog(el).open, 'form closed', 10_000);
      await until(() => text(card(el, '8F2K44')?.querySelector('.badge')) === 'Active', 'resumed', 10_000);
      const resumed = (await rules('admin1', apiBase)).items.find((r) => r.id === dallas.id)!;
      expect([resumed.status, resumed.methodId]).to.deep.equal(['active', visa]);
    });

    it("pays the open invoices of a rule's account now, through the pay form, unless the host takes it", async () => {
      const el = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'payer1', apiBase });
      await loaded(el);
      const open = await client('payer1', apiBase).call(listInvoices, {
        query: { status: 'outstanding', account: '4R7X21', sort: 'dueDate', order: 'asc', pageSize: 200 },
      });
      expect(open.items.length).to.be.greaterThan(0);
      const button = card(el, '4R7X21')!.querySelector<HTMLElement>('[data-pay]')!;
      // A host with its own pay page takes the request.
      const takeOver = (event: Event) => event.preventDefault();
      el.addEventListener('ups-pay-request', takeOver, { once: true });
      const asked = oneEvent(el, 'ups-pay-request');
      button.click();
      const { detail } = (await asked) as UpsPayRequestEvent;
      expect(detail.invoices.map((i) => i.number)).to.deep.equal(open.items.map((i) => i.number));
      await until(() => button.getAttribute('aria-disabled') === 'false', 'request done');
      expect(($(el, 'dialog#pay') as HTMLDialogElement).open).to.equal(false);
      // Otherwise the pay form opens on them.
      button.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = $(el, 'dialog#pay') as HTMLDialogElement;
      await until(() => dialog.open, 'pay dialog open', 10_000);
      expect(text(dialog.querySelector('h3'))).to.equal(
        'Pay the open invoices of Account 4R7X21 — Demo Co — Atlanta DC',
      );
      const form = dialog.querySelector<UpsPayForm>('ups-pay-form')!;
      expect(customElements.get('ups-pay-form')).to.not.equal(undefined);
      expect(form.invoices.map((i) => i.number)).to.deep.equal(open.items.map((i) => i.number));
      await until(() => Boolean(form.shadowRoot?.querySelector('form.step')), 'pay form ready', 10_000);
      await expectAccessible(el);
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog.open, 'pay dialog closed');
      await until(() => focused(el) === button, 'focus back on the button');
    });
  });

  it('speaks French: rules, schedule in words, the form, the agreement and its messages', async () => {
    const el = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'admin1', locale: 'fr' });
    await until(() => text($(el, 'h2')) === 'Mes paiements automatiques', 'French title');
    await loaded(el);
    const eur = (n: number) =>
      norm(new Intl.NumberFormat('fr', { style: 'currency', currency: 'USD' }).format(n / 100));
    const newark = card(el, 'Y67V08')!;
    expect(text(newark.querySelector('h3'))).to.equal('Compte Y67V08 — Demo Co — Newark');
    expect(fact(newark, 'Quand')).to.equal('3 jours avant la date d’échéance');
    expect(fact(newark, 'Montant')).to.equal(`Le montant total dû, jusqu’à ${eur(500_000)} par facture`);
    const seattle = card(el, 'K2M8Q5')!;
    expect(fact(seattle, 'Quand')).to.equal('Tous les lundis');
    expect(text(seattle.querySelector('.suspended strong'))).to.equal(
      'Paiement automatique suspendu : sa carte a expiré.',
    );
    expect(text($(el, '#create'))).to.equal('Programmer un paiement automatique');
    await expectAccessible(el);
    await openCreate(el);
    expect(text(formDialog(el).querySelector('h3'))).to.equal('Programmer un paiement automatique');
    await until(() => Boolean($(el, '.agreement')), 'agreement');
    expect(text($(el, '.agreement'))).to.contain("J'autorise UPS");
    expect($(el, '.agreement').hasAttribute('lang')).to.equal(false);
    chooseScope(el, 'account:4R7X21');
    $(el, '#amount-up-to').click();
    await el.updateComplete;
    const maximum = $(el, '#maximum') as HTMLInputElement;
    maximum.value = '0,00';
    maximum.dispatchEvent(new Event('input'));
    await submitForm(el);
    expect(text($(el, '#maximum-error'))).to.equal('Saisissez un montant maximum supérieur à zéro.');
    expect(text($(el, '#accept-error'))).to.equal('Lisez les conditions du paiement automatique et acceptez-les.');
    expect(text($(el, '.error-summary h3'))).to.equal('Il y a un problème');
    // A French amount: comma for decimals, spaces between thousands.
    maximum.value = '1 250,50';
    maximum.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#maximum-error')).to.equal(null);
    $(el, '#schedule-weekly').click();
    await until(
      () => previewStatus(el).startsWith('Prochain paiement le'),
      () => previewStatus(el),
      10_000,
    );
    await expectAccessible(el);
  });

  it('shows loading, then a localized error with retry, then the rules', async () => {
    let fail = true;
    const flaky = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname.endsWith('/autopay-rules')) {
        await new Promise((r) => setTimeout(r, 300));
        if (fail) return new Response('', { status: 503 });
      }
      return fetch(request);
    }) as typeof fetch;
    const el = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'viewer1', fetch: flaky });
    await until(() => el.matches(':state(loading)'), 'loading');
    expect(text($(el, '[aria-busy=true] [role=status]'))).to.equal('Loading AutoPay rules…');
    await until(() => Boolean($(el, '[role=alert]')), 'error', 15_000);
    expect(text($(el, '[role=alert]'))).to.contain('The AutoPay rules could not be loaded.');
    await expectAccessible(el);
    fail = false;
    ($(el, '[role=alert] button') as HTMLButtonElement).click();
    await loaded(el);
    expect(text($(el, '.empty'))).to.equal('No AutoPay rule yet.');
  });
});
