import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cancelAutopayRule, createAutopayRule, updateAutopayRule } from '../../api/endpoints/autopay.js';
import { getInvoice, listInvoices } from '../../api/endpoints/invoices.js';
import { getPaymentTypes } from '../../api/endpoints/payment-methods.js';
import { removePaymentMethod } from '../../api/endpoints/wallet.js';
import type { AutopayRule } from '../../api/schemas/autopay.js';
import type { Invoice } from '../../api/schemas/invoice.js';
import type { AutopayRunResult } from '../../../server/autopay/runner.js';
import type { UpsPayRequestEvent } from '../../events/pay-request.js';
import { expectAccessible, mount, privateServer, until } from '../../../test/browser/fixtures.js';
import '../../ups-autopay.js';
import '../../ups-billing-dashboard.js';
import type { UpsBillingDashboard } from '../billing-dashboard/billing-dashboard.js';
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
  issueAndRunAutopay,
} from '../../../test/browser/autopay-helpers.js';

const plusDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const money = (amount: number, locale: string) =>
  norm(new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(amount / 100));
/** Text as a screen reader says it: without the parts hidden from it (icons). */
const spoken = (node: Element) =>
  norm(
    [...node.childNodes]
      .filter((child) =>
        child instanceof Element ? child.getAttribute('aria-hidden') !== 'true' : child.nodeType === Node.TEXT_NODE,
      )
      .map((child) => child.textContent)
      .join(''),
  );
/** The cells of the "Recent payments" table of a rule card, row by row. */
const recentRows = (rule: Element, title: string) => {
  const section = [...rule.querySelectorAll('.run')].find((run) => text(run.querySelector('h4')) === title);
  return [...(section?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map(text));
};

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

  describe('what AutoPay did: paid, skipped over the maximum, failed', () => {
    let apiBase: string;
    let run: AutopayRunResult;
    let maximum: number;
    const lines = (outcome: string) => run.invoices.filter((line) => line.outcome === outcome);
    /** The card's "Recent payments", newest first: the last invoice the run settled comes first. */
    const newestFirst = () => [...run.invoices].reverse();

    before(async function () {
      this.timeout(60_000);
      apiBase = await privateServer();
      const admin = client('admin1', apiBase);
      const today = new Date().toISOString().slice(0, 10);
      const newark = { account: 'Y67V08', status: 'all', pageSize: 200 } as const;
      const [latest] = (await admin.call(listInvoices, { query: { ...newark, sort: 'invoiceDate', order: 'desc' } }))
        .items;
      // A week of new invoices, as UPS issues them; a run for yesterday has nothing to pay (none is dated before today).
      const idle = await issueAndRunAutopay(apiBase, { weeks: 1, date: plusDays(today, -1) });
      expect(idle.invoices).to.deep.equal([]);
      const issued = (
        await admin.call(listInvoices, { query: { ...newark, from: plusDays(latest!.invoiceDate, 1) } })
      ).items.filter((invoice) => invoice.amount.amount > 0);
      // The rule pays 3 days before the due date, and never an invoice before its date.
      const payDay = (invoice: Invoice) => [plusDays(invoice.dueDate, -3), invoice.invoiceDate].sort()[1]!;
      // The card lists the five latest outcomes: run on the latest day that keeps every one of them in view.
      const days = [...new Set(issued.map(payDay))].sort();
      const date = days.filter((d) => issued.filter((invoice) => payDay(invoice) <= d).length <= 5).at(-1);
      expect(date, 'a run day with at most five invoices due').to.be.a('string');
      const due = issued.filter((invoice) => payDay(invoice) <= date!);
      // The rule pays with a US card; some invoice types (duties and taxes) cannot go on one.
      const { types } = await admin.call(getPaymentTypes, { query: { country: 'US' } });
      const cards = types.filter((option) => ['card', 'credit_card', 'debit_card'].includes(option.type));
      const cardPays = (invoice: Invoice) =>
        cards.some((option) => !option.excludedInvoiceTypes.includes(invoice.type));
      // A maximum among the amounts a card can pay, set through the API as a user would: some over it, some not.
      const payable = [...new Set(due.filter(cardPays).map((invoice) => invoice.amountDue.amount))].sort(
        (a, b) => a - b,
      );
      maximum = payable[Math.floor((payable.length - 1) / 2)] ?? 0;
      expect(payable.length, 'invoices a card can pay').to.be.greaterThan(0);
      expect(
        due.some((invoice) => invoice.amountDue.amount > maximum),
        'an invoice over the maximum',
      ).to.equal(true);
      const rule = (await rules('admin1', apiBase)).items.find((r) => r.scope.number === 'Y67V08')!;
      await admin.call(updateAutopayRule, {
        params: { id: rule.id },
        body: await request('admin1', apiBase, 'account:Y67V08', {
          amount: { type: 'up_to', maximum: { amount: maximum, currency: 'USD' } },
        }),
      });
      run = await issueAndRunAutopay(apiBase, { date: date! });
      // Over the maximum is skipped before any payment is tried; what a card cannot pay fails.
      const expected = (invoice: Invoice) =>
        invoice.amountDue.amount > maximum ? 'skipped_over_maximum' : cardPays(invoice) ? 'paid' : 'failed';
      expect(run.invoices.map((line) => [line.invoiceNumber, line.outcome]).sort()).to.deep.equal(
        due.map((invoice) => [invoice.number, expected(invoice)]).sort(),
      );
    });

    it('flags the invoices skipped over the maximum, with their amounts, beside the confirmations of those paid', async () => {
      const el = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'admin1', apiBase });
      await loaded(el);
      await expectAccessible(el);
      const newark = card(el, 'Y67V08')!;
      expect(fact(newark, 'Amount')).to.equal(`The total due, up to ${usd(maximum)} per invoice`);
      const count = lines('skipped_over_maximum').length;
      expect(spoken(newark.querySelector('.flag')!)).to.equal(
        count === 1
          ? '1 invoice was not paid because it is over the maximum. Pay it yourself, or raise the maximum.'
          : `${count} invoices were not paid because they are over the maximum. Pay them yourself, or raise the maximum.`,
      );
      const outcome: Record<string, string> = {
        paid: 'Paid',
        skipped_over_maximum: 'Skipped: over maximum',
        failed: 'Failed',
      };
      const rows = recentRows(newark, 'Recent payments');
      expect(rows.map((row) => row.slice(0, 4))).to.deep.equal(
        newestFirst().map((line) => [
          line.invoiceNumber,
          day(run.day),
          money(line.amountDue, 'en'),
          outcome[line.outcome],
        ]),
      );
      // Paid: its confirmation number; skipped: nothing to confirm; failed: why (worded by the payment messages).
      newestFirst().forEach((line, i) => {
        const detail = rows[i]![4];
        if (line.outcome === 'failed') expect(detail, line.invoiceNumber).to.not.equal('');
        else expect(detail, line.invoiceNumber).to.equal(line.confirmationNumber ?? '');
      });
      expect(lines('paid').every((line) => /^\S+$/.test(line.confirmationNumber ?? ''))).to.equal(true);
      expect([...newark.querySelectorAll('tr.skipped th')].map(text), 'skipped rows stand out').to.deep.equal(
        newestFirst()
          .filter((line) => line.outcome === 'skipped_over_maximum')
          .map((line) => line.invoiceNumber),
      );
    });

    it('says the same in French', async () => {
      const el = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'admin1', apiBase, locale: 'fr' });
      await until(() => text($(el, 'h2')) === 'Mes paiements automatiques', 'French title');
      await loaded(el);
      await expectAccessible(el);
      const newark = card(el, 'Y67V08')!;
      const count = lines('skipped_over_maximum').length;
      expect(spoken(newark.querySelector('.flag')!)).to.equal(
        count === 1
          ? '1 facture n’a pas été payée car elle dépasse le montant maximum. Payez-la vous-même, ou relevez le maximum.'
          : `${count} factures n’ont pas été payées car elles dépassent le montant maximum. Payez-les vous-même, ou relevez le maximum.`,
      );
      const outcome: Record<string, string> = {
        paid: 'Payée',
        skipped_over_maximum: 'Non payée : au-dessus du maximum',
        failed: 'Échec',
      };
      const rows = recentRows(newark, 'Paiements récents');
      expect(rows.map((row) => row.slice(0, 4))).to.deep.equal(
        newestFirst().map((line) => [
          line.invoiceNumber,
          norm(day(run.day, 'fr')),
          money(line.amountDue, 'fr'),
          outcome[line.outcome],
        ]),
      );
      expect(rows.filter((_, i) => newestFirst()[i]!.outcome === 'paid').map((row) => row[4])).to.deep.equal(
        newestFirst()
          .filter((line) => line.outcome === 'paid')
          .map((line) => line.confirmationNumber),
      );
    });

    it('leaves what it did not pay owing in full, and what it paid paid, with the rule’s card', async () => {
      const admin = client('admin1', apiBase);
      for (const line of [...lines('skipped_over_maximum'), ...lines('failed')]) {
        const invoice = await admin.call(getInvoice, { params: { number: line.invoiceNumber } });
        expect(
          [invoice.status, invoice.amount.amount, invoice.amountDue.amount, invoice.payments],
          line.invoiceNumber,
        ).to.deep.equal(['open', line.amountDue, line.amountDue, []]);
      }
      for (const line of lines('paid')) {
        const invoice = await admin.call(getInvoice, { params: { number: line.invoiceNumber } });
        expect([invoice.status, invoice.amountDue.amount], line.invoiceNumber).to.deep.equal(['paid', 0]);
        expect(
          invoice.payments.map((p) => [
            p.confirmationNumber,
            p.status,
            p.amount.amount,
            p.method.brand,
            p.method.last4,
          ]),
        ).to.deep.equal([[line.confirmationNumber, 'completed', line.amountDue, 'visa', '4242']]);
      }
      // The list of what is still owed holds the skipped invoices, and none of those paid.
      const outstanding = await admin.call(listInvoices, {
        query: { account: 'Y67V08', status: 'outstanding', pageSize: 200 },
      });
      const numbers = outstanding.items.map((invoice) => invoice.number);
      expect(numbers).to.include.members(lines('skipped_over_maximum').map((line) => line.invoiceNumber));
      expect(numbers).to.not.include.members(lines('paid').map((line) => line.invoiceNumber));
    });

    it('puts the skipped invoices on the billing dashboard, to be paid by hand', async () => {
      const el = await mount<UpsBillingDashboard>(html`<ups-billing-dashboard></ups-billing-dashboard>`, {
        user: 'admin1',
        apiBase,
      });
      await until(() => Boolean(el.shadowRoot!.querySelector('.alerts li')), 'alerts', 10_000);
      await expectAccessible(el);
      const skipped = lines('skipped_over_maximum');
      const total = usd(skipped.reduce((sum, line) => sum + line.amountDue, 0));
      const alerts = [...el.shadowRoot!.querySelectorAll('.alerts li')].map((li) => [text(li), li.className]);
      expect(alerts).to.deep.include([
        skipped.length === 1
          ? `AutoPay did not pay 1 invoice: it is over the rule’s maximum. Pay it yourself. (${total})`
          : `AutoPay did not pay ${skipped.length} invoices: they are over the rule’s maximum. Pay them yourself. (${total})`,
        'warning',
      ]);
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
