/**
 * A provider's locale can change while the page is open. Everything shown
 * must follow, including what was worded before the switch: an error summary
 * and the field messages a failed submit left on screen.
 */
import { expect, html } from '@open-wc/testing';
import type { UpsBillingProvider } from '../context/billing-provider.js';
import type { UpsPayForm } from '../elements/pay-form/pay-form.js';
import type { UpsUserAdmin } from '../elements/user-admin/user-admin.js';
import type { UpsWallet } from '../elements/wallet/wallet.js';
import enCommon from '../locales/en/common.js';
import frCommon from '../locales/fr/common.js';
import enPayForm from '../locales/en/pay-form.js';
import frPayForm from '../locales/fr/pay-form.js';
import { mount, privateServer, tokenFor, until } from '../../test/browser/fixtures.js';
import { BillingClient } from '../api/client.js';
import { addInboundException, removeInboundException } from '../api/endpoints/inbound-charges.js';
import { loaded, openAdd, press, scopeLoaded, summary } from '../../test/browser/user-admin-helpers.js';
import { outstanding } from '../../test/browser/pay-form-helpers.js';
import * as dispute from '../../test/browser/dispute-helpers.js';
import * as autopay from '../../test/browser/autopay-helpers.js';
import enAutopayForm from '../locales/en/autopay-form.js';
import frAutopayForm from '../locales/fr/autopay-form.js';
import enEnrollment from '../locales/en/enrollment.js';
import frEnrollment from '../locales/fr/enrollment.js';
import enInbound from '../locales/en/inbound-charges.js';
import frInbound from '../locales/fr/inbound-charges.js';
import enAdminForms from '../locales/en/user-admin-forms.js';
import frAdminForms from '../locales/fr/user-admin-forms.js';
import enDisputeForm from '../locales/en/dispute-form.js';
import frDisputeForm from '../locales/fr/dispute-form.js';
import '../ups-pay-form.js';
import '../ups-user-admin.js';
import '../ups-wallet.js';
import '../ups-accounts.js';
import '../ups-dispute-form.js';
import '../ups-autopay.js';
import '../ups-enrollment.js';
import '../ups-inbound-charges.js';
import { sendKeys } from '@web/test-runner-commands';

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const summaryOf = (element: Element) =>
  [...element.shadowRoot!.querySelectorAll('.error-summary li')].map((item) => squash(item.textContent));
const focused = (element: Element) => element.shadowRoot!.activeElement;
const USER_ID_FORMAT = 'userAdmin.field.userId.invalid_format';
type LitLike = HTMLElement & { updateComplete: Promise<boolean> };

describe('switching the provider locale', () => {
  it('rewords the pay form: its error summary and field messages already shown', async () => {
    const cart = (await outstanding('payer1', '/api/v1', '4R7X21')).filter((i) => i.type !== 'import').slice(0, 1);
    const form = await mount<UpsPayForm>(html`<ups-pay-form .invoices=${cart}></ups-pay-form>`, {
      user: 'payer1',
    });
    await until(() => Boolean(form.shadowRoot!.querySelector('form button[type=submit]')), 'form shown');
    form.shadowRoot!.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await until(() => summaryOf(form).length > 0, 'error summary');
    expect(summaryOf(form)).to.deep.equal([enPayForm['payForm.field.method_required']]);
    expect(squash(form.shadowRoot!.querySelector('.error-summary h3')?.textContent)).to.not.equal('');

    // The payer moved on: the switch must not pull the focus back to the summary.
    const provider = form.parentElement as UpsBillingProvider;
    (form.shadowRoot!.querySelector('input') as HTMLInputElement).focus();
    const before = focused(form);
    provider.locale = 'fr';
    await until(
      () => summaryOf(form)[0] === frPayForm['payForm.field.method_required'],
      () => `French summary, got ${JSON.stringify(summaryOf(form))}`,
    );
    const fieldMessages = [...form.shadowRoot!.querySelectorAll('.field-error, [id$=-error]')].map((node) =>
      squash(node.textContent),
    );
    expect(fieldMessages.join(' ')).to.not.contain(enPayForm['payForm.field.method_required']);
    expect(focused(form)).to.equal(before);

    // And back.
    provider.locale = 'en';
    await until(
      () => summaryOf(form)[0] === enPayForm['payForm.field.method_required'],
      () => `English again, got ${JSON.stringify(summaryOf(form))}`,
    );
  });

  it('rewords the guest pay form’s field messages', async () => {
    const form = await mount<UpsPayForm>(html`<ups-pay-form guest></ups-pay-form>`, { user: null });
    form.shadowRoot!.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await until(() => summaryOf(form).length > 0, 'error summary');
    const fieldError = () => squash(form.shadowRoot!.querySelector('#invoice-error')?.textContent);
    expect(fieldError()).to.equal(enCommon['field.required']);
    (form.parentElement as UpsBillingProvider).locale = 'fr';
    await until(
      () => fieldError() === frCommon['field.required'],
      () => `French field message, got "${fieldError()}"`,
    );
    expect(summaryOf(form).join(' ')).to.contain(frCommon['field.required']);
    expect(summaryOf(form).join(' ')).to.not.contain(enCommon['field.required']);
  });

  it('rewords an admin form: the add-user dialog’s summary and field messages', async () => {
    const admin = await mount<UpsUserAdmin>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1' });
    await loaded(admin);
    await openAdd(admin);
    await scopeLoaded(admin);
    await press(admin.shadowRoot!.querySelector<HTMLElement>('#userId')!);
    await until(() => summary(admin).length > 0, 'summary');
    expect(summary(admin)[0]).to.equal(`User ID: ${enCommon['field.required']}`);

    // The user went back to the first field: the switch must not pull the focus to the summary.
    const userId = admin.shadowRoot!.querySelector<HTMLElement>('#userId')!;
    userId.focus();
    (admin.parentElement as UpsBillingProvider).locale = 'fr';
    await until(
      () => summary(admin)[0]?.endsWith(frCommon['field.required']) ?? false,
      () => `French summary, got ${JSON.stringify(summary(admin))}`,
    );
    const text = squash(admin.shadowRoot!.querySelector('dialog#user')?.textContent);
    expect(text).to.not.contain(enCommon['field.required']);
    expect(summary(admin).join(' ')).to.not.match(/User ID|E-mail address|Choose at least one/);
    expect(admin.shadowRoot!.activeElement).to.equal(userId);
  });

  it('rewords the wallet’s add dialog: summary, field messages and the labels they repeat', async () => {
    const wallet = await mount<UpsWallet>(html`<ups-wallet></ups-wallet>`, { user: 'payer1' });
    const $ = (selector: string) => wallet.shadowRoot!.querySelector<HTMLElement>(selector);
    await until(() => Boolean($('button.add')), 'wallet shown', 10_000);
    $('button.add')!.click();
    await until(() => Boolean($('input[name=add-type][value=ach]')), 'add dialog with its types', 10_000);
    $('input[name=add-type][value=ach]')!.click();
    await until(() => Boolean($('#routing')), 'bank fields');
    $('#routing')!.focus();
    await sendKeys({ type: '123' });
    await sendKeys({ press: 'Enter' });
    await until(() => summaryOf(wallet).length > 0, 'summary');
    expect(summaryOf(wallet)[0]).to.equal(`Account holder: ${enCommon['field.required']}`);

    const routing = $('#routing')!;
    routing.focus();
    (wallet.parentElement as UpsBillingProvider).locale = 'fr';
    await until(
      () => summaryOf(wallet)[0]?.endsWith(frCommon['field.required']) ?? false,
      () => `French summary, got ${JSON.stringify(summaryOf(wallet))}`,
    );
    // The field's own label, now French, leads its summary line.
    const holderLabel = squash($('label[for=holder]')?.textContent).replace(/\s*\*$/, '');
    await until(
      () => summaryOf(wallet)[0]!.startsWith(holderLabel),
      () => `label "${holderLabel}" in ${JSON.stringify(summaryOf(wallet))}`,
    );
    expect(holderLabel).to.not.equal('Account holder');
    expect(squash($('#holder-error')?.textContent)).to.equal(frCommon['field.required']);
    expect(summaryOf(wallet).join(' ')).to.not.match(/Account holder|Routing number|Account number/);
    expect(wallet.shadowRoot!.activeElement).to.equal(routing);
  });

  it('rewords the accounts’ add dialog: field messages and summary', async () => {
    const accounts = await mount(html`<ups-accounts></ups-accounts>`, { user: 'admin1' });
    const $ = (selector: string) => accounts.shadowRoot!.querySelector<HTMLElement>(selector);
    await until(() => Boolean($('button.add')) && !$('[aria-busy=true]'), 'accounts shown', 10_000);
    $('button.add')!.click();
    const form = () => $('dialog#dialog-add[open] form') as HTMLFormElement | null;
    await until(() => Boolean(form()), 'add dialog', 10_000);
    form()!.requestSubmit();
    const items = () =>
      [...accounts.shadowRoot!.querySelectorAll('dialog[open] .error-summary li')].map((li) => squash(li.textContent));
    await until(() => items().length > 0, 'summary');
    const english = items();
    expect(english.join(' ')).to.contain(enCommon['field.required']);

    (accounts.parentElement as UpsBillingProvider).locale = 'fr';
    await until(
      () => items().length === english.length && items().every((item, i) => item !== english[i]),
      () => `every line reworded, got ${JSON.stringify(items())}`,
    );
    expect(items().join(' ')).to.contain(frCommon['field.required']);
    expect(items().join(' ')).to.not.contain(enCommon['field.required']);
    const fieldMessages = [...accounts.shadowRoot!.querySelectorAll('dialog[open] .field-error')].map((node) =>
      squash(node.textContent),
    );
    expect(fieldMessages.length).to.be.greaterThan(0);
    expect(fieldMessages.join(' ')).to.not.contain(enCommon['field.required']);
  });
  it('rewords the dispute form: field messages, summary, refused files, and the checks after the first submit', async () => {
    const { invoice } = await dispute.pickInvoice('payer1', '/api/v1', 3);
    const el = await mount<dispute.El>(html`<ups-dispute-form invoice-number=${invoice.number}></ups-dispute-form>`, {
      user: 'payer1',
    });
    await dispute.ready(el);
    await dispute.fill(el, 'reason', 'other');
    await dispute.submit(el);
    await until(() => dispute.summary(el).length > 0, 'summary');
    expect(dispute.fieldError(el, 'comment')).to.equal(enDisputeForm['disputeForm.field.comment_required']);
    expect(dispute.summary(el)).to.include(enDisputeForm['disputeForm.field.amount_required']);
    const refused = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 1, 2, 3, 4])], 'setup.pdf');
    await dispute.chooseFiles(el, [refused]);
    const fileType = (messages: Record<string, string>) =>
      messages['disputeForm.field.file_type']!.replace('{name}', 'setup.pdf');
    expect(dispute.fieldError(el, 'files')).to.equal(fileType(enDisputeForm));

    const comment = dispute.$(el, '#comment');
    comment.focus();
    (el.parentElement as UpsBillingProvider).locale = 'fr';
    await until(
      () => dispute.fieldError(el, 'comment') === frDisputeForm['disputeForm.field.comment_required'],
      () => `French field message, got "${dispute.fieldError(el, 'comment')}"`,
    );
    expect(dispute.fieldError(el, 'amount')).to.equal(frDisputeForm['disputeForm.field.amount_required']);
    expect(squash(dispute.fieldError(el, 'files'))).to.equal(squash(fileType(frDisputeForm)));
    expect(dispute.summary(el)).to.include.members([
      frDisputeForm['disputeForm.field.comment_required'],
      frDisputeForm['disputeForm.field.amount_required'],
    ]);
    const english = [
      enDisputeForm['disputeForm.field.comment_required'],
      enDisputeForm['disputeForm.field.amount_required'],
      fileType(enDisputeForm),
    ];
    const shown = squash(el.shadowRoot!.querySelector('form')?.textContent);
    expect(english.filter((message) => shown.includes(squash(message)))).to.deep.equal([]);
    expect(dispute.focused(el)).to.equal(comment);

    // The checks as the user corrects the form go on in French.
    await dispute.fill(el, 'amount', '5');
    expect(dispute.$(el, '#amount-error')).to.equal(null);
    expect(dispute.fieldError(el, 'comment')).to.equal(frDisputeForm['disputeForm.field.comment_required']);
  });
  it('rewords the AutoPay rule form: field messages, summary, and the checks after the first save', async () => {
    const el = await mount<autopay.El>(html`<ups-autopay></ups-autopay>`, { user: 'admin1' });
    await autopay.loaded(el);
    await autopay.openCreate(el);
    autopay.chooseScope(el, 'account:8F2K44');
    autopay.$(el, '#amount-up-to').click();
    await el.updateComplete;
    const maximum = autopay.$(el, '#maximum') as HTMLInputElement;
    maximum.value = '0';
    maximum.dispatchEvent(new Event('input'));
    await autopay.submitForm(el);
    const fieldError = (field: string) => autopay.text(el.shadowRoot!.querySelector(`#${field}-error`));
    const notPositive = 'autopay.field.maximum_not_positive';
    const acceptRequired = 'autopay.field.accept_required';
    expect(fieldError('maximum')).to.equal(enAutopayForm[notPositive]);
    expect(fieldError('accept')).to.equal(enAutopayForm[acceptRequired]);
    await until(() => summaryOf(el).length === 2, 'summary');

    maximum.focus();
    (el.parentElement as UpsBillingProvider).locale = 'fr';
    await until(
      () => fieldError('maximum') === frAutopayForm[notPositive],
      () => `French field message, got "${fieldError('maximum')}"`,
    );
    expect(fieldError('accept')).to.equal(frAutopayForm[acceptRequired]);
    expect(summaryOf(el)).to.deep.equal([frAutopayForm[notPositive], frAutopayForm[acceptRequired]]);
    const shown = squash(autopay.formDialog(el).textContent);
    expect(shown).to.not.contain(enAutopayForm[notPositive]);
    expect(shown).to.not.contain(enAutopayForm[acceptRequired]);
    expect(focused(el)).to.equal(maximum);

    // The checks as the user corrects the form go on in French.
    maximum.value = '-5';
    maximum.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(fieldError('maximum')).to.equal(frAutopayForm[notPositive]);
  });
  describe('the enrolment', () => {
    const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
    const submitStep = async (el: LitLike) => {
      const form = el.querySelector<HTMLFormElement>('.ups-enrollment-credentials form') ?? $(el, 'form.step');
      (form as HTMLFormElement).requestSubmit();
      await el.updateComplete;
      await until(() => !el.matches(':state(busy)'), 'an answer', 10_000);
      await el.updateComplete;
    };
    const stepIs = (el: Element, title: RegExp) =>
      until(
        () => title.test(squash($(el, '.step-title')?.textContent)),
        () => `${title}, on “${squash($(el, '.step-title')?.textContent)}”`,
        10_000,
      );
    /** The enrolment's wording of a field code: the field's own, the enrolment's, then the common one. */
    const wording = (messages: Record<string, string>, common: Record<string, string>, field: string, code: string) =>
      messages[`enrollment.field.${field}.${code}`] ?? messages[`enrollment.field.${code}`] ?? common[`field.${code}`]!;

    it('rewords the invoice path’s field messages and summary', async () => {
      const el = await mount<LitLike>(html`<ups-enrollment country="US"></ups-enrollment>`, { user: null });
      await stepIs(el, /^Step 1 /);
      await submitStep(el);
      await stepIs(el, /^Step 2 /);
      await submitStep(el);
      await stepIs(el, /^Step 3 /);
      const account = $(el, '#account') as HTMLInputElement;
      account.value = 'H4B7R22';
      account.dispatchEvent(new Event('input'));
      await submitStep(el);
      const fieldError = () => squash($(el, '#account-error')?.textContent);
      const english = wording(enEnrollment, enCommon, 'account', 'invalid_format');
      expect(fieldError()).to.equal(squash(english));
      expect(summaryOf(el)).to.deep.equal([squash(`${enEnrollment['enrollment.account.label']}: ${english}`)]);

      account.focus();
      (el.parentElement as UpsBillingProvider).locale = 'fr';
      const french = wording(frEnrollment, frCommon, 'account', 'invalid_format');
      await until(
        () => fieldError() === squash(french),
        () => `French field message, got "${fieldError()}"`,
      );
      expect(summaryOf(el)).to.deep.equal([squash(`${frEnrollment['enrollment.account.label']}: ${french}`)]);
      expect(focused(el)).to.equal(account);
    });

    it('rewords the sign-up path’s field messages, in light DOM, and summary', async () => {
      const el = await mount<LitLike>(html`<ups-enrollment></ups-enrollment>`, { user: null });
      await stepIs(el, /^Step 1 /);
      ($(el, 'input[name=path][value=signup]') as HTMLInputElement).click();
      await submitStep(el);
      await stepIs(el, /Your user ID$/);
      await until(() => Boolean(el.querySelector('.ups-enrollment-credentials form')), 'the ID fields');
      // Nothing typed: the client refuses the request before sending it, field by field.
      await submitStep(el);
      const userIdError = () =>
        squash(el.querySelector('.ups-enrollment-credentials [id$="-user-id-error"]')?.textContent);
      await until(() => summaryOf(el).length > 0, 'summary');
      const english = wording(enEnrollment, enCommon, 'user-id', 'invalid_format');
      expect(userIdError()).to.equal(squash(english));
      expect(summaryOf(el)).to.include(squash(`${enEnrollment['enrollment.user.userId']}: ${english}`));
      const before = summaryOf(el);

      (el.parentElement as UpsBillingProvider).locale = 'fr';
      const french = wording(frEnrollment, frCommon, 'user-id', 'invalid_format');
      await until(
        () => userIdError() === squash(french),
        () => `French field message, got "${userIdError()}"`,
      );
      await until(
        () => summaryOf(el).includes(squash(`${frEnrollment['enrollment.user.userId']}: ${french}`)),
        () => `French summary, got ${JSON.stringify(summaryOf(el))}`,
      );
      expect(summaryOf(el).length).to.equal(before.length);
      expect(summaryOf(el).filter((item) => before.includes(item))).to.deep.equal([]);
    });
  });
  it('rewords the inbound charges’ add form: field message, summary, and the checks after the first submit', async () => {
    const el = await mount<LitLike>(html`<ups-inbound-charges account="F3R902"></ups-inbound-charges>`);
    const $ = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
    await until(
      () => !el.matches(':state(loading)') && Boolean($('.account-settings[aria-busy=false]')),
      'inbound charges shown',
      10_000,
    );
    const shipper = $('#shipper') as HTMLInputElement;
    const type = async (value: string) => {
      shipper.value = value;
      shipper.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
    };
    await type('12');
    shipper.form!.requestSubmit();
    const fieldError = () => squash($('#shipper-error')?.textContent);
    await until(() => summaryOf(el).length > 0, 'summary');
    expect(fieldError()).to.equal(enInbound['inbound.field.invalid_format']);
    expect(summaryOf(el)).to.deep.equal([
      `${enInbound['inbound.add.shipper']}: ${enInbound['inbound.field.invalid_format']}`,
    ]);

    shipper.focus();
    (el.parentElement as UpsBillingProvider).locale = 'fr';
    await until(
      () => fieldError() === frInbound['inbound.field.invalid_format'],
      () => `French field message, got "${fieldError()}"`,
    );
    await until(
      () => summaryOf(el)[0] === `${frInbound['inbound.add.shipper']}: ${frInbound['inbound.field.invalid_format']}`,
      () => `French summary, got ${JSON.stringify(summaryOf(el))}`,
    );
    expect(summaryOf(el).join(' ')).to.not.contain(enInbound['inbound.field.invalid_format']);
    expect(focused(el)).to.equal(shipper);

    // The checks as the user corrects the form go on in French.
    await type('');
    expect(fieldError()).to.equal(frInbound['inbound.field.required']);
  });
  it('rewords the administrator recovery form: field messages and summary', async () => {
    const el = await mount<UpsUserAdmin>(html`<ups-user-admin></ups-user-admin>`, { user: 'payer1' });
    const $ = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
    await until(() => Boolean($('form.recovery-form')) && Boolean($('.recovery table, .recovery .empty')), 'recovery');
    // Nothing typed: the client refuses the request before sending it, field by field.
    ($('form.recovery-form') as HTMLFormElement).requestSubmit();
    const items = () =>
      [...el.shadowRoot!.querySelectorAll('form.recovery-form .error-summary li')].map((li) => squash(li.textContent));
    const fieldError = () => squash($('#previousAdminUserId-error')?.textContent);
    await until(() => items().length > 0, 'summary');
    expect(fieldError()).to.equal(enAdminForms[USER_ID_FORMAT]);
    const english = items();
    expect(english.join(' ')).to.contain(enAdminForms[USER_ID_FORMAT]);

    (el.parentElement as UpsBillingProvider).locale = 'fr';
    await until(
      () => fieldError() === frAdminForms[USER_ID_FORMAT],
      () => `French field message, got "${fieldError()}"`,
    );
    await until(
      () => items().length === english.length && items().every((item, i) => item !== english[i]),
      () => `every line reworded, got ${JSON.stringify(items())}`,
    );
    expect(items().join(' ')).to.contain(frAdminForms[USER_ID_FORMAT]);
    expect(items().join(' ')).to.not.contain(enAdminForms[USER_ID_FORMAT]);
    expect(squash($('form.recovery-form')?.textContent)).to.not.contain(enAdminForms[USER_ID_FORMAT]);
  });
  it('rewords the inbound charges’ alert', async () => {
    const apiBase = await privateServer();
    const api = new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor('admin1', apiBase) });
    const params = { number: 'F3R902' };
    await api.call(addInboundException, { params, body: { shipperAccount: '9Z8Y7X', note: null } });
    const el = await mount<LitLike>(html`<ups-inbound-charges account="F3R902"></ups-inbound-charges>`, { apiBase });
    const $ = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
    await until(() => Boolean($('[data-remove="9Z8Y7X"]')), 'the exception listed', 10_000);
    $('[data-remove="9Z8Y7X"]')!.click();
    await until(() => Boolean(($('dialog#remove') as HTMLDialogElement | null)?.open), 'confirmation');
    // Someone else removed it meanwhile: the removal is refused, and the alert says so.
    await api.call(removeInboundException, { params: { ...params, shipper: '9Z8Y7X' } });
    ($('dialog#remove form') as HTMLFormElement).requestSubmit();
    const alert = () => squash($('.alert[role=alert]')?.textContent);
    await until(
      () => alert() === enInbound['inbound.error.not_found'],
      () => `English alert, got "${alert()}"`,
    );
    (el.parentElement as UpsBillingProvider).locale = 'fr';
    await until(
      () => alert() === frInbound['inbound.error.not_found'],
      () => `French alert, got "${alert()}"`,
    );
  });
});
