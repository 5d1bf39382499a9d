import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../api/client.js';
import { getDispute, listDisputes, withdrawDispute } from '../../api/endpoints/disputes.js';
import { listInvoices } from '../../api/endpoints/invoices.js';
import type { DisputeListQuery, DisputeSummary } from '../../api/schemas/dispute.js';
import { expectAccessible, mount, privateServer, tokenFor, until } from '../../../test/browser/fixtures.js';
import '../../ups-dispute-list.js';
import type { UpsDisputeList } from './dispute-list.js';

type El = UpsDisputeList;
const $ = (el: El, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: El, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** Text as read, white space (including the no-break spaces of French amounts) as single spaces. */
const norm = (value: string) => value.replace(/\s+/g, ' ').trim();
const text = (node: Element | null | undefined) => norm(node?.textContent ?? '');
/** The main row of each dispute (details rows excluded). */
const rows = (el: El) => $$(el, 'table[part=table] > tbody > tr:first-child');
const numbers = (el: El) => rows(el).map((row) => text(row.querySelector('th')));
const statuses = (el: El) => rows(el).map((row) => text(row.querySelector('.badge')));
const idle = (el: El) => !el.matches(':state(loading)') && !$(el, '[aria-busy=true]');
const loaded = (el: El) =>
  until(() => idle(el) && Boolean($(el, 'table[part=table]') || $(el, '.empty')), 'disputes shown', 10_000);

const client = (user: string, apiBase = '/api/v1') =>
  new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor(user, apiBase) });
const disputes = (user: string, query: DisputeListQuery, apiBase?: string) =>
  client(user, apiBase).call(listDisputes, { query });

async function choose(el: El, id: string, value: string): Promise<void> {
  const select = $(el, `#${id}`) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
  await loaded(el);
}

/** Discloses a dispute's details and waits for them. */
async function expand(el: El, dispute: DisputeSummary): Promise<HTMLElement> {
  $(el, `[data-toggle="${dispute.id}"]`).click();
  await until(() => Boolean($(el, `#details-${dispute.id} .details`)), 'details shown', 10_000);
  return $(el, `#details-${dispute.id}`);
}

/** Records the dispute list queries the element sends. */
function recordingFetch(): { fetch: typeof fetch; queries: URLSearchParams[] } {
  const queries: URLSearchParams[] = [];
  return {
    queries,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (url.pathname.endsWith('/disputes')) queries.push(url.searchParams);
      return fetch(input, init);
    },
  };
}

describe('<ups-dispute-list>', () => {
  it('lists the disputes newest first with their status and outcome, and is accessible', async () => {
    const el = await mount<El>(html`<ups-dispute-list></ups-dispute-list>`, { user: 'admin1' });
    await loaded(el);
    await expectAccessible(el);
    const all = await disputes('admin1', { pageSize: 25 });
    expect(all.items.length).to.be.greaterThan(0);
    expect(numbers(el)).to.deep.equal(all.items.map((d) => d.number));
    expect(text($(el, '.count'))).to.equal(`${all.total} dispute${all.total === 1 ? '' : 's'}`);
    const credited = all.items.find((d) => (d.outcome?.credited.amount ?? 0) > 0);
    if (credited) {
      const row = rows(el)[all.items.indexOf(credited)]!;
      const amount = new Intl.NumberFormat('en', { style: 'currency', currency: credited.outcome!.credited.currency });
      expect(text(row.querySelector('.outcome'))).to.contain(
        `${amount.format(credited.outcome!.credited.amount / 100)} credited on`,
      );
    }
    const denied = all.items.find((d) => d.status === 'denied');
    if (denied) expect(text(rows(el)[all.items.indexOf(denied)]!.querySelector('.outcome'))).to.equal('No credit');
  });

  it('filters by status, account, search and dates on the server, and clears them', async () => {
    const recorder = recordingFetch();
    const el = await mount<El>(html`<ups-dispute-list></ups-dispute-list>`, { user: 'admin1', fetch: recorder.fetch });
    await loaded(el);
    expect(recorder.queries.at(-1)!.get('status')).to.equal('all');

    await choose(el, 'status', 'open');
    expect(recorder.queries.at(-1)!.get('status')).to.equal('open');
    const open = await disputes('admin1', { status: 'open', pageSize: 25 });
    expect(numbers(el)).to.deep.equal(open.items.map((d) => d.number));
    expect(new Set(statuses(el))).to.satisfy((set: Set<string>) =>
      [...set].every((s) => s === 'Submitted' || s === 'In review'),
    );

    await choose(el, 'status', 'resolved');
    const resolved = await disputes('admin1', { status: 'resolved', pageSize: 25 });
    expect(numbers(el)).to.deep.equal(resolved.items.map((d) => d.number));
    expect(statuses(el).every((s) => ['Approved', 'Partially approved', 'Denied'].includes(s))).to.equal(true);

    await choose(el, 'status', 'all');
    const sample = (await disputes('admin1', { pageSize: 25 })).items[0]!;
    await until(() => ($(el, '#account') as HTMLSelectElement).options.length > 1, 'accounts in the filter');
    await choose(el, 'account', sample.accountNumber);
    expect(recorder.queries.at(-1)!.get('account')).to.equal(sample.accountNumber);
    const ofAccount = await disputes('admin1', { account: sample.accountNumber, pageSize: 25 });
    expect(numbers(el)).to.deep.equal(ofAccount.items.map((d) => d.number));

    // Two characters are not sent; the whole dispute number is.
    const search = $(el, '#q') as HTMLInputElement;
    const sent = recorder.queries.length;
    search.value = sample.number.slice(0, 2);
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 400));
    expect(recorder.queries.length).to.equal(sent);
    search.value = sample.number;
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => recorder.queries.at(-1)!.get('q') === sample.number, 'search sent');
    await loaded(el);
    expect(numbers(el)).to.deep.equal([sample.number]);

    const from = $(el, '#from') as HTMLInputElement;
    const to = $(el, '#to') as HTMLInputElement;
    from.value = '2099-01-01';
    to.value = '2099-12-31';
    to.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    await loaded(el);
    expect(recorder.queries.at(-1)!.get('from')).to.equal('2099-01-01');
    expect(text($(el, '.empty p'))).to.equal('No disputes match these filters.');

    ($(el, '.empty .button') as HTMLButtonElement).click();
    await el.updateComplete;
    await loaded(el);
    expect(numbers(el).length).to.be.greaterThan(1);
    expect(($(el, '#q') as HTMLInputElement).value).to.equal('');
    expect(($(el, '#status') as HTMLSelectElement).value).to.equal('all');
  });

  it('says which filter left the list empty', async () => {
    // The other company's only disputes are open ones.
    expect((await disputes('northwind-admin', { status: 'resolved', pageSize: 1 })).total).to.equal(0);
    const el = await mount<El>(html`<ups-dispute-list></ups-dispute-list>`, { user: 'northwind-admin' });
    await loaded(el);
    expect(rows(el).length).to.be.greaterThan(0);
    await choose(el, 'status', 'resolved');
    expect(text($(el, '.empty p'))).to.equal('No resolved disputes.');
    await choose(el, 'status', 'denied');
    expect(text($(el, '.empty p'))).to.equal('No disputes match these filters.');
    await expectAccessible(el);

    const calm = (await client('admin1').call(listInvoices, { query: { status: 'paid', pageSize: 10 } })).items;
    let number = '';
    for (const invoice of calm) {
      if (!(await disputes('admin1', { invoice: invoice.number, pageSize: 1 })).total) {
        number = invoice.number;
        break;
      }
    }
    const none = await mount<El>(html`<ups-dispute-list invoice-number=${number}></ups-dispute-list>`, {
      user: 'admin1',
    });
    await loaded(none);
    expect(text($(none, '.empty p'))).to.equal('No disputes for this invoice.');
  });

  it('discloses a dispute: lines, contact, attachments and its history, oldest first', async () => {
    const el = await mount<El>(html`<ups-dispute-list></ups-dispute-list>`, { user: 'admin1' });
    await choose(el, 'status', 'resolved');
    const summary = (await disputes('admin1', { status: 'resolved', pageSize: 25 })).items[0]!;
    const full = await client('admin1').call(getDispute, { params: { id: summary.id } });
    const toggle = $(el, `[data-toggle="${summary.id}"]`);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const panel = await expand(el, summary);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.getAttribute('aria-controls')).to.equal(`details-${summary.id}`);
    const steps = [...panel.querySelectorAll('.history li')];
    expect(steps.map((li) => text(li.querySelector('.badge')))).to.deep.equal(
      full.history.map(
        (step) =>
          ({
            submitted: 'Submitted',
            in_review: 'In review',
            approved: 'Approved',
            partially_approved: 'Partially approved',
            denied: 'Denied',
            withdrawn: 'Withdrawn',
          })[step.status],
      ),
    );
    expect(steps[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(full.history[0]!.at);
    expect(text(panel)).to.contain(full.contactEmail);
    expect(panel.querySelectorAll('.lines tbody tr').length).to.equal(full.lines.length);
    expect(panel.querySelectorAll('.attachments li').length).to.equal(full.attachments.length);
    // Decided: nothing to withdraw.
    expect(panel.querySelector('[data-withdraw]')).to.equal(null);
    await expectAccessible(el);
    toggle.click();
    await el.updateComplete;
    expect($(el, `#details-${summary.id}`)).to.equal(null);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('downloads a dispute’s attachment as it was uploaded', async () => {
    const all = await disputes('admin1', { pageSize: 100 });
    const full = await Promise.all(all.items.map((d) => client('admin1').call(getDispute, { params: { id: d.id } })));
    const withFile = full.find((d) => d.attachments.length > 0)!;
    expect(withFile, 'the seeds attach files to some disputes').to.not.equal(undefined);
    const el = await mount<El>(html`<ups-dispute-list page-size="100"></ups-dispute-list>`, { user: 'admin1' });
    await loaded(el);
    const panel = await expand(el, withFile);
    const attachment = withFile.attachments[0]!;
    const button = [...panel.querySelectorAll<HTMLButtonElement>('.attachments button')][0]!;
    expect(text(button)).to.equal(`Download ${attachment.name}`);
    // The file reaches the browser as a download link's click: catch it there.
    const original = HTMLAnchorElement.prototype.click;
    let saved: { href: string; name: string } | null = null;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved = { href: this.href, name: this.download };
    };
    try {
      button.click();
      await until(() => saved !== null, 'download', 10_000);
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    const { href, name } = saved!;
    expect(name).to.equal(attachment.name);
    const bytes = new Uint8Array(await (await fetch(href)).arrayBuffer());
    expect(bytes.length).to.equal(attachment.size);
    const magic = attachment.mediaType === 'application/pdf' ? [0x25, 0x50, 0x44, 0x46] : [0x89, 0x50, 0x4e, 0x47];
    expect([...bytes.slice(0, 4)]).to.deep.equal(magic);
  });

  it('shows one invoice’s disputes with invoice-number, and opens a dispute’s invoice', async () => {
    const sample = (await disputes('admin1', { pageSize: 1 })).items[0]!;
    const el = await mount<El>(html`<ups-dispute-list invoice-number=${sample.invoiceNumber}></ups-dispute-list>`, {
      user: 'admin1',
    });
    await loaded(el);
    const ofInvoice = await disputes('admin1', { invoice: sample.invoiceNumber, pageSize: 25 });
    expect(numbers(el)).to.deep.equal(ofInvoice.items.map((d) => d.number));
    expect(text($(el, '#title'))).to.equal(`Disputes of invoice ${sample.invoiceNumber}`);
    expect($(el, '#account')).to.equal(null);
    expect($(el, '#q')).to.equal(null);

    const list = await mount<El>(html`<ups-dispute-list></ups-dispute-list>`, { user: 'admin1' });
    await loaded(list);
    const link = rows(list)[0]!.querySelector<HTMLButtonElement>('button.link')!;
    expect(link.getAttribute('aria-label')).to.equal(`Open invoice ${sample.invoiceNumber}`);
    const opened = oneEvent(list, 'ups-invoice-open');
    link.click();
    expect((await opened).detail.invoice.number).to.equal(sample.invoiceNumber);
  });

  it('never offers Withdraw to viewers', async () => {
    const el = await mount<El>(html`<ups-dispute-list></ups-dispute-list>`, { user: 'viewer1' });
    await loaded(el);
    const seen = await disputes('viewer1', { status: 'open', pageSize: 25 });
    expect(seen.items.length, 'viewer1 sees open disputes in the seeds').to.be.greaterThan(0);
    await choose(el, 'status', 'open');
    for (const dispute of seen.items) await expand(el, dispute);
    expect($$(el, '.history li').length).to.be.greaterThan(0);
    expect($$(el, '[data-withdraw]')).to.have.length(0);
  });

  it('speaks French', async () => {
    const el = await mount<El>(html`<ups-dispute-list></ups-dispute-list>`, { user: 'admin1', locale: 'fr' });
    await until(() => text($(el, '#title')) === 'Contestations', 'French title', 10_000);
    await loaded(el);
    const all = await disputes('admin1', { pageSize: 25 });
    const fr: Record<string, string> = {
      submitted: 'Envoyée',
      in_review: 'En cours d’examen',
      approved: 'Acceptée',
      partially_approved: 'Partiellement acceptée',
      denied: 'Refusée',
      withdrawn: 'Retirée',
    };
    expect(statuses(el)).to.deep.equal(all.items.map((d) => fr[d.status]));
    expect(text($(el, 'label[for=status]'))).to.equal('Statut');
    expect([...($(el, '#status') as HTMLSelectElement).options].map((o) => text(o)).slice(0, 2)).to.deep.equal([
      'Toutes les contestations',
      'En cours',
    ]);
  });

  it('shows a failure with Try again when the disputes cannot be loaded', async () => {
    let fail = true;
    const failing: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (fail && url.includes('/disputes'))
        return Promise.resolve(
          new Response(JSON.stringify({ type: 'about:blank', title: 'x', status: 500, code: 'internal_error' }), {
            status: 500,
            headers: { 'content-type': 'application/problem+json' },
          }),
        );
      return fetch(input, init);
    };
    const el = await mount<El>(html`<ups-dispute-list></ups-dispute-list>`, { user: 'admin1', fetch: failing });
    await until(() => Boolean($(el, '[role=alert]')), 'failure shown', 10_000);
    expect(text($(el, '[role=alert]'))).to.contain('The disputes could not be loaded.');
    fail = false;
    ($(el, '[role=alert] .button') as HTMLButtonElement).click();
    await loaded(el);
    expect(rows(el).length).to.be.greaterThan(0);
  });

  describe('withdrawing', () => {
    let apiBase: string;
    before(async () => {
      apiBase = await privateServer();
    });

    it('says so when no dispute is open any more', async () => {
      const theirs = await disputes('northwind-admin', { status: 'open', pageSize: 50 }, apiBase);
      for (const dispute of theirs.items)
        await client('northwind-admin', apiBase).call(withdrawDispute, { params: { id: dispute.id }, body: {} });
      const el = await mount<El>(html`<ups-dispute-list></ups-dispute-list>`, { user: 'northwind-admin', apiBase });
      await choose(el, 'status', 'open');
      expect(text($(el, '.empty p'))).to.equal('No open disputes.');
      await choose(el, 'status', 'withdrawn');
      expect(statuses(el)).to.deep.equal(theirs.items.map(() => 'Withdrawn'));
    });

    it('is reached by keyboard: filters, disclosure, Withdraw, and Escape back to the button', async () => {
      const el = await mount<El>(html`<ups-dispute-list></ups-dispute-list>`, { user: 'admin1', apiBase });
      await loaded(el);
      const status = $(el, '#status') as HTMLSelectElement;
      status.focus();
      // Arrow keys move a closed select's choice on Windows and Linux: All → Open.
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      await until(() => status.value === 'open', 'status chosen by keyboard');
      await loaded(el);
      const open = await disputes('admin1', { status: 'open', pageSize: 25 }, apiBase);
      expect(numbers(el)).to.deep.equal(open.items.map((d) => d.number));
      // The filters follow one another in the tab order, then the search takes typing.
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement!.id).to.equal('account');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement!.id).to.equal('q');
      await sendKeys({ type: open.items[0]!.number });
      await until(() => numbers(el).length === 1 && idle(el), 'searched by keyboard', 10_000);
      expect(numbers(el)).to.deep.equal([open.items[0]!.number]);
      await sendKeys({ press: 'Escape' });
      await until(() => numbers(el).length === open.items.length && idle(el), 'search cleared', 10_000);

      const full = await Promise.all(
        open.items.map((d) => client('admin1', apiBase).call(getDispute, { params: { id: d.id } })),
      );
      const target = full.find((d) => d.canWithdraw)!;
      const toggle = $(el, `[data-toggle="${target.id}"]`);
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => Boolean($(el, `[data-withdraw="${target.id}"]`)), 'Withdraw offered', 10_000);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      const withdraw = $(el, `[data-withdraw="${target.id}"]`);
      withdraw.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = $(el, 'dialog#withdraw') as HTMLDialogElement;
      await until(() => dialog.open, 'confirmation open');
      // "Keep" has the focus: Enter alone never withdraws.
      expect(text(el.shadowRoot!.activeElement)).to.equal('Keep dispute');
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog.open, 'confirmation closed');
      await until(() => el.shadowRoot!.activeElement === withdraw, 'focus back on Withdraw');
    });

    it('withdraws an open dispute after a confirmation, with a reason, and tells the host', async () => {
      const open = await disputes('admin1', { status: 'open', pageSize: 25 }, apiBase);
      const full = await Promise.all(
        open.items.map((d) => client('admin1', apiBase).call(getDispute, { params: { id: d.id } })),
      );
      const target = full.find((d) => d.canWithdraw)!;
      const el = await mount<El>(html`<ups-dispute-list></ups-dispute-list>`, { user: 'admin1', apiBase });
      await choose(el, 'status', 'open');
      const panel = await expand(el, target);
      (panel.querySelector('[data-withdraw]') as HTMLButtonElement).click();
      const dialog = $(el, 'dialog#withdraw') as HTMLDialogElement;
      await until(() => dialog.open, 'confirmation open');
      expect(text(dialog.querySelector('h3'))).to.equal(`Withdraw dispute ${target.number}?`);
      await expectAccessible(el);
      (dialog.querySelector('#withdraw-reason') as HTMLTextAreaElement).value = 'Settled with the driver';
      const changed = oneEvent(el, 'ups-dispute-change');
      ([...dialog.querySelectorAll('button')].find((b) => text(b) === 'Withdraw dispute') as HTMLButtonElement).click();
      const event = await changed;
      expect(event.detail.action).to.equal('withdrawn');
      expect(event.detail.dispute.id).to.equal(target.id);
      expect(event.detail.dispute.status).to.equal('withdrawn');
      await until(() => !dialog.open, 'confirmation closed');
      const row = rows(el).find((r) => text(r.querySelector('th')) === target.number)!;
      expect(text(row.querySelector('.badge'))).to.equal('Withdrawn');
      expect($(el, `[data-withdraw="${target.id}"]`)).to.equal(null);
      const history = [...$(el, `#details-${target.id}`).querySelectorAll('.history li')];
      expect(text(history.at(-1)!.querySelector('.badge'))).to.equal('Withdrawn');
      expect(text($(el, '.disputes > [role=status]'))).to.equal(`Dispute ${target.number} is withdrawn.`);
      await until(() => el.shadowRoot!.activeElement === $(el, `[data-toggle="${target.id}"]`), 'focus on the row');

      const server = await client('admin1', apiBase).call(getDispute, { params: { id: target.id } });
      expect(server.status).to.equal('withdrawn');
      expect(server.history.at(-1)!.note).to.equal('Settled with the driver');
    });
  });
});
