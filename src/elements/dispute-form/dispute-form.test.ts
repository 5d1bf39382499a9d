import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getDispute } from '../../api/endpoints/disputes.js';
import { listInvoiceShipments, listInvoices } from '../../api/endpoints/invoices.js';
import english from '../../locales/en/dispute-form.js';
import { expectAccessible, mount, privateServer, until } from '../../../test/browser/fixtures.js';
import {
  type El,
  $,
  $$,
  text,
  focused,
  money,
  day,
  client,
  ready,
  summary,
  pickInvoice,
  pdf,
  chooseFiles,
  fill,
  submit,
  tabTo,
  byId,
  countingFetch,
} from '../../../test/browser/dispute-helpers.js';
import '../../ups-dispute-form.js';

describe('<ups-dispute-form>', () => {
  describe('disputes that go through', () => {
    let apiBase: string;
    before(async () => {
      apiBase = await privateServer();
    });

    it('disputes a charge line with a PDF: the form starts on it, the server stores it, the number is shown', async () => {
      const { invoice, shipments } = await pickInvoice('payer1', apiBase, 0);
      const shipment = shipments[0]!;
      const charge = shipment.charges.find((c) => c.amount.amount >= 100)!;
      const el = await mount<El>(
        html`<ups-dispute-form invoice-number=${invoice.number} charge-id=${charge.id}></ups-dispute-form>`,
        { user: 'payer1', apiBase },
      );
      await ready(el);
      await until(() => $<HTMLInputElement>(el, `#charge-${charge.id}`)?.checked, 'the charge chosen', 10_000);
      expect($<HTMLInputElement>(el, '#scope-charges').checked).to.equal(true);
      // The line's shipment is filled in, and fixed.
      expect($<HTMLInputElement>(el, '#tracking').value).to.equal(shipment.trackingNumber);
      expect($<HTMLInputElement>(el, '#ship-date').value).to.equal(shipment.shipDate);
      expect($<HTMLInputElement>(el, '#tracking').readOnly).to.equal(true);
      expect(text($(el, '#amount-hint'))).to.equal(
        `Charged for what you chose: ${money(charge.amount.amount, charge.amount.currency)}`,
      );
      // What disputing does to the amount due, before the user starts.
      expect(text($(el, '[part=notice]'))).to.contain('Disputing does not change the amount due');
      expect(text($(el, '[part=notice]'))).to.contain('the credit appears on your next invoice');
      // The contact e-mail is the signed-in user's.
      expect($<HTMLInputElement>(el, '#email').value).to.equal('payer1@demo-co.example');
      await expectAccessible(el);

      await fill(el, 'reason', 'incorrect_rate');
      await fill(el, 'amount', '1.00');
      await fill(el, 'comment', 'Billed at the list rate, not our contract rate.');
      await chooseFiles(el, [pdf('contract.pdf', 4000)]);
      expect($$(el, '.file-list .file-name').map((n) => text(n))).to.deep.equal(['contract.pdf']);
      const submitted = oneEvent(el, 'ups-dispute-submit');
      const succeeded = oneEvent(el, 'ups-dispute-success');
      await submit(el);
      const before = await submitted;
      expect(before.detail.request).to.include({
        invoiceNumber: invoice.number,
        scope: 'charges',
        reason: 'incorrect_rate',
      });
      expect(before.detail.files).to.deep.equal(['contract.pdf']);
      const { dispute } = (await succeeded).detail;
      expect(dispute.number).to.match(/^D\d{8}$/);
      expect(dispute.chargeIds).to.deep.equal([charge.id]);
      expect(dispute.amount).to.deep.equal({ amount: 100, currency: invoice.amount.currency });

      await until(() => Boolean($(el, '#done-title')), 'the confirmation');
      await until(() => focused(el)?.id === 'done-title', 'focus on the confirmation');
      expect(text($(el, '.done .number'))).to.equal(dispute.number);
      expect(text($(el, '.done .status'))).to.equal('Submitted');
      expect(text($(el, '.done [part=notice]'))).to.contain('does not change the amount due');
      await expectAccessible(el);
      // The server kept the file, typed by its content.
      const stored = await client('payer1', apiBase).call(getDispute, { params: { id: dispute.id } });
      expect(stored.attachments.map((a) => [a.name, a.mediaType, a.size])).to.deep.equal([
        ['contract.pdf', 'application/pdf', 4009],
      ]);
      expect(stored.status).to.equal('submitted');
      // Another dispute starts from an empty form, the taken line marked.
      $(el, '#again').click();
      await until(() => Boolean($(el, 'form')), 'the form again');
      await until(() => focused(el)?.id === 'title', 'focus on the title');
    });

    it('is completed and submitted with the keyboard alone', async () => {
      const { invoice, shipments } = await pickInvoice('payer1', apiBase, 1);
      const positive = new Set(
        [...invoice.charges, ...shipments.flatMap((s) => s.charges)]
          .filter((c) => c.amount.amount > 0)
          .map((c) => c.id),
      );
      const el = await mount<El>(html`<ups-dispute-form invoice-number=${invoice.number}></ups-dispute-form>`, {
        user: 'payer1',
        apiBase,
      });
      await ready(el);
      $(el, '#title').focus();
      await tabTo(el, byId('scope-invoice'), 'the scope');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect($<HTMLInputElement>(el, '#scope-charges').checked).to.equal(true);
      await until(() => Boolean($(el, 'input[id^=shipment-]')), 'shipments listed', 10_000);
      await tabTo(el, (node) => node.id.startsWith('shipment-'), 'a shipment');
      await sendKeys({ press: 'Space' });
      await tabTo(el, (node) => node.id.startsWith('charge-') && positive.has(node.id.slice(7)), 'a charge');
      await sendKeys({ press: 'Space' });
      const chargeId = focused(el)!.id.slice(7);
      await tabTo(el, byId('reason'), 'the reason');
      await sendKeys({ press: 'ArrowDown' });
      expect(($(el, '#reason') as HTMLSelectElement).value).to.equal('late_delivery');
      await tabTo(el, byId('amount'), 'the amount');
      await sendKeys({ type: '0.01' });
      await tabTo(el, byId('submit'), 'Submit');
      const succeeded = oneEvent(el, 'ups-dispute-success');
      await sendKeys({ press: 'Enter' });
      const { dispute } = (await succeeded).detail;
      expect(dispute.scope).to.equal('charges');
      expect(dispute.chargeIds).to.deep.equal([chargeId]);
      expect(dispute.reason).to.equal('late_delivery');
      await until(() => focused(el)?.id === 'done-title', 'focus on the confirmation');
    });
    it('disputes the whole invoice by its expected amount, sending once however often Submit is pressed', async () => {
      const { invoice, shipments } = await pickInvoice('payer1', apiBase, 2);
      // A slower network, so the form is seen while the dispute is on its way.
      const posts: string[] = [];
      const slow = (async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        if (request.method === 'POST') {
          posts.push(new URL(request.url).pathname);
          await new Promise((resolve) => setTimeout(resolve, 400));
        }
        return fetch(request);
      }) as typeof fetch;
      const el = await mount<El>(html`<ups-dispute-form invoice-number=${invoice.number}></ups-dispute-form>`, {
        user: 'payer1',
        apiBase,
        fetch: slow,
      });
      await ready(el);
      expect($<HTMLInputElement>(el, '#scope-invoice').checked).to.equal(true);
      expect(text($(el, '#amount-hint'))).to.equal(
        `Charged for what you chose: ${money(invoice.amount.amount, invoice.amount.currency)}`,
      );
      await fill(el, 'tracking', shipments[0]!.trackingNumber);
      await fill(el, 'ship-date', shipments[0]!.shipDate);
      await fill(el, 'reason', 'late_delivery');
      $(el, '#amount-expected').click();
      await fill(el, 'amount', '0');
      const succeeded = oneEvent(el, 'ups-dispute-success');
      await submit(el);
      await until(() => $(el, 'form').getAttribute('aria-busy') === 'true', 'busy');
      expect($(el, '#submit').getAttribute('aria-disabled')).to.equal('true');
      expect(text($(el, '#submit'))).to.equal('Submitting…');
      await submit(el);
      const { dispute } = (await succeeded).detail;
      expect(posts.filter((path) => path.endsWith('/disputes'))).to.have.length(1);
      expect(dispute).to.include({
        scope: 'invoice',
        amountKind: 'expected',
        trackingNumber: shipments[0]!.trackingNumber,
      });
      expect(dispute.disputed.amount).to.equal(invoice.amount.amount);
      // The whole invoice is now in dispute: another dispute of it waits for the decision.
      await until(() => Boolean($(el, '#again')), 'the confirmation');
      $(el, '#again').click();
      await until(() => text($(el, '[part=notice]')).includes(dispute.number), 'the notice', 10_000);
      expect(text($(el, '[part=notice]'))).to.equal(
        `Invoice ${invoice.number} is already in dispute as a whole (${dispute.number}). Wait for its decision.`,
      );
      expect($(el, 'form')).to.equal(null);
      await until(() => focused(el)?.getAttribute('part') === 'notice', 'focus on the notice');
    });

    it('on a long invoice: starts from a shipment on a late page, lists a page at a time, finds by tracking number', async () => {
      const response = await fetch(`/__test/big-invoice?api=${encodeURIComponent(apiBase)}`, { method: 'POST' });
      const { number } = (await response.json()) as { number: string };
      const api = client('payer1', apiBase);
      const late = (await api.call(listInvoiceShipments, { params: { number }, query: { page: 13, pageSize: 200 } }))
        .items[0]!;
      const el = await mount<El>(
        html`<ups-dispute-form invoice-number=${number} shipment-id=${late.id}></ups-dispute-form>`,
        { user: 'payer1', apiBase },
      );
      await ready(el);
      await until(() => $<HTMLInputElement>(el, `#shipment-${late.id}`)?.checked, 'the shipment chosen', 15_000);
      expect($<HTMLInputElement>(el, '#tracking').value).to.equal(late.trackingNumber);
      const count = () => text($(el, '.lines .count'));
      await until(() => count() === '20 of 3,000 shipments shown', count, 10_000);
      $(el, '.more').click();
      await until(() => count() === '40 of 3,000 shipments shown', count, 10_000);
      expect($$(el, 'input[id^=shipment-]')).to.have.length(41);
      // Ten tracking numbers start with all but the last digit of this one.
      await fill(el, 'search', late.trackingNumber.slice(0, -1));
      $(el, '#search').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await until(() => count() === '10 of 10 shipments shown', count, 10_000);
      expect($(el, 'form')).to.not.equal(null);
      expect($<HTMLInputElement>(el, `#shipment-${late.id}`).checked).to.equal(true);
    });
  });

  it('started from a shipment: that shipment is chosen, its tracking number and ship date filled in', async () => {
    const { invoice, shipments } = await pickInvoice('payer1', '/api/v1', 2);
    const shipment = shipments.at(-1)!;
    // Given the invoice it already has, the host spares the form fetching it.
    const { calls, fetch } = countingFetch();
    const el = await mount<El>(
      html`<ups-dispute-form .invoice=${invoice} shipment-id=${shipment.id}></ups-dispute-form>`,
      { user: 'payer1', fetch },
    );
    await ready(el);
    await until(() => $<HTMLInputElement>(el, `#shipment-${shipment.id}`)?.checked, 'the shipment chosen', 10_000);
    expect($<HTMLInputElement>(el, '#scope-shipments').checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#tracking').value).to.equal(shipment.trackingNumber);
    expect($<HTMLInputElement>(el, '#ship-date').value).to.equal(shipment.shipDate);
    expect(text($(el, `label[for=shipment-${shipment.id}]`))).to.equal(
      `${shipment.trackingNumber}, shipped ${day(shipment.shipDate)}, ${shipment.service}: ${money(shipment.total.amount, shipment.total.currency)}`,
    );
    expect(text($(el, '#amount-hint'))).to.equal(
      `Charged for what you chose: ${money(shipment.total.amount, shipment.total.currency)}`,
    );
    expect(calls.filter((c) => new URL(c.url).pathname.endsWith(`/invoices/${invoice.number}`))).to.deep.equal([]);
    // The search by tracking number keeps only the matching shipments.
    const other = shipments.find((s) => s.id !== shipment.id);
    if (other) {
      await fill(el, 'search', other.trackingNumber.slice(0, 12));
      $<HTMLButtonElement>(el, '.search-row button').click();
      await until(
        () => text($(el, '.lines .count')).startsWith('1 of 1'),
        () => text($(el, '.lines .count')),
        10_000,
      );
      expect($(el, `#shipment-${other.id}`)).to.not.equal(null);
    }
    await expectAccessible(el);
  });

  it('is in French, every string of it', async () => {
    const { invoice } = await pickInvoice('payer1', '/api/v1', 3);
    const el = await mount<El>(html`<ups-dispute-form invoice-number=${invoice.number}></ups-dispute-form>`, {
      user: 'payer1',
      locale: 'fr',
    });
    await ready(el);
    await until(() => text($(el, 'h2')).startsWith('Contester'), 'French', 10_000);
    expect(text($(el, 'h2'))).to.equal(`Contester la facture ${invoice.number}`);
    expect(text($(el, '[part=notice]'))).to.contain('ne modifie pas le montant dû');
    expect([...$<HTMLSelectElement>(el, '#reason').options].map((o) => text(o))).to.include.members([
      'Choisissez un motif',
      'Livraison en retard (garantie de service)',
      'Autre',
    ]);
    await fill(el, 'reason', 'other');
    await fill(el, 'amount', '12 €');
    await submit(el);
    await until(() => summary(el).length > 0, 'the summary');
    expect(summary(el)).to.include.members([
      'Expliquez le problème : un commentaire est obligatoire pour « Autre ».',
      'Saisissez le montant en chiffres, avec deux décimales au plus et sans symbole monétaire, par exemple 125,00.',
    ]);
    // No English message of the form anywhere in it.
    const shown = text(el.shadowRoot as unknown as Element);
    // (Short words are left out: "Comment" is in "Commentaire".)
    const leaks = Object.values(english).filter((m) => !m.includes('{') && m.length >= 10 && shown.includes(m));
    expect(leaks).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('tells a viewer their role does not allow disputes, with no form', async () => {
    const page = await client('viewer1').call(listInvoices, { query: { status: 'all', pageSize: 5 } });
    const el = await mount<El>(html`<ups-dispute-form invoice-number=${page.items[0]!.number}></ups-dispute-form>`, {
      user: 'viewer1',
    });
    await until(() => Boolean($(el, '.viewer')), 'the message');
    expect(text($(el, '.viewer'))).to.equal(
      'Your role lets you see invoices but not dispute them. Ask an administrator if you need to.',
    );
    expect($(el, 'form')).to.equal(null);
    await expectAccessible(el);
  });

  it('says a credit invoice cannot be disputed', async () => {
    const page = await client('admin1').call(listInvoices, { query: { status: 'all', max: -1, pageSize: 1 } });
    const credit = page.items[0]!;
    expect(credit.amount.amount).to.be.below(0);
    const el = await mount<El>(html`<ups-dispute-form invoice-number=${credit.number}></ups-dispute-form>`);
    await until(() => Boolean($(el, '.credit')), 'the message', 10_000);
    expect(text($(el, '.credit'))).to.equal(`Invoice ${credit.number} is a credit: there is nothing to dispute.`);
    expect($(el, 'form')).to.equal(null);
  });
});
