import { expect, html, oneEvent } from '@open-wc/testing';
import { createDispute, listDisputes } from '../../api/endpoints/disputes.js';
import { isBillingApiError } from '../../api/errors.js';
import { expectAccessible, mount, privateServer, until } from '../../../test/browser/fixtures.js';
import {
  type El,
  $,
  $$,
  text,
  focused,
  money,
  client,
  ready,
  fieldError,
  summary,
  pickInvoice,
  pdf,
  chooseFiles,
  fill,
  submit,
  countingFetch,
} from '../../../test/browser/dispute-helpers.js';
import '../../ups-dispute-form.js';

/** The refusal of a call expected to fail. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isBillingApiError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('<ups-dispute-form> refusals', () => {
  let apiBase: string;
  before(async () => {
    apiBase = await privateServer();
  });

  it('refuses a sixth file, an 11 MB file and an executable named .pdf when chosen, uploading nothing', async () => {
    const { invoice } = await pickInvoice('payer1', apiBase, 0);
    const { calls, fetch } = countingFetch();
    const el = await mount<El>(html`<ups-dispute-form invoice-number=${invoice.number}></ups-dispute-form>`, {
      user: 'payer1',
      apiBase,
      fetch,
    });
    await ready(el);
    const names = () => $$(el, '.file-list .file-name').map((n) => text(n));

    await chooseFiles(
      el,
      ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => pdf(`${n}.pdf`)),
    );
    expect(names()).to.deep.equal(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'e.pdf']);
    expect(fieldError(el, 'files')).to.equal('Attach at most 5 files: f.pdf was not added.');
    expect($(el, '#files').getAttribute('aria-invalid')).to.equal('true');
    expect(summary(el)).to.deep.equal(['Attach at most 5 files: f.pdf was not added.']);
    // Removing one makes room; the message goes with the change.
    $(el, '[data-remove="4"]').click();
    await el.updateComplete;
    expect(names()).to.have.length(4);
    expect($(el, '#files-error')).to.equal(null);
    // Focus stays in the list, on the Remove button that took the removed one's place.
    await until(() => focused(el)?.dataset['remove'] === '3', 'focus on the last Remove button');

    const big = new File([new TextEncoder().encode('%PDF-'), new Uint8Array(11 * 1024 * 1024)], 'scan.pdf');
    await chooseFiles(el, [big]);
    expect(fieldError(el, 'files')).to.equal('scan.pdf is larger than 10 MB and was not added.');

    const exe = new File([new TextEncoder().encode('MZ\x90\x00\x03'), new Uint8Array(2048)], 'invoice.pdf', {
      type: 'application/pdf',
    });
    await chooseFiles(el, [exe]);
    expect(fieldError(el, 'files')).to.equal(
      'invoice.pdf is not a PDF, PNG or JPEG file (by its content) and was not added.',
    );
    expect(names()).to.deep.equal(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf']);
    await expectAccessible(el);
    expect(calls.filter((c) => c.method !== 'GET')).to.deep.equal([]);
  });

  it('refuses a disputed amount above the line’s charge at the field; the server refuses it too and stores nothing', async () => {
    const { invoice, shipments } = await pickInvoice('payer1', apiBase, 1);
    const charge = shipments[0]!.charges[0]!;
    const { calls, fetch } = countingFetch();
    const el = await mount<El>(
      html`<ups-dispute-form invoice-number=${invoice.number} charge-id=${charge.id}></ups-dispute-form>`,
      { user: 'payer1', apiBase, fetch },
    );
    await ready(el);
    await until(() => $<HTMLInputElement>(el, `#charge-${charge.id}`)?.checked, 'the charge chosen', 10_000);
    await fill(el, 'reason', 'incorrect_weight');
    const above = charge.amount.amount + 1;
    await fill(el, 'amount', (above / 100).toFixed(2));
    await submit(el);
    const message = `Enter at most ${money(charge.amount.amount, invoice.amount.currency)}, what was charged for the lines you chose.`;
    await until(
      () => fieldError(el, 'amount') === message,
      () => fieldError(el, 'amount'),
    );
    expect($(el, '#amount').getAttribute('aria-invalid')).to.equal('true');
    expect(summary(el)).to.deep.equal([message]);
    await until(() => focused(el)?.classList.contains('error-summary') ?? false, 'focus on the summary');
    expect(calls.filter((c) => c.method === 'POST')).to.deep.equal([]);

    const api = client('payer1', apiBase);
    const body = {
      invoiceNumber: invoice.number,
      scope: 'charges' as const,
      chargeIds: [charge.id],
      reason: 'incorrect_weight' as const,
      amountKind: 'disputed' as const,
      amount: { amount: above, currency: invoice.amount.currency },
      contactEmail: 'payer1@demo-co.example',
    };
    const error = await refusal(api.call(createDispute, { body }));
    expect(error.code).to.equal('amount_above_charge');
    const stored = await api.call(listDisputes, { query: { invoice: invoice.number } });
    expect(stored.total).to.equal(0);
    // Fixed, it goes through.
    await fill(el, 'amount', (charge.amount.amount / 100).toFixed(2));
    expect($(el, '#amount-error')).to.equal(null);
  });

  it('names the open dispute that already covers the line, then marks the line', async () => {
    const { invoice, shipments } = await pickInvoice('payer1', apiBase, 2);
    const charge = shipments[0]!.charges[0]!;
    const el = await mount<El>(
      html`<ups-dispute-form invoice-number=${invoice.number} charge-id=${charge.id}></ups-dispute-form>`,
      { user: 'payer1', apiBase },
    );
    await ready(el);
    await until(() => $<HTMLInputElement>(el, `#charge-${charge.id}`)?.checked, 'the charge chosen', 10_000);
    // Someone else disputes the same line while the form is open.
    const first = await client('admin1', apiBase).call(createDispute, {
      body: {
        invoiceNumber: invoice.number,
        scope: 'charges',
        chargeIds: [charge.id],
        reason: 'duplicate_charge',
        amountKind: 'disputed',
        amount: { amount: 1, currency: invoice.amount.currency },
        contactEmail: 'admin1@demo-co.example',
      },
    });
    await fill(el, 'reason', 'duplicate_charge');
    await fill(el, 'amount', '0.01');
    const failed = oneEvent(el, 'ups-dispute-error');
    await submit(el);
    expect((await failed).detail.code).to.equal('dispute_exists');
    const message = `An open dispute (${first.number}) already covers a chosen line.`;
    await until(
      () => fieldError(el, 'lines') === message,
      () => fieldError(el, 'lines'),
    );
    expect(summary(el)).to.deep.equal([message]);
    // The list learns of it: the line is shown taken, and cannot be chosen.
    await until(
      () => text($(el, `label[for=charge-${charge.id}]`)).includes(`already in dispute ${first.number}`),
      'the line marked',
      10_000,
    );
    expect($<HTMLInputElement>(el, `#charge-${charge.id}`).disabled).to.equal(true);
    await expectAccessible(el);
  });

  it('asks for a comment when the reason is “other”, and honours a cancelled submit', async () => {
    const { invoice } = await pickInvoice('payer1', apiBase, 3);
    const { calls, fetch } = countingFetch();
    const el = await mount<El>(html`<ups-dispute-form invoice-number=${invoice.number}></ups-dispute-form>`, {
      user: 'payer1',
      apiBase,
      fetch,
    });
    await ready(el);
    await fill(el, 'reason', 'other');
    expect(text($(el, 'label[for=comment]'))).to.equal('Comment (required for “Other”)');
    await fill(el, 'amount', '5');
    await submit(el);
    const message = 'Say what is wrong: a comment is required for “Other”.';
    await until(
      () => fieldError(el, 'comment') === message,
      () => fieldError(el, 'comment'),
    );
    expect(summary(el)).to.deep.equal([message]);
    // The summary's link takes the user to the field.
    $(el, '.error-summary a').click();
    expect(focused(el)?.id).to.equal('comment');
    const comment = 'The invoice repeats last week’s pickups.';
    await fill(el, 'comment', comment);
    expect($(el, '#comment-error')).to.equal(null);
    expect(text($(el, '#comment-count'))).to.equal(`${comment.length} of 2,000 characters`);
    // A host that handles the dispute itself cancels the event: nothing is sent.
    el.addEventListener('ups-dispute-submit', (e) => e.preventDefault(), { once: true });
    await submit(el);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls.filter((c) => c.method === 'POST')).to.deep.equal([]);
    expect($(el, 'form')).to.not.equal(null);
  });
});
