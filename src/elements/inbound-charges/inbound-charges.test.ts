import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../api/client.js';
import { addInboundException, getInboundCharges, listInboundCharges } from '../../api/endpoints/inbound-charges.js';
import { expectAccessible, mount, privateServer, tokenFor, until } from '../../../test/browser/fixtures.js';
import '../../ups-inbound-charges.js';
import type { UpsInboundCharges } from './inbound-charges.js';

type El = UpsInboundCharges;
const $ = (el: El, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const $$ = (el: El, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const norm = (value: string) => value.replace(/\s+/g, ' ').trim();
const text = (node: Element | null | undefined) => norm(node?.textContent ?? '');
const active = (el: El) => el.shadowRoot!.activeElement;
const input = (el: El, selector: string) => $(el, selector) as HTMLInputElement;
const button = (el: El, label: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === label) as HTMLButtonElement;
const status = (el: El) => text($(el, '.inbound > [role=status]'));
const summary = (el: El) => $$(el, '.error-summary li').map(text);
const shippers = (el: El) => $$(el, 'tbody tr[data-shipper]').map((row) => row.dataset['shipper']);

const loaded = (el: El) =>
  until(
    () => !el.matches(':state(loading)') && Boolean($(el, '.account-settings[aria-busy=false]')),
    'inbound charges shown',
    10_000,
  );

const client = (user: string, apiBase = '/api/v1') =>
  new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor(user, apiBase) });
const settingsOf = (number: string, apiBase?: string, user = 'admin1') =>
  client(user, apiBase).call(getInboundCharges, { params: { number } });
const exceptionsOf = async (number: string, apiBase?: string) =>
  (await settingsOf(number, apiBase)).exceptions.map((e) => e.shipperAccount);

async function press(target: HTMLElement, key = 'Enter'): Promise<void> {
  target.focus();
  await sendKeys({ press: key });
}

async function typeInto(el: El, selector: string, value: string): Promise<void> {
  const field = input(el, selector);
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
}

/** Pastes `csv` in the import's text area, as a paste does: one input event. */
async function paste(el: El, csv: string): Promise<void> {
  const area = $(el, '#csv') as HTMLTextAreaElement;
  area.focus();
  area.value = csv;
  area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const ACCOUNT = 'F3R902';

describe('<ups-inbound-charges>', () => {
  it('shows the accounts in scope, the default rule explained, the toggle and no exceptions, accessibly', async () => {
    const el = await mount<El>(html`<ups-inbound-charges account=${ACCOUNT}></ups-inbound-charges>`);
    await loaded(el);
    await expectAccessible(el);
    const { items } = await client('admin1').call(listInboundCharges);
    const select = $(el, '#account') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).to.deep.equal(items.map((i) => i.accountNumber));
    expect(select.value).to.equal(ACCOUNT);
    expect(text($(el, 'h2'))).to.equal('Manage inbound charges');
    expect(text($(el, '#rule legend'))).to.equal(`Charges billed to account ${ACCOUNT} by other shippers`);
    expect(input(el, 'input[name=rule][value=accept]').checked).to.equal(true);
    expect(text($(el, '#rule-refuse-hint'))).to.equal(
      'Charges from other shippers are refused, except from the shippers listed below.',
    );
    expect(input(el, '#contact').checked).to.equal(false);
    expect(text($(el, '.exceptions .empty'))).to.equal('No exceptions: the default rule applies to every shipper.');
    // Another account, by keyboard: its own settings load.
    const next = items[items.findIndex((i) => i.accountNumber === ACCOUNT) + 1]!.accountNumber;
    await press(select, 'ArrowDown');
    await until(() => text($(el, '#rule legend')).includes(next), `settings of ${next}`);
    await loaded(el);
    // Nothing in the import until a file is checked.
    expect(Boolean($(el, '.preview')), '.preview').to.equal(false);
  });

  it('is read-only for a payer and a viewer: the settings shown, no way to change them', async () => {
    for (const user of ['payer1', 'viewer1']) {
      const el = await mount<El>(html`<ups-inbound-charges></ups-inbound-charges>`, { user });
      await loaded(el);
      await expectAccessible(el);
      expect(text($(el, '.inbound > .hint'))).to.equal('Your role lets you see these settings, not change them.');
      expect(el.matches(':state(read-only)')).to.equal(true);
      expect(input(el, 'input[name=rule][value=accept]').disabled).to.equal(true);
      expect(input(el, '#contact').disabled).to.equal(true);
      expect(Boolean($(el, 'button.save')), 'button.save').to.equal(false);
      expect(Boolean($(el, '.add')), '.add').to.equal(false);
      expect(Boolean($(el, '.import')), '.import').to.equal(false);
      expect(Boolean($(el, '[data-remove]')), '[data-remove]').to.equal(false);
    }
  });

  it('speaks French from the catalog ("frais internes")', async () => {
    const el = await mount<El>(html`<ups-inbound-charges account=${ACCOUNT}></ups-inbound-charges>`, {
      locale: 'fr',
    });
    await loaded(el);
    await until(() => text($(el, 'h2')) === 'Gérer les frais internes', 'French title');
    await expectAccessible(el);
    expect(text($(el, '.intro'))).to.equal(
      'Affichez ou modifiez les informations relatives aux frais internes pour n’importe lequel de vos comptes UPS.',
    );
    expect(text($(el, '#rule legend'))).to.equal(`Frais facturés au compte ${ACCOUNT} par d’autres expéditeurs`);
    expect(text($(el, 'label[for=shipper]'))).to.equal('Numéro de compte de l’expéditeur');
    expect(text(button(el, 'Vérifier le fichier'))).to.equal('Vérifier le fichier');
  });

  describe('changing', () => {
    // One private server for every write, in order: settings, exceptions, import.
    let apiBase: string;
    before(async () => {
      apiBase = await privateServer();
    });

    it('switches the default rule and the toggle by keyboard, saves them, and they stay after a reload', async () => {
      const el = await mount<El>(html`<ups-inbound-charges account=${ACCOUNT}></ups-inbound-charges>`, { apiBase });
      await loaded(el);
      await press(input(el, 'input[name=rule][value=accept]'), 'ArrowDown');
      expect(input(el, 'input[name=rule][value=refuse]').checked).to.equal(true);
      await press(input(el, '#contact'), 'Space');
      expect(input(el, '#contact').checked).to.equal(true);
      // Nothing is saved before Save.
      expect((await settingsOf(ACCOUNT, apiBase)).defaultRule).to.equal('accept');

      const change = oneEvent(el, 'ups-inbound-charges-change');
      await press($(el, 'button.save'));
      const { detail } = await change;
      expect(detail).to.deep.equal({
        action: 'update',
        accountNumber: ACCOUNT,
        defaultRule: 'refuse',
        contactBeforeBilling: true,
        shipperAccounts: [],
      });
      await until(() => status(el) === `Settings of account ${ACCOUNT} saved.`, 'saved, announced');
      const saved = await settingsOf(ACCOUNT, apiBase);
      expect([saved.defaultRule, saved.contactBeforeBilling]).to.deep.equal(['refuse', true]);

      const again = await mount<El>(html`<ups-inbound-charges account=${ACCOUNT}></ups-inbound-charges>`, {
        apiBase,
      });
      await loaded(again);
      expect(input(again, 'input[name=rule][value=refuse]').checked).to.equal(true);
      expect(input(again, '#contact').checked).to.equal(true);
      expect(text($(again, '.meaning'))).to.equal(
        'Charges from these shippers are accepted, the opposite of the default rule.',
      );
      await expectAccessible(again);
    });

    it('adds an exception by keyboard; refuses a malformed number, the account itself and a duplicate by field', async () => {
      const el = await mount<El>(html`<ups-inbound-charges account=${ACCOUNT}></ups-inbound-charges>`, { apiBase });
      await loaded(el);

      await typeInto(el, '#shipper', '1a2b3c');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Lyon supplier' });
      const change = oneEvent(el, 'ups-inbound-charges-change');
      await sendKeys({ press: 'Enter' });
      expect((await change).detail.shipperAccounts).to.deep.equal(['1A2B3C']);
      await until(() => shippers(el).join() === '1A2B3C', 'listed');
      expect(status(el)).to.equal('Exception 1A2B3C added.');
      expect(text($(el, 'tr[data-shipper="1A2B3C"] td'))).to.equal('Lyon supplier');
      expect(input(el, '#shipper').value).to.equal('');

      const refused = async (value: string, message: string) => {
        await typeInto(el, '#shipper', value);
        await sendKeys({ press: 'Enter' });
        await until(() => summary(el).length > 0, `summary for ${value}`);
        expect(summary(el)).to.deep.equal([`Shipper account number: ${message}`]);
        expect(text($(el, '#shipper-error'))).to.equal(message);
        expect(input(el, '#shipper').getAttribute('aria-invalid')).to.equal('true');
        expect(input(el, '#shipper').getAttribute('aria-describedby')).to.equal('shipper-hint shipper-error');
        // The summary takes the focus, so its message is read first; its link leads back to the field.
        expect(active(el) === $(el, '.add .error-summary'), 'focus').to.equal(true);
        await press($(el, '.error-summary a'));
        expect(active(el) === $(el, '#shipper'), 'focus').to.equal(true);
      };
      await refused('12345', 'Enter 6 letters or digits, with no spaces or dashes.');
      await expectAccessible(el);
      await refused('1234567', 'Enter 6 letters or digits, with no spaces or dashes.');
      await refused(ACCOUNT.toLowerCase(), 'This is the account itself: enter another shipper’s account.');
      await refused('1a2b3c', 'This shipper is already in the list of exceptions.');
      expect(await exceptionsOf(ACCOUNT, apiBase)).to.deep.equal(['1A2B3C']);
    });

    it('removes an exception only after confirmation', async () => {
      const el = await mount<El>(html`<ups-inbound-charges account=${ACCOUNT}></ups-inbound-charges>`, { apiBase });
      await loaded(el);
      const dialog = () => $(el, 'dialog#remove') as HTMLDialogElement;
      const remove = $(el, '[data-remove="1A2B3C"]');
      expect(text(remove)).to.equal('Remove 1A2B3C');

      await press(remove);
      await until(() => dialog().open, 'confirmation');
      expect(text($(el, '#remove-title'))).to.equal('Remove the exception for 1A2B3C?');
      expect(text($(el, '#remove-text'))).to.equal(
        'Charges from 1A2B3C will be refused again, like every other shipper’s.',
      );
      expect(active(el) === button(el, 'Keep it'), 'focus').to.equal(true);
      await expectAccessible(el);
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog().open && active(el) === remove, 'kept, focus back');
      expect(await exceptionsOf(ACCOUNT, apiBase)).to.deep.equal(['1A2B3C']);

      await press(remove);
      await until(() => dialog().open, 'confirmation again');
      const change = oneEvent(el, 'ups-inbound-charges-change');
      await press(button(el, 'Remove exception'));
      expect((await change).detail).to.include({ action: 'remove', accountNumber: ACCOUNT });
      await until(() => !dialog().open && shippers(el).length === 0, 'removed');
      expect(status(el)).to.equal('Exception 1A2B3C removed.');
      await until(
        () => active(el) === $(el, '#shipper'),
        () => `focus on the add field, not ${active(el)?.id}`,
      );
      expect(await exceptionsOf(ACCOUNT, apiBase)).to.deep.equal([]);
    });

    it('imports a CSV: bad rows listed by line, nothing written until confirmed, then only the good rows', async () => {
      const el = await mount<El>(html`<ups-inbound-charges account=${ACCOUNT}></ups-inbound-charges>`, { apiBase });
      await loaded(el);
      // An empty import is refused by field, before any request.
      await press(button(el, 'Check the file'));
      await until(() => summary(el).length > 0, 'empty refused');
      expect(summary(el)).to.deep.equal(['Or paste the rows: Choose a CSV file or paste its rows.']);

      // Add one first, so a row of the file is already listed.
      await typeInto(el, '#shipper', 'AAA111');
      await sendKeys({ press: 'Enter' });
      await until(() => shippers(el).join() === 'AAA111', 'AAA111 listed');

      const csv = [
        'Shipper account;Note',
        'BBB222;Paris',
        '12345;too short',
        'ccc333',
        `${ACCOUNT};ourselves`,
        'BBB222;again',
        'AAA111',
        'DDD444;a;b',
      ].join('\n');
      await paste(el, csv);
      await press(button(el, 'Check the file'));
      await until(() => Boolean($(el, '.preview')), 'preview');
      expect(active(el) === $(el, '.preview'), 'focus').to.equal(true);
      expect(text($(el, '.preview > p'))).to.equal('7 rows read. 2 good rows will be added.');
      expect($$(el, '.bad-rows tbody tr').map((row) => [...row.children].map((cell) => text(cell)))).to.deep.equal([
        ['3', '12345;too short', 'Not an account number: 6 letters or digits expected.'],
        ['5', `${ACCOUNT};ourselves`, 'The account itself cannot be an exception.'],
        ['6', 'BBB222;again', 'Same shipper as an earlier line.'],
        ['8', 'DDD444;a;b', 'More than two columns.'],
      ]);
      expect(text($(el, '.listed'))).to.equal('1 row names a shipper already in the list: AAA111.');
      await expectAccessible(el);
      // The check wrote nothing.
      expect(await exceptionsOf(ACCOUNT, apiBase)).to.deep.equal(['AAA111']);

      // Cancel: still nothing written, the preview gone.
      await press(button(el, 'Cancel'));
      expect(Boolean($(el, '.preview')), '.preview').to.equal(false);
      expect(status(el)).to.equal('Import cancelled: nothing was added.');
      expect(await exceptionsOf(ACCOUNT, apiBase)).to.deep.equal(['AAA111']);

      await press(button(el, 'Check the file'));
      await until(() => Boolean($(el, '.preview')), 'preview again');
      const change = oneEvent(el, 'ups-inbound-charges-change');
      await press(button(el, 'Import 2 good rows'));
      expect((await change).detail).to.deep.include({ action: 'import', shipperAccounts: ['BBB222', 'CCC333'] });
      await until(() => shippers(el).length === 3, 'imported');
      expect(status(el)).to.equal('2 exceptions imported.');
      expect(await exceptionsOf(ACCOUNT, apiBase)).to.deep.equal(['AAA111', 'BBB222', 'CCC333']);
      expect(text($(el, 'tr[data-shipper=BBB222] td'))).to.equal('Paris');
      expect(Boolean($(el, '.preview')), '.preview').to.equal(false);
      expect(($(el, '#csv') as HTMLTextAreaElement).value).to.equal('');
    });

    it('reads a chosen file into the rows to check, and checks again when the list changed before confirming', async () => {
      const el = await mount<El>(html`<ups-inbound-charges account=${ACCOUNT}></ups-inbound-charges>`, { apiBase });
      await loaded(el);
      const file = input(el, '#csv-file');
      const transfer = new DataTransfer();
      transfer.items.add(new File(['EEE555,Lille\n'], 'exceptions.csv', { type: 'text/csv' }));
      file.files = transfer.files;
      file.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => ($(el, '#csv') as HTMLTextAreaElement).value === 'EEE555,Lille\n', 'file read');
      await press(button(el, 'Check the file'));
      await until(() => Boolean($(el, '.preview')), 'preview');
      expect(text($(el, '.preview > p'))).to.equal('1 row read. 1 good row will be added.');
      expect(Boolean($(el, '.bad-rows')), '.bad-rows').to.equal(false);
      expect(await exceptionsOf(ACCOUNT, apiBase)).to.not.include('EEE555');

      // Another tab adds the same shipper before the user confirms: what they confirmed is no longer
      // true, so nothing is written and the file is checked again.
      await client('admin1', apiBase).call(addInboundException, {
        params: { number: ACCOUNT },
        body: { shipperAccount: 'EEE555' },
      });
      await press(button(el, 'Import 1 good row'));
      await until(() => text($(el, '.preview > p')) === '1 row read. No row can be added.', 'checked again');
      expect(text($(el, '.inbound > .alert'))).to.equal(
        'The list changed since the file was checked. Here is the check again: confirm once more.',
      );
      expect(text($(el, '.listed'))).to.equal('1 row names a shipper already in the list: EEE555.');
      expect(Boolean($(el, '.preview button.confirm')), 'no confirm').to.equal(false);
      expect(
        (await settingsOf(ACCOUNT, apiBase)).exceptions.filter((e) => e.shipperAccount === 'EEE555'),
      ).to.have.length(1);
    });
  });
});
