import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/ups-user-admin.js';
import type { UpsUserAdmin } from '../src/ups-user-admin.js';
import { browserFetch, failing, tokenFor, withTransport } from './support/browser-server.js';

/**
 * Every story runs against the in-page reference server, seeded like the
 * demo: Demo Co has one administrator (admin1, Alice Martin), a manager of
 * plan P4R7X210 and account 4R7X21 (manager1), a payer and a viewer. Plays
 * stop before anything is saved or removed in Demo Co, so the stories sharing
 * this page's database (the single-administrator banner above all) see the
 * same company. The one story that adds a user does it in the other company,
 * Northwind Freight, whose administrator no other story signs in as; the one
 * that files a recovery request does it once per page, as a user no other
 * story shows.
 */
const meta: Meta = {
  title: 'Elements/User admin',
  component: 'ups-user-admin',
  decorators: [withActions],
  parameters: { actions: { handles: ['ups-user-change'] } },
  render: () => html`<ups-user-admin></ups-user-admin>`,
};
export default meta;

type Story = StoryObj;

const SLOW = { timeout: 20_000 };

const adminIn = (canvas: HTMLElement) => canvas.querySelector<UpsUserAdmin>('ups-user-admin')!;

/** Waits for `selector` in the element's shadow root, once nothing is loading. */
function find<T extends Element = HTMLElement>(canvas: HTMLElement, selector: string): Promise<T> {
  return waitFor(() => {
    const root = adminIn(canvas).shadowRoot;
    const found = root?.querySelector<T>(selector);
    if (!found || root!.querySelector('[aria-busy=true]'))
      throw new Error(`${selector} is not in <ups-user-admin> yet`);
    return found;
  }, SLOW);
}

/** The row of the user whose user ID is `userId`. */
async function rowOf(canvas: HTMLElement, userId: string): Promise<HTMLElement> {
  await find(canvas, 'tbody tr[data-user]');
  const rows = [...adminIn(canvas).shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[data-user]')];
  return rows.find((row) => row.querySelector('th')?.textContent?.trim().startsWith(userId))!;
}

async function openAdd(canvas: HTMLElement): Promise<void> {
  await userEvent.click(await find(canvas, 'button.add'));
  await find(canvas, 'dialog#user[open] #email');
}

async function fillUser(canvas: HTMLElement, userId: string, email: string, name: string): Promise<void> {
  await userEvent.type(await find<HTMLInputElement>(canvas, '#userId'), userId);
  await userEvent.type(await find<HTMLInputElement>(canvas, '#email'), email);
  await userEvent.type(await find<HTMLInputElement>(canvas, '#name'), name);
}

async function submitUser(canvas: HTMLElement): Promise<void> {
  await userEvent.click(await find(canvas, 'dialog#user button[type=submit]'));
}

async function openTab(canvas: HTMLElement, tab: 'audit' | 'recovery'): Promise<void> {
  await userEvent.click(await find(canvas, `#tab-${tab}`));
}

let filedOnce: Promise<Record<string, never>> | undefined;
/** A recovery request filed by newcomer1 (a viewer no other story signs in as), once per page. */
function fileRecoveryRequest(): Promise<Record<string, never>> {
  filedOnce ??= (async () => {
    const response = await browserFetch('/api/v1/admin-recovery-requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('newcomer1')}` },
      body: JSON.stringify({
        previousAdminUserId: 'admin1',
        previousAdminEmail: 'admin1@demo-co.example',
        newAdminUserId: 'new.admin',
        newAdminEmail: 'new.admin@demo-co.example',
        newAdminName: 'Nora Admin',
      }),
    });
    if (response.status !== 201) throw new Error(`the recovery request was refused: ${response.status}`);
    return {};
  })();
  return filedOnce;
}

let auditedOnce: Promise<Record<string, never>> | undefined;
/**
 * Something for the audit log to show, once per page: admin1 makes viewer1 a
 * payer and back again. Two rows in the log; Demo Co as it was.
 */
function changeAndRestore(): Promise<Record<string, never>> {
  auditedOnce ??= (async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('admin1')}` };
    const list = await browserFetch('/api/v1/users?q=viewer1', { headers });
    const viewer = ((await list.json()) as { items: { id: string; userId: string }[] }).items.find(
      (user) => user.userId === 'viewer1',
    )!;
    for (const role of ['payer', 'viewer']) {
      await browserFetch(`/api/v1/users/${viewer.id}`, { method: 'PATCH', headers, body: JSON.stringify({ role }) });
    }
    return {};
  })();
  return auditedOnce;
}

/** The administrator's list: role, scope, e-mail and last sign-in; sortable headers; Edit and Remove per user. */
export const List: Story = {
  play: async ({ canvasElement }) => {
    const row = await rowOf(canvasElement, 'manager1');
    await expect(row.textContent).toMatch(/P4R7X210/);
  },
};

/**
 * With one administrator, a banner recommends naming a second, and the
 * administrator's Remove is disabled with the reason beside it.
 */
export const SingleAdministratorBanner: Story = {
  play: async ({ canvasElement }) => {
    const banner = await find(canvasElement, '.banner');
    await expect(banner.textContent).toMatch(/backup administrator|administrateur de secours/);
    await find(canvasElement, '[data-remove][aria-disabled=true]');
  },
};

/** A search that matches nobody, with the way back. */
export const EmptySearch: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.type(await find<HTMLInputElement>(canvasElement, '#search'), 'nobody-at-all');
    await find(canvasElement, '.frame.empty');
  },
};

/** Loading. */
export const Loading: Story = { parameters: { billing: { fetch: withTransport({ delay: 3_600_000 }) } } };

/** The server failed: a message by its code, and Try again. */
export const ServerError: Story = { parameters: { billing: { fetch: failing('/users', 503) } } };

/** Adding a user: user ID, e-mail, name, one of four roles (each explained), and the accounts and plans. */
export const AddDialog: Story = {
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement);
    await find(canvasElement, '#scope input[type=checkbox]');
  },
};

/** A malformed e-mail is refused before anything is sent: by the field, and in the summary that takes focus. */
export const MalformedEmail: Story = {
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement);
    await fillUser(canvasElement, 'new.colleague', 'not-an-email', 'New Colleague');
    await userEvent.click(await find(canvasElement, '#scope input[name=accounts]'));
    await submitUser(canvasElement);
    await find(canvasElement, '#email-error');
  },
};

/** A user ID already taken (user IDs are unique across the billing center): the server refuses, nothing is added. */
export const TakenUserId: Story = {
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement);
    await fillUser(canvasElement, 'ADMIN1', 'someone@demo-co.example', 'Some One');
    await userEvent.click(await find(canvasElement, '#scope input[name=accounts]'));
    await submitUser(canvasElement);
    await find(canvasElement, '#userId-error');
  },
};

/**
 * An administrator adds a user; then the temporary password, shown this
 * once, with a copy button, and the new user in the list. (Added in
 * Northwind Freight, so Demo Co stays as the other stories show it.)
 */
export const AdministratorAddsUser: Story = {
  parameters: { billing: { user: 'northwind-admin' } },
  play: async ({ canvasElement }) => {
    const userId = `story.${Date.now().toString(36)}`;
    const added = new Promise<CustomEvent>((resolve) =>
      adminIn(canvasElement).addEventListener('ups-user-change', (event) => resolve(event as CustomEvent), {
        once: true,
      }),
    );
    await openAdd(canvasElement);
    await fillUser(canvasElement, userId, 'colleague@northwind.example', 'Camille Roux');
    await userEvent.click(await find(canvasElement, '#scope input[name=accounts]'));
    await submitUser(canvasElement);
    const password = await find(canvasElement, 'dialog#user .password code');
    await expect(password.textContent?.trim().length).toBeGreaterThanOrEqual(12);
    await expect((await added).detail).toMatchObject({ action: 'create', user: { userId } });
    await waitFor(() => expect(rowOf(canvasElement, userId)).resolves.toBeTruthy(), SLOW);
  },
};

/** Editing a user's role and scope. */
export const EditUser: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click((await rowOf(canvasElement, 'viewer1')).querySelector<HTMLElement>('[data-edit]')!);
    await find(canvasElement, 'dialog#user[open] #scope input:checked');
  },
};

/** The last administrator's role cannot change: the other roles are disabled, and the form says why. */
export const LastAdministrator: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click((await rowOf(canvasElement, 'admin1')).querySelector<HTMLElement>('[data-edit]')!);
    await find(canvasElement, 'dialog#user[open] #role-note');
  },
};

/** Removing asks first; "Keep user" has the focus. */
export const RemoveConfirmation: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click((await rowOf(canvasElement, 'viewer1')).querySelector<HTMLElement>('[data-remove]')!);
    await find(canvasElement, 'dialog#remove[open] #remove-title');
  },
};

/**
 * A manager: only the users within its own scope, its limits in words, a
 * banner that asks it to ask the administrator, and no audit log.
 */
export const ManagerView: Story = { parameters: { billing: { user: 'manager1' } } };

/** A manager adding a user: no administrator role, and only its own accounts and plans to give. */
export const ManagerAddDialog: Story = {
  parameters: { billing: { user: 'manager1' } },
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement);
    await find(canvasElement, '#scope input[type=checkbox]');
  },
};

/** A payer (or a viewer) manages no users: it is told why, and offered administrator recovery. */
export const PayerView: Story = { parameters: { billing: { user: 'payer1' } } };

/** A viewer manages no users but may ask for administrator recovery; details that match no administrator are refused, by both fields: nothing is filed. */
export const ViewerRecoveryForm: Story = {
  parameters: { billing: { user: 'viewer1' } },
  play: async ({ canvasElement }) => {
    await userEvent.type(await find<HTMLInputElement>(canvasElement, '#previousAdminUserId'), 'admin1');
    await userEvent.type(
      await find<HTMLInputElement>(canvasElement, '#previousAdminEmail'),
      'old.boss@demo-co.example',
    );
    await userEvent.type(await find<HTMLInputElement>(canvasElement, '#newAdminUserId'), 'new.boss');
    await userEvent.type(await find<HTMLInputElement>(canvasElement, '#newAdminEmail'), 'new.boss@demo-co.example');
    await userEvent.click(await find(canvasElement, 'form.recovery-form button[type=submit]'));
    await find(canvasElement, '#previousAdminEmail-error');
  },
};

/** A request filed, waiting for UPS operations: its status under the form. */
export const RecoveryStatus: Story = {
  parameters: { billing: { user: 'newcomer1' } },
  loaders: [fileRecoveryRequest],
  play: async ({ canvasElement }) => {
    await find(canvasElement, '.recovery tbody tr');
  },
};

/** An administrator reaches recovery too, and sees every request of the company with who filed it. */
export const AdministratorRecoveryTab: Story = {
  loaders: [fileRecoveryRequest],
  play: async ({ canvasElement }) => {
    await openTab(canvasElement, 'recovery');
    await find(canvasElement, '.recovery tbody tr');
  },
};

/** The audit log, for administrators: who did what, when, to what; newest first, filtered by action. */
export const AuditLog: Story = {
  loaders: [changeAndRestore],
  play: async ({ canvasElement }) => {
    await openTab(canvasElement, 'audit');
    await find(canvasElement, 'table.audit-log tbody tr');
  },
};

/** French. */
export const French: Story = { globals: { locale: 'fr' } };

/** Dark. */
export const Dark: Story = { ...List, globals: { theme: 'dark' } };
