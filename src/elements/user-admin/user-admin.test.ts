import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createUser, removeUser, updateUser } from '../../api/endpoints/users.js';
import { expectAccessible, mount, privateServer, until } from '../../../test/browser/fixtures.js';
import '../../ups-user-admin.js';
import {
  $,
  $$,
  text,
  active,
  input,
  dialog,
  button,
  client,
  usersOf,
  byUserId,
  loaded,
  rows,
  userIds,
  rowOf,
  cells,
  summary,
  press,
  typeInto,
  openAdd,
  scopeLoaded,
  check,
  recording,
  signInAs,
  NEW_USER,
  type El,
} from '../../../test/browser/user-admin-helpers.js';

describe('<ups-user-admin>', () => {
  it('lists users with role, scope, e-mail and last sign-in; one administrator gets the banner and its Remove says why not', async () => {
    const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1' });
    await loaded(el);
    await expectAccessible(el);
    expect($$(el, '[role=tab]').map(text)).to.deep.equal(['Users', 'Audit log', 'Administrator recovery']);
    expect($$(el, 'thead th').map(text)).to.deep.equal([
      'User ID',
      'Name',
      'E-mail',
      'Role',
      'Accounts and plans',
      'Last sign-in',
      'Actions',
    ]);
    const users = await usersOf('admin1');
    expect(userIds(el)).to.deep.equal(users.map((u) => u.userId));
    expect($$(el, 'th[aria-sort]').map((th) => [text(th), th.getAttribute('aria-sort')])).to.deep.equal([
      ['User ID', 'ascending'],
    ]);
    const admin = byUserId(users, 'admin1');
    const manager = byUserId(users, 'manager1');
    expect(cells(rowOf(el, manager.id)).slice(0, 5)).to.deep.equal([
      'manager1',
      'Marc Dubois',
      'manager1@demo-co.example',
      'Manager',
      'Plans: P4R7X210 Accounts: 4R7X21',
    ]);
    const adminCells = cells(rowOf(el, admin.id));
    expect(adminCells.slice(0, 5)).to.deep.equal([
      'admin1 (you)',
      'Alice Martin',
      'admin1@demo-co.example',
      'Administrator',
      'All accounts and plans',
    ]);
    expect(adminCells[5]).to.not.equal('Never');
    expect(text($(el, '.count'))).to.equal(`${users.length} users`);

    expect(text($(el, '.banner h3'))).to.equal('Your company has only one administrator');
    expect(text($(el, '.banner p'))).to.contain('name a backup administrator');
    expect(text($(el, '.banner p'))).to.contain('giving administrator rights to more than one user');
    const remove = $(el, `[data-remove="${admin.id}"]`);
    expect(remove.getAttribute('aria-disabled')).to.equal('true');
    expect(text(el.shadowRoot!.getElementById(remove.getAttribute('aria-describedby')!))).to.equal(
      'The only administrator: cannot be removed or given another role until another user is an administrator.',
    );
    await press(remove);
    await new Promise((r) => setTimeout(r, 100));
    expect(dialog(el, 'remove').open).to.equal(false);
    expect($(el, `[data-remove="${manager.id}"]`).getAttribute('aria-disabled')).to.equal('false');
  });

  it('sorts on the server from the column headers, and searches once the user pauses typing', async () => {
    const { fetch, calls } = recording();
    const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1', fetch });
    await loaded(el);
    const name = $(el, 'button[data-sort=name]');
    await press(name);
    await loaded(el);
    expect(name.closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    expect($$(el, 'th[aria-sort]')).to.have.length(1);
    expect(active(el)).to.equal(name);
    const byName = (await usersOf('admin1', undefined, { sort: 'name' })).map((u) => u.userId);
    expect(userIds(el)).to.deep.equal(byName);
    await press(name);
    await loaded(el);
    expect(name.closest('th')!.getAttribute('aria-sort')).to.equal('descending');
    expect(userIds(el)).to.deep.equal([...byName].reverse());
    expect(calls.filter((c) => c.startsWith('GET /users')).at(-1)).to.contain('sort=name&order=desc');

    calls.length = 0;
    input(el, '#search').focus();
    await sendKeys({ type: 'PRIYA' });
    await until(() => userIds(el).join() === 'payer1', 'searched');
    await loaded(el);
    // One request for the whole word, not one per letter.
    expect(calls.filter((c) => c.startsWith('GET /users'))).to.deep.equal([
      'GET /users?q=PRIYA&sort=name&order=desc&page=1&pageSize=25',
    ]);
    expect(text($(el, '.count'))).to.equal('1 user');

    await typeInto(el, '#search', 'nobody-here');
    await until(() => Boolean($(el, '.frame.empty')), 'nothing found');
    await loaded(el);
    expect(text($(el, '.frame.empty p'))).to.equal('No user matches “nobody-here”.');
    await expectAccessible(el);
    await press(button(el.shadowRoot!, 'Clear search'));
    await until(() => rows(el).length > 1, 'everyone again');
    expect(active(el)).to.equal($(el, '#search'));
  });

  describe('adding', () => {
    // One private server: adding a payer leaves one administrator, so the banner test starts as it needs.
    let apiBase: string;
    before(async () => {
      apiBase = await privateServer();
    });

    it('adds a user by keyboard, then shows the temporary password once, with a way to copy it', async () => {
      const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1', apiBase });
      await loaded(el);
      const add = await openAdd(el);
      expect(text(add.querySelector('h3'))).to.equal('Add a user');
      expect(active(el)).to.equal($(el, '#userId'));
      await sendKeys({ type: 'nina.payer' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'nina@demo-co.example' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Nina Payer' });
      // Into the roles: the checked one (viewer, the least) takes the focus; up is payer.
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal($(el, 'input[name=role][value=viewer]'));
      await sendKeys({ press: 'ArrowUp' });
      expect(input(el, 'input[name=role][value=payer]').checked).to.equal(true);
      expect($$(el, '#role .hint').map(text)[2]).to.equal(
        'For their accounts and plans: view, download, pay and dispute invoices.',
      );
      await scopeLoaded(el);
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal(check(el, 'plans', 'P4R7X210'));
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal(check(el, 'accounts', '4R7X21'));
      await sendKeys({ press: 'Space' });
      expect(check(el, 'accounts', '4R7X21').checked).to.equal(true);
      await expectAccessible(el);

      const change = oneEvent(el, 'ups-user-change');
      await press(input(el, '#name'));
      const { detail } = await change;
      expect(detail.action).to.equal('create');
      expect([detail.user.userId, detail.user.role, detail.user.scope]).to.deep.equal([
        'nina.payer',
        'payer',
        { all: false, accounts: ['4R7X21'], plans: [] },
      ]);
      expect(Object.keys(detail)).to.deep.equal(['action', 'user']);

      await until(() => Boolean($(el, 'dialog#user .password code')), 'the password');
      expect(text($(el, '#user-title'))).to.equal('Nina Payer (nina.payer) added');
      const password = text($(el, '.password code'));
      expect(password).to.match(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
      expect(text($(el, '#password-note'))).to.equal(
        'Give Nina Payer this temporary password in a secure way, with the user ID nina.payer. It will not be shown again: the billing center keeps only a scrambled form of it.',
      );
      await until(() => active(el) === $(el, 'button.copy'), 'focus on Copy');
      await expectAccessible(el);
      await sendKeys({ press: 'Enter' });
      await until(() => text($(el, '.copy-status')) !== '', 'copied, or selected to copy');
      expect([
        'Password copied.',
        'The password could not be copied: it is selected, copy it with your keyboard.',
      ]).to.include(text($(el, '.copy-status')));
      expect(text($(el, '.user-admin > [role=status]'))).to.equal('Nina Payer (nina.payer) added.');

      await press(button(dialog(el, 'user'), 'Done'));
      await until(() => !dialog(el, 'user').open, 'closed');
      await until(() => active(el) === $(el, 'button.add'), 'focus back on Add');
      // Gone with the dialog: shown once.
      expect(el.shadowRoot!.textContent).to.not.contain(password);
      await loaded(el);
      expect(cells(rowOf(el, detail.user.id)).slice(3, 6)).to.deep.equal(['Payer', 'Accounts: 4R7X21', 'Never']);
      // It is the real password: the new user signs in with it.
      await signInAs(apiBase, 'nina.payer', password);
    });

    it('the banner goes once a second administrator is added, from its own button', async () => {
      const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1', apiBase });
      await loaded(el);
      await openAdd(el, '.banner button');
      expect(input(el, 'input[name=role][value=administrator]').checked).to.equal(true);
      expect($(el, '#scope')).to.equal(null);
      expect(text($(el, '.scope-all'))).to.equal('Administrators see every account and plan of the company.');
      await typeInto(el, '#userId', 'second.admin');
      await typeInto(el, '#email', 'second.admin@demo-co.example');
      await typeInto(el, '#name', 'Sam Second');
      await press(input(el, '#name'));
      await until(() => Boolean($(el, '.password code')), 'the password');
      await press(button(dialog(el, 'user'), 'Done'));
      await until(() => !$(el, '.banner'), 'banner gone');
      // The banner's button went with it: Add has the focus.
      await until(() => active(el) === $(el, 'button.add'), 'focus on Add');
      const admin = byUserId(await usersOf('admin1', apiBase), 'admin1');
      expect($(el, `[data-remove="${admin.id}"]`).getAttribute('aria-disabled')).to.equal('false');
    });
  });

  it('refuses missing values, a malformed e-mail and a taken user ID, by each field and in the summary, and adds nobody', async () => {
    const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1' });
    await loaded(el);
    await openAdd(el);
    await scopeLoaded(el);
    await press(input(el, '#userId'));
    await until(() => summary(el).length > 0, 'summary');
    expect(summary(el)).to.deep.equal([
      'User ID: Enter a value.',
      'E-mail address: Enter a value.',
      'Name: Enter a value.',
      'Accounts and plans this user may see: Choose at least one account or plan.',
    ]);
    expect(active(el)?.matches('.error-summary')).to.equal(true);

    await typeInto(el, '#userId', 'ADMIN1');
    await typeInto(el, '#email', 'not-an-email');
    await typeInto(el, '#name', 'Someone Else');
    check(el, 'accounts', 'F3R901').click();
    await press(input(el, '#name'));
    await until(() => summary(el).length === 1, 'the e-mail alone');
    expect(summary(el)).to.deep.equal(['E-mail address: Enter an e-mail address in the form name@example.com.']);
    const email = input(el, '#email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, `#${email.getAttribute('aria-describedby')}`))).to.equal(
      'Enter an e-mail address in the form name@example.com.',
    );
    ($(el, '.error-summary a') as HTMLAnchorElement).click();
    expect(active(el)).to.equal(email);

    await typeInto(el, '#email', 'someone.else@demo-co.example');
    await press(input(el, '#email'));
    await until(() => summary(el)[0]?.startsWith('User ID') ?? false, 'the server’s refusal');
    expect(summary(el)).to.deep.equal([
      'User ID: This user ID is already taken. User IDs are unique across the billing center: choose another.',
    ]);
    expect(input(el, '#userId').getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    expect(active(el)?.matches('.error-summary')).to.equal(true);
    await expectAccessible(el);
    expect(await usersOf('admin1', undefined, { q: 'someone.else' })).to.deep.equal([]);
  });

  describe('changing users', () => {
    // One private server, in order: viewer1 edited, payer1 removed, then the audit log shows it all.
    let apiBase: string;
    before(async () => {
      apiBase = await privateServer();
    });

    it('changes a user’s role and scope', async () => {
      const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1', apiBase });
      await loaded(el);
      const viewer = byUserId(await usersOf('admin1', apiBase), 'viewer1');
      const edit = $(el, `[data-edit="${viewer.id}"]`);
      await press(edit);
      await until(() => dialog(el, 'user').open, 'edit open');
      await scopeLoaded(el);
      expect(text($(el, '#user-title'))).to.equal('Edit Victor Lee (viewer1)');
      expect($(el, '#userId')).to.equal(null);
      expect(input(el, 'input[name=role][value=viewer]').checked).to.equal(true);
      expect($$(el, '#scope input:checked').map((i) => (i as HTMLInputElement).value)).to.deep.equal([
        'F3R901',
        'F3R902',
      ]);
      input(el, 'input[name=role][value=manager]').click();
      check(el, 'accounts', 'F3R902').click();
      check(el, 'plans', 'P4R7X210').click();
      await el.updateComplete;
      await expectAccessible(el);
      const change = oneEvent(el, 'ups-user-change');
      button(dialog(el, 'user'), 'Save changes').click();
      const { detail } = await change;
      expect(detail.action).to.equal('update');
      expect([detail.user.role, detail.user.scope]).to.deep.equal([
        'manager',
        { all: false, accounts: ['F3R901'], plans: ['P4R7X210'] },
      ]);
      await until(() => !dialog(el, 'user').open, 'closed');
      await until(() => active(el) === $(el, `[data-edit="${viewer.id}"]`), 'focus back on Edit');
      await until(() => cells(rowOf(el, viewer.id))[3] === 'Manager', 'the list reloaded');
      expect(cells(rowOf(el, viewer.id)).slice(3, 5)).to.deep.equal(['Manager', 'Plans: P4R7X210 Accounts: F3R901']);
      expect(byUserId(await usersOf('admin1', apiBase), 'viewer1').scope.accounts).to.deep.equal(['F3R901']);
    });

    it('removes a user after a confirmation where Keep has the focus', async () => {
      const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1', apiBase });
      await loaded(el);
      const payer = byUserId(await usersOf('admin1', apiBase), 'payer1');
      const remove = $(el, `[data-remove="${payer.id}"]`);
      await press(remove);
      await until(() => dialog(el, 'remove').open, 'confirmation open');
      expect(text($(el, '#remove-title'))).to.equal('Remove Priya Shah (payer1)?');
      expect(active(el)).to.equal(button(dialog(el, 'remove'), 'Keep user'));
      await expectAccessible(el);
      await sendKeys({ press: 'Escape' });
      await until(() => active(el) === remove, 'focus back on Remove');
      expect(rowOf(el, payer.id)).to.not.equal(null);

      await press(remove);
      await until(() => dialog(el, 'remove').open, 'confirmation open again');
      const change = oneEvent(el, 'ups-user-change');
      await sendKeys({ press: 'Tab' });
      expect(text(active(el))).to.equal('Remove user');
      await sendKeys({ press: 'Enter' });
      const { detail } = await change;
      expect([detail.action, detail.user.userId]).to.deep.equal(['remove', 'payer1']);
      await until(() => !rowOf(el, payer.id), 'gone from the list');
      await until(() => active(el) === $(el, 'button.add'), 'focus on Add');
      expect(text($(el, '.user-admin > [role=status]'))).to.equal('Priya Shah (payer1) removed.');
      expect((await usersOf('admin1', apiBase)).some((u) => u.userId === 'payer1')).to.equal(false);
    });

    it('the audit tab lists who changed which user, newest first, filtered by action', async () => {
      const admin = client('admin1', apiBase);
      const { user } = await admin.call(createUser, {
        body: { ...NEW_USER, userId: 'audit.me', scope: { accounts: ['4R7X21'], plans: [] } },
      });
      await admin.call(updateUser, { params: { id: user.id }, body: { role: 'payer' } });
      await admin.call(removeUser, { params: { id: user.id } });
      const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1', apiBase });
      await loaded(el);
      await press($(el, '#tab-users'), 'ArrowRight');
      expect(active(el)).to.equal($(el, '#tab-audit'));
      expect($(el, '#tab-audit').getAttribute('aria-selected')).to.equal('true');
      await until(() => Boolean($(el, 'table.audit-log tbody tr')), 'the log');
      const select = $(el, '#audit-filter') as HTMLSelectElement;
      select.value = 'users.';
      select.dispatchEvent(new Event('change'));
      await until(
        () => $$(el, 'table.audit-log tbody tr').every((r) => r.dataset['action']!.startsWith('users.')),
        'users only',
      );
      await until(() => !$(el, '.audit [aria-busy=true]'), 'settled');
      // Newest first: this test's changes, then the changes of the tests before it on this server.
      const logged = $$(el, 'table.audit-log tbody tr').map((r) => cells(r).slice(1));
      expect(logged.slice(0, 3)).to.deep.equal([
        ['Alice Martin (admin1)', 'User removed', 'audit.me', ''],
        ['Alice Martin (admin1)', 'User changed', 'audit.me', 'Role: Viewer → Payer'],
        ['Alice Martin (admin1)', 'User added', 'audit.me', 'Role: Viewer'],
      ]);
      const times = $$(el, 'table.audit-log time').map((t) => Date.parse(t.getAttribute('datetime')!));
      expect(times).to.deep.equal([...times].sort((a, b) => b - a));
      expect(text($(el, '.audit .count'))).to.equal(`${logged.length} entries`);
      await expectAccessible(el);
      select.value = 'users.remove';
      select.dispatchEvent(new Event('change'));
      await until(
        () => $$(el, 'table.audit-log tbody tr').every((r) => r.dataset['action'] === 'users.remove'),
        'removals only',
      );
      expect(cells($(el, 'table.audit-log tbody tr'))[3]).to.equal('audit.me');
    });
  });

  it('protects the last administrator, and explains the server’s refusal when the list was out of date', async () => {
    const apiBase = await privateServer();
    const admin = client('admin1', apiBase);
    const second = await admin.call(createUser, {
      body: { ...NEW_USER, userId: 'admin.two', role: 'administrator', scope: { accounts: [], plans: [] } },
    });
    const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1', apiBase });
    await loaded(el);
    expect($(el, '.banner')).to.equal(null);
    const self = byUserId(await usersOf('admin1', apiBase), 'admin1');
    // Meanwhile, elsewhere, the second administrator is removed: admin1 is the last one again.
    await admin.call(removeUser, { params: { id: second.user.id } });

    await press($(el, `[data-remove="${self.id}"]`));
    await until(() => dialog(el, 'remove').open, 'confirmation open');
    button(dialog(el, 'remove'), 'Remove user').click();
    await until(() => summary(el).length > 0, 'refused');
    expect(summary(el)).to.deep.equal([
      'The last administrator cannot be removed or given another role. Make another user administrator first.',
    ]);
    expect(active(el)?.matches('.error-summary')).to.equal(true);
    expect($$(el, 'dialog#remove button').map(text)).to.deep.equal(['Close']);
    await expectAccessible(el);
    await press(button(dialog(el, 'remove'), 'Close'));
    // The list shows the company as it is now: one administrator.
    await until(() => Boolean($(el, '.banner')), 'banner back');
    expect($(el, `[data-remove="${self.id}"]`).getAttribute('aria-disabled')).to.equal('true');

    // The same for a demotion: a third administrator comes and goes behind the element's back.
    const third = await admin.call(createUser, {
      body: { ...NEW_USER, userId: 'admin.three', role: 'administrator', scope: { accounts: [], plans: [] } },
    });
    el.refresh();
    await until(() => !$(el, '.banner'), 'two administrators');
    await admin.call(removeUser, { params: { id: third.user.id } });
    await press($(el, `[data-edit="${self.id}"]`));
    await until(() => dialog(el, 'user').open, 'edit open');
    input(el, 'input[name=role][value=manager]').click();
    await scopeLoaded(el);
    check(el, 'accounts', '4R7X21').click();
    button(dialog(el, 'user'), 'Save changes').click();
    await until(() => summary(el).length > 0, 'refused');
    expect(summary(el)).to.deep.equal([
      'Role: This is the last administrator: make another user administrator first, then change this role.',
    ]);
    expect(text($(el, '#role-error'))).to.equal(
      'This is the last administrator: make another user administrator first, then change this role.',
    );
    expect(byUserId(await usersOf('admin1', apiBase), 'admin1').role).to.equal('administrator');
    await press(button(dialog(el, 'user'), 'Cancel'));
    await until(() => Boolean($(el, '.banner')), 'banner back');

    // Now the element knows: the role cannot change, and the form says why.
    await press($(el, `[data-edit="${self.id}"]`));
    await until(() => dialog(el, 'user').open, 'edit open');
    expect(
      $$(el, 'input[name=role]').map((r) => [(r as HTMLInputElement).value, (r as HTMLInputElement).disabled]),
    ).to.deep.equal([
      ['administrator', false],
      ['manager', true],
      ['payer', true],
      ['viewer', true],
    ]);
    expect(text($(el, '#role-note'))).to.equal(
      'Alice Martin (admin1) is the only administrator, so the role cannot change until another user is an administrator.',
    );
    await expectAccessible(el);
  });
});
