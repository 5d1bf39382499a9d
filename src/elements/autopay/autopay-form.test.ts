import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createAutopayRule, previewAutopayRule } from '../../api/endpoints/autopay.js';
import { listPaymentMethods, removePaymentMethod } from '../../api/endpoints/wallet.js';
import { expectAccessible, mount, privateServer, until } from '../../../test/browser/fixtures.js';
import '../../ups-autopay.js';
import {
  type El,
  $,
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
  tabTo,
  byId,
  request,
  openCreate,
  chooseScope,
  accept,
  submitForm,
  expectedStatus,
} from '../../../test/browser/autopay-helpers.js';

describe('<ups-autopay> changes: set up, edit, cancel, refusals', () => {
  describe('setting up and changing rules', () => {
    let apiBase: string;
    before(async () => {
      apiBase = await privateServer();
    });

    it('creates a rule by keyboard with the agreement; the preview follows the schedule; the rule is listed', async () => {
      const el = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'admin1', apiBase });
      await loaded(el);
      $(el, '#create').focus();
      await sendKeys({ press: 'Enter' });
      const dialog = await openedForm(el);
      await until(() => focused(el)?.id === 'scope', 'focus on the scope');
      expect(text(dialog.querySelector('h3'))).to.equal('Set up AutoPay');
      const available = (await rules('admin1', apiBase)).available;
      expect([...($(el, '#scope') as HTMLSelectElement).options].slice(1).map((o) => o.value)).to.deep.equal(
        available.map((a) => `${a.type}:${a.number}`),
      );
      // The first account offered; the default card is chosen already.
      await sendKeys({ press: 'ArrowDown' });
      const scope = available[0]!;
      expect(($(el, '#scope') as HTMLSelectElement).value).to.equal(`${scope.type}:${scope.number}`);
      await until(() => Boolean($(el, 'input[name=method]:checked')), 'default method chosen', 10_000);
      const visa = await methodId('admin1', apiBase, 'Company Visa');
      expect(($(el, 'input[name=method]:checked') as HTMLInputElement).id).to.equal(`method-${visa}`);
      expect(($(el, 'input[name=method]:disabled') as HTMLInputElement).closest('label')!.textContent).to.contain(
        'Expired',
      );
      // Up to a maximum, typed as the locale writes it.
      await tabTo(el, byId('amount-total'), 'the amount');
      await sendKeys({ press: 'ArrowDown' });
      await tabTo(el, byId('maximum'), 'the maximum');
      expect(text($(el, 'label[for=maximum]'))).to.equal(`Maximum per invoice (${scope.currency})`);
      await sendKeys({ type: '1,250.50' });
      // Weekly on Tuesday, then Wednesday: the preview is the server's answer for each.
      await tabTo(el, byId('schedule-days'), 'the schedule');
      await sendKeys({ press: 'ArrowDown' });
      await tabTo(el, byId('weekday'), 'the weekday');
      await sendKeys({ press: 'ArrowDown' });
      const body = await request('admin1', apiBase, `${scope.type}:${scope.number}`, {
        amount: { type: 'up_to', maximum: { amount: 125_050, currency: scope.currency } },
        schedule: { type: 'weekly', weekday: 2 },
      });
      const tuesday = (await client('admin1', apiBase).call(previewAutopayRule, { body })).nextRun!;
      await until(
        () => previewStatus(el).startsWith(`Next run on ${day(tuesday.date)}.`),
        () => previewStatus(el),
      );
      await sendKeys({ press: 'ArrowDown' });
      const wednesday = (
        await client('admin1', apiBase).call(previewAutopayRule, {
          body: { ...body, schedule: { type: 'weekly', weekday: 3 } },
        })
      ).nextRun!;
      expect(wednesday.date).to.not.equal(tuesday.date);
      await until(
        () => previewStatus(el).startsWith(`Next run on ${day(wednesday.date)}.`),
        () => previewStatus(el),
      );
      await expectAccessible(el);
      // The agreement, in English, then its acceptance.
      expect(text($(el, '.agreement'))).to.contain('I authorise UPS');
      await tabTo(el, byId('accept'), 'the agreement');
      await sendKeys({ press: 'Space' });
      await tabTo(el, (node) => node.getAttribute('type') === 'submit', 'Set up AutoPay');
      const changed = oneEvent(el, 'ups-autopay-change');
      await sendKeys({ press: 'Enter' });
      const { detail } = await changed;
      expect(detail.action).to.equal('create');
      expect(detail.rule.scope.number).to.equal(scope.number);
      expect(detail.rule.amount).to.deep.equal({
        type: 'up_to',
        maximum: { amount: 125_050, currency: scope.currency },
      });
      await until(() => !dialog.open, 'form closed');
      // It says the rule is for invoices issued from now on, and offers to pay the open ones.
      await until(() => focused(el)?.id === 'created-title', 'focus on the notice');
      expect(text($(el, '.created'))).to.contain('Invoices already open are not included');
      expect($(el, '[data-pay-created]')).to.not.equal(null);
      await loaded(el);
      const listed = card(el, scope.number)!;
      expect(fact(listed, 'When')).to.equal('Every Wednesday');
      expect(fact(listed, 'Amount')).to.equal(`The total due, up to ${usd(125_050)} per invoice`);
      expect(text(listed.querySelector('.run p'))).to.equal(`On ${day(wednesday.date)}`);
      const saved = (await rules('admin1', apiBase)).items.find((r) => r.scope.number === scope.number)!;
      expect(saved.schedule).to.deep.equal({ type: 'weekly', weekday: 3 });
      expect(saved.agreement.acceptedBy).to.equal('Alice Martin');
      await expectAccessible(el);
    });

    it('edits a rule from its values; the preview follows the days before the due date', async () => {
      const el = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'admin1', apiBase });
      await loaded(el);
      const edit = card(el, 'Y67V08')!.querySelector<HTMLElement>('[data-edit]')!;
      expect(text(edit)).to.equal('Edit Y67V08');
      edit.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = await openedForm(el);
      expect(text(dialog.querySelector('h3'))).to.equal('Edit AutoPay for Account Y67V08 — Demo Co — Newark');
      expect($(el, 'select#scope')).to.equal(null);
      expect(text($(el, '.field.fixed'))).to.contain('cannot change');
      expect(($(el, '#maximum') as HTMLInputElement).value).to.equal('5000.00');
      expect(($(el, '#days') as HTMLInputElement).value).to.equal('3');
      await until(() => focused(el)?.getAttribute('name') === 'method', 'focus on the method');
      const visa = await methodId('admin1', apiBase, 'Company Visa');
      expect((focused(el) as HTMLInputElement).id).to.equal(`method-${visa}`);
      const body = await request('admin1', apiBase, 'account:Y67V08', {
        amount: { type: 'up_to', maximum: { amount: 500_000, currency: 'USD' } },
      });
      const preview = async (days: number) =>
        (
          await client('admin1', apiBase).call(previewAutopayRule, {
            body: { ...body, schedule: { type: 'days_before_due', days } },
          })
        ).nextRun;
      const shows = async (expected: string) =>
        until(
          () => previewStatus(el) === expected,
          () => `${previewStatus(el)} ≠ ${expected}`,
          10_000,
        );
      await shows(expectedStatus(await preview(3)));
      // Every Friday instead, then back to days before the due date: the preview follows each.
      $(el, '#schedule-weekly').click();
      await el.updateComplete;
      const weekday = $(el, '#weekday') as HTMLSelectElement;
      weekday.value = '5';
      weekday.dispatchEvent(new Event('change'));
      const friday = await client('admin1', apiBase).call(previewAutopayRule, {
        body: { ...body, schedule: { type: 'weekly', weekday: 5 } },
      });
      expect(friday.nextRun).to.not.equal(null);
      await shows(expectedStatus(friday.nextRun));
      $(el, '#schedule-days').click();
      await el.updateComplete;
      $(el, '#days').focus();
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '10' });
      await shows(expectedStatus(await preview(10)));
      // The agreement is accepted again with each change.
      await until(() => Boolean($(el, '#accept')), 'the agreement', 10_000);
      expect(($(el, '#accept') as HTMLInputElement).checked).to.equal(false);
      await accept(el);
      const changed = oneEvent(el, 'ups-autopay-change');
      await submitForm(el);
      const { detail } = await changed;
      expect(detail.action).to.equal('update');
      expect(detail.rule.schedule).to.deep.equal({ type: 'days_before_due', days: 10 });
      await until(() => !dialog.open, 'form closed');
      await until(() => focused(el) === edit, 'focus back on Edit');
      await loaded(el);
      expect(fact(card(el, 'Y67V08')!, 'When')).to.equal('10 days before the due date');
      expect(text($(el, '.autopay > [role=status]'))).to.equal(
        'AutoPay for Account Y67V08 — Demo Co — Newark is updated.',
      );
    });

    it('cancels a rule after a confirmation, and the server agrees', async () => {
      const el = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'admin1', apiBase });
      await loaded(el);
      const cancel = card(el, 'Y67V08')!.querySelector<HTMLElement>('[data-cancel]')!;
      expect(text(cancel)).to.equal('Cancel AutoPay Y67V08');
      cancel.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = $(el, 'dialog#confirm') as HTMLDialogElement;
      await until(() => dialog.open, 'confirmation open');
      expect(text(dialog.querySelector('h3'))).to.equal('Cancel AutoPay for Account Y67V08 — Demo Co — Newark?');
      // "Keep" has the focus: Enter alone never cancels.
      expect(text(focused(el))).to.equal('Keep AutoPay');
      await expectAccessible(el);
      await sendKeys({ press: 'Tab' });
      expect(text(focused(el))).to.equal('Cancel AutoPay');
      const changed = oneEvent(el, 'ups-autopay-change');
      await sendKeys({ press: 'Enter' });
      const { detail } = await changed;
      expect(detail.action).to.equal('cancel');
      expect(detail.rule.status).to.equal('ended');
      await until(() => !dialog.open, 'confirmation closed');
      expect(card(el, 'Y67V08')).to.equal(null);
      await until(() => focused(el)?.id === 'title', 'focus on the heading');
      expect(text($(el, '.autopay > [role=status]'))).to.equal(
        'AutoPay for Account Y67V08 — Demo Co — Newark is cancelled.',
      );
      const after = await rules('admin1', apiBase);
      expect(after.items.map((r) => r.scope.number)).to.not.include('Y67V08');
      expect(after.available.map((a) => a.number)).to.include('Y67V08');
    });

    it('refuses a maximum of zero or less, and a missing acceptance, beside the fields and in the summary', async () => {
      const el = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'admin1', apiBase });
      await loaded(el);
      const before = await rules('admin1', apiBase);
      await openCreate(el);
      chooseScope(el, 'account:8F2K44');
      $(el, '#amount-up-to').click();
      await el.updateComplete;
      const maximum = $(el, '#maximum') as HTMLInputElement;
      maximum.value = '0';
      maximum.dispatchEvent(new Event('input'));
      await submitForm(el);
      expect(text($(el, '#maximum-error'))).to.equal('Enter a maximum greater than zero.');
      expect(maximum.getAttribute('aria-invalid')).to.equal('true');
      expect(maximum.getAttribute('aria-describedby')).to.equal('maximum-hint maximum-error');
      expect(text($(el, '#accept-error'))).to.equal('Read the AutoPay agreement and accept it.');
      const summary = $(el, '.error-summary');
      await until(() => focused(el) === summary, 'the summary takes the focus');
      expect([...summary.querySelectorAll('li')].map(text)).to.deep.equal([
        'Enter a maximum greater than zero.',
        'Read the AutoPay agreement and accept it.',
      ]);
      await expectAccessible(el);
      summary.querySelector('a')!.click();
      expect(focused(el)).to.equal(maximum);
      // After a first attempt, messages follow the values.
      maximum.value = '-5';
      maximum.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(text($(el, '#maximum-error'))).to.equal('Enter a maximum greater than zero.');
      maximum.value = '12.345';
      maximum.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(text($(el, '#maximum-error'))).to.equal('Enter the maximum as an amount, such as 250.00.');
      maximum.value = '1,000';
      maximum.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect($(el, '#maximum-error')).to.equal(null);
      expect(await rules('admin1', apiBase)).to.deep.equal(before);
      // The server refuses it too, field by field.
      const body = await request('admin1', apiBase, 'account:8F2K44', {
        amount: { type: 'up_to', maximum: { amount: 0, currency: 'USD' } },
      });
      const refused = await refusal(client('admin1', apiBase).call(createAutopayRule, { body }));
      expect(refused.code).to.equal('maximum_not_positive');
      expect(refused.fieldErrors).to.deep.equal({ 'amount.maximum.amount': 'not_positive' });
      expect(await rules('admin1', apiBase)).to.deep.equal(before);
    });

    it('refuses a method removed from the wallet meanwhile, beside the methods', async () => {
      const el = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'admin1', apiBase });
      await loaded(el);
      await openCreate(el);
      chooseScope(el, 'account:E7T310');
      const amex = (await client('admin1', apiBase).call(listPaymentMethods)).items.find(
        (m) => m.method.brand === 'amex',
      )!;
      $(el, `#method-${amex.id}`).click();
      await accept(el);
      await client('admin1', apiBase).call(removePaymentMethod, { params: { id: amex.id }, body: {} });
      await submitForm(el);
      await until(() => Boolean($(el, '#method-error')), 'method refused', 10_000);
      expect(text($(el, '#method-error'))).to.equal('This method is no longer in the wallet. Choose another method.');
      expect($(el, 'fieldset#method').getAttribute('aria-describedby')).to.equal('method-error');
      expect(text($(el, '.error-summary li'))).to.equal(text($(el, '#method-error')));
      expect((await rules('admin1', apiBase)).items.map((r) => r.scope.number)).to.not.include('E7T310');
    });

    it('refuses a second rule on a scope that got one meanwhile, and shows that rule', async () => {
      const el = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'admin1', apiBase });
      await loaded(el);
      await openCreate(el);
      chooseScope(el, 'account:W9E530');
      await el.updateComplete;
      // Someone else sets one up first.
      await client('admin1', apiBase).call(createAutopayRule, {
        body: await request('admin1', apiBase, 'account:W9E530'),
      });
      await accept(el);
      await submitForm(el);
      await until(() => Boolean($(el, '#scope-error')), 'scope refused', 10_000);
      expect(text($(el, '#scope-error'))).to.equal(
        'This account or plan already has an AutoPay rule. Edit that rule instead.',
      );
      expect($(el, '#scope').getAttribute('aria-invalid')).to.equal('true');
      await until(() => focused(el)?.classList.contains('error-summary') ?? false, 'summary focused');
      expect(text($(el, '.error-summary li'))).to.equal(text($(el, '#scope-error')));
      expect(formDialog(el).open).to.equal(true);
      await expectAccessible(el);
      formDialog(el).close();
      await until(() => card(el, 'W9E530') !== null, 'the other rule is listed', 10_000);
      expect((await rules('admin1', apiBase)).items.filter((r) => r.scope.number === 'W9E530')).to.have.length(1);
    });
  });

  it("refuses a rule on an account outside the user's scope (404), from the form and the API alike", async () => {
    const apiBase = await privateServer();
    const el = await mount<El>(html`<ups-autopay></ups-autopay>`, { user: 'manager1', apiBase });
    await loaded(el);
    await openCreate(el);
    const select = $(el, '#scope') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).to.not.include('account:F3R901');
    // A hand-made choice the form never offered: the server is the judge.
    select.append(new Option('F3R901', 'account:F3R901'));
    chooseScope(el, 'account:F3R901');
    await accept(el);
    await submitForm(el);
    await until(() => Boolean($(el, '#scope-error')), 'scope refused', 10_000);
    expect(text($(el, '#scope-error'))).to.equal('You cannot set up AutoPay on this account or plan.');
    expect(text($(el, '.error-summary li'))).to.equal('You cannot set up AutoPay on this account or plan.');
    const refused = await refusal(
      client('manager1', apiBase).call(createAutopayRule, {
        body: await request('manager1', apiBase, 'account:F3R901'),
      }),
    );
    expect([refused.status, refused.code]).to.deep.equal([404, 'not_found']);
    expect(refused.fieldErrors).to.deep.equal({ scope: 'invalid_value' });
    expect((await rules('admin1', apiBase)).items.map((r) => r.scope.number)).to.not.include('F3R901');
  });
});
