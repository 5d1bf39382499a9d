import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createUser, listRecoveryRequests } from '../../api/endpoints/users.js';
import { expectAccessible, mount, privateServer, until } from '../../../test/browser/fixtures.js';
import '../../ups-user-admin.js';
import {
  $,
  $$,
  text,
  active,
  input,
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
  recording,
  signInAs,
  NEW_USER,
  type El,
} from '../../../test/browser/user-admin-helpers.js';

describe('<ups-user-admin> by role and locale', () => {
  it('a manager is offered only what it may do, and is told the limits', async () => {
    const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'manager1' });
    await loaded(el);
    expect($$(el, '[role=tab]').map(text)).to.deep.equal(['Users', 'Administrator recovery']);
    expect(text($(el, '.limits'))).to.equal(
      'As a manager, you see and manage the users whose accounts and plans all lie within yours (Plans: P4R7X210; Accounts: 4R7X21). You can give them only those accounts and plans, and you cannot make anyone an administrator.',
    );
    expect(userIds(el)).to.deep.equal((await usersOf('manager1')).map((u) => u.userId));
    for (const other of ['admin1', 'payer1', 'viewer1']) expect(userIds(el)).to.not.include(other);
    // The banner asks the manager to ask; it offers no way to do what the manager may not.
    expect(text($(el, '.banner'))).to.contain('Ask your administrator to give the administrator role');
    expect($(el, '.banner button')).to.equal(null);
    await expectAccessible(el);

    await openAdd(el);
    await scopeLoaded(el);
    expect($$(el, 'input[name=role]').map((r) => (r as HTMLInputElement).value)).to.deep.equal([
      'manager',
      'payer',
      'viewer',
    ]);
    expect(text($(el, '#role-note'))).to.equal('Only an administrator can make someone an administrator.');
    expect($$(el, '#scope input[name=plans]').map((i) => (i as HTMLInputElement).value)).to.deep.equal(['P4R7X210']);
    expect($$(el, '#scope input[name=accounts]').map((i) => (i as HTMLInputElement).value)).to.deep.equal([
      '4R7X21',
      '8F2K44',
      'W9E530',
    ]);
    expect(text($(el, '#scope-hint'))).to.contain('You can give only accounts and plans within your own.');
    await expectAccessible(el);
  });

  it('the server’s refusal of the administrator role to a manager shows by the role', async () => {
    const apiBase = await privateServer();
    const second = await client('admin1', apiBase).call(createUser, {
      body: { ...NEW_USER, userId: 'admin.two', role: 'administrator', scope: { accounts: [], plans: [] } },
    });
    const secondToken = await signInAs(apiBase, 'admin.two', second.temporaryPassword);
    const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1', apiBase });
    await loaded(el);
    await openAdd(el);
    await typeInto(el, '#userId', 'would.be.admin');
    await typeInto(el, '#email', 'would.be@demo-co.example');
    await typeInto(el, '#name', 'Would Be');
    input(el, 'input[name=role][value=administrator]').click();
    // While the form is open, the other administrator makes admin1 a manager.
    const self = byUserId(await usersOf('admin1', apiBase), 'admin1');
    const demoted = await fetch(`${apiBase}/users/${self.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secondToken}` },
      body: JSON.stringify({ role: 'manager', scope: { accounts: ['4R7X21'], plans: [] } }),
    });
    expect(demoted.status).to.equal(200);
    await press(input(el, '#name'));
    await until(() => summary(el).length > 0, 'refused');
    expect(summary(el)).to.deep.equal(['Role: Only an administrator can make someone an administrator.']);
    expect(text($(el, '#role-error'))).to.equal('Only an administrator can make someone an administrator.');
    const found = await fetch(`${apiBase}/users?q=would.be`, { headers: { authorization: `Bearer ${secondToken}` } });
    expect(((await found.json()) as { total: number }).total).to.equal(0);
  });

  it('payers and viewers see no user management: why, and the recovery request', async () => {
    for (const user of ['payer1', 'viewer1']) {
      const { fetch, calls } = recording();
      const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user, fetch });
      await until(
        () => Boolean($(el, 'form.recovery-form')) && Boolean($(el, '.recovery table, .recovery .empty')),
        'recovery',
      );
      const role = user === 'payer1' ? 'Payer' : 'Viewer';
      expect(text($(el, '.no-access'))).to.equal(
        `Your role (${role}) does not include managing users. To add a user or change a role, ask an administrator of your company.`,
      );
      expect($(el, '[role=tablist]')).to.equal(null);
      expect($(el, 'table[part=table]:not(.requests)')).to.equal(null);
      expect($(el, 'button.add')).to.equal(null);
      expect(text($(el, '#recovery-title'))).to.equal('Administrator recovery');
      expect(calls.some((c) => c.startsWith('GET /users'))).to.equal(false);
      await expectAccessible(el);
    }
  });

  it('files an administrator recovery request and shows its status; details matching no administrator are refused', async () => {
    const apiBase = await privateServer();
    const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'payer1', apiBase });
    await until(() => Boolean($(el, '.recovery .empty')), 'no requests yet');
    expect(text($(el, '.recovery .empty'))).to.equal('No requests yet.');
    await typeInto(el, '#previousAdminUserId', 'admin1');
    await typeInto(el, '#previousAdminEmail', 'someone@demo-co.example');
    await typeInto(el, '#newAdminUserId', 'new.boss');
    await typeInto(el, '#newAdminEmail', 'new.boss@demo-co.example');
    await typeInto(el, '#newAdminName', 'New Boss');
    await sendKeys({ press: 'Enter' });
    await until(() => summary(el).length > 0, 'refused');
    const mismatch =
      'These details do not match an administrator of your company. Check the user ID and the e-mail address.';
    expect(summary(el)).to.deep.equal([
      `Previous administrator — User ID: ${mismatch}`,
      `Previous administrator — E-mail address: ${mismatch}`,
    ]);
    expect(input(el, '#previousAdminEmail').getAttribute('aria-invalid')).to.equal('true');
    expect(active(el)?.matches('.error-summary')).to.equal(true);
    await expectAccessible(el);
    expect((await client('payer1', apiBase).call(listRecoveryRequests)).items).to.deep.equal([]);

    await typeInto(el, '#previousAdminEmail', 'admin1@demo-co.example');
    await sendKeys({ press: 'Enter' });
    await until(() => Boolean($(el, '.recovery tbody tr')), 'listed');
    expect(text($(el, '.sent'))).to.equal('Request sent. UPS operations will check it; its status is below.');
    expect(summary(el)).to.deep.equal([]);
    expect(input(el, '#previousAdminUserId').value).to.equal('');
    const row = cells($(el, '.recovery tbody tr'));
    expect(row.slice(1)).to.deep.equal([
      'admin1 admin1@demo-co.example',
      'new.boss new.boss@demo-co.example New Boss',
      'Pending: waiting for UPS operations',
    ]);
    await expectAccessible(el);

    // An administrator reaches it too, by keyboard, and sees who filed it.
    const admin = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1', apiBase });
    await loaded(admin);
    await press($(admin, '#tab-users'), 'End');
    expect(admin.shadowRoot!.activeElement).to.equal($(admin, '#tab-recovery'));
    await until(() => Boolean($(admin, '.recovery tbody tr')), 'the company’s requests');
    expect(cells($(admin, '.recovery tbody tr'))[3]).to.equal('Priya Shah (payer1)');
    expect(text($(admin, '.recovery .note'))).to.contain('you can name another administrator yourself');
  });

  it('speaks French: title, tabs, columns, roles, banner and the add form', async () => {
    const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1', locale: 'fr' });
    await loaded(el);
    await until(() => text($(el, 'h2')) === 'Gérer les utilisateurs', 'French');
    expect($$(el, '[role=tab]').map(text)).to.deep.equal([
      'Utilisateurs',
      'Journal d’audit',
      'Récupération administrateur',
    ]);
    expect($$(el, 'thead th').map(text)).to.deep.equal([
      'Numéro d’utilisateur',
      'Nom',
      'Adresse électronique',
      'Rôle',
      'Comptes et plans',
      'Dernière connexion',
      'Actions',
    ]);
    const admin = byUserId(await usersOf('admin1'), 'admin1');
    expect(cells(rowOf(el, admin.id))[3]).to.equal('Administrateur');
    expect(text($(el, '.banner h3'))).to.equal('Votre entreprise n’a qu’un seul administrateur');
    expect(text($(el, '.banner p'))).to.contain('désignez un administrateur de secours ou secondaire');
    await expectAccessible(el);
    await press($(el, 'button.add'));
    await until(() => text($(el, '#user-title')) === 'Ajouter un utilisateur', 'French dialog');
    expect(text($(el, 'label[for=email]'))).to.equal('Adresse électronique');
    expect($$(el, 'input[name=role]').map((r) => text(r.parentElement))).to.deep.equal([
      'Administrateur',
      'Gestionnaire',
      'Payeur',
      'Lecteur',
    ]);
    await expectAccessible(el);
  });

  it('shows loading, then an error with retry', async () => {
    let fail = true;
    let attempts = 0;
    const flaky = (async (request: RequestInfo | URL, init?: RequestInit) => {
      const req = new Request(request, init);
      if (new URL(req.url).pathname.endsWith('/users')) {
        // The first answer is slow enough to check the loading state; the client retries the 503s.
        await new Promise((r) => setTimeout(r, ++attempts === 1 ? 1500 : 100));
        if (fail) return new Response('', { status: 503 });
      }
      return fetch(req);
    }) as typeof fetch;
    const el = await mount<El>(html`<ups-user-admin></ups-user-admin>`, { user: 'admin1', fetch: flaky });
    await until(() => text($(el, '[aria-busy=true] [role=status]')) === 'Loading users…', 'loading');
    await until(() => el.matches(':state(loading)'), ':state(loading)');
    await expectAccessible(el);
    expect(attempts).to.equal(1);
    await until(() => Boolean($(el, '.notice.error')), 'error', 15_000);
    expect(text($(el, '.notice.error p'))).to.contain('The users could not be loaded.');
    await expectAccessible(el);
    fail = false;
    button(el.shadowRoot!, 'Try again').click();
    await loaded(el);
    expect(rows(el).length).to.be.greaterThan(3);
  });
});
