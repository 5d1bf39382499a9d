/** Helpers shared by the <ups-user-admin> browser tests: finding rows and dialogs, typing, signing in. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient } from '../../src/api/client.js';
import { listUsers } from '../../src/api/endpoints/users.js';
import type { ManagedUser } from '../../src/api/schemas/users.js';
import { tokenFor, until } from './fixtures.js';
import type { UpsUserAdmin } from '../../src/elements/user-admin/user-admin.js';

export type El = UpsUserAdmin;
export const $ = (el: El, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
export const $$ = (el: El, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
export const norm = (value: string) => value.replace(/\s+/g, ' ').trim();
export const text = (node: Element | null | undefined) => norm(node?.textContent ?? '');
export const active = (el: El) => el.shadowRoot!.activeElement;
export const input = (el: El, selector: string) => $(el, selector) as HTMLInputElement;
/** The dialog, or a closed stand-in while the dialogs' module loads. */
export const dialog = (el: El, id: 'user' | 'remove') =>
  ($(el, `dialog#${id}`) as HTMLDialogElement | null) ?? ({ open: false } as HTMLDialogElement);
export const button = (root: ParentNode, label: string) =>
  [...root.querySelectorAll('button')].find((b) => text(b) === label) as HTMLButtonElement;

export const client = (user: string, apiBase = '/api/v1') =>
  new BillingClient({ baseUrl: apiBase, getToken: () => tokenFor(user, apiBase) });
export const usersOf = async (user: string, apiBase?: string, query: { q?: string; sort?: 'name' } = {}) =>
  (await client(user, apiBase).call(listUsers, { query: { pageSize: 200, ...query } })).items;
export const byUserId = (users: ManagedUser[], userId: string) => users.find((u) => u.userId === userId)!;

export const loaded = (el: El) =>
  until(
    () =>
      !el.matches(':state(loading)') && Boolean($(el, 'table[part=table], .frame.empty')) && !$(el, '[aria-busy=true]'),
    'users shown',
    10_000,
  );
export const rows = (el: El) => $$(el, 'tbody tr[data-user]');
export const userIds = (el: El) => rows(el).map((row) => text(row.querySelector('th')).replace(/ \(you\)$/, ''));
export const rowOf = (el: El, id: string) => $(el, `tbody tr[data-user="${id}"]`);
export const cells = (row: HTMLElement) => [...row.children].map(text);
export const summary = (el: El) => $$(el, '.error-summary li').map(text);

export async function press(target: HTMLElement, key = 'Enter'): Promise<void> {
  target.focus();
  await sendKeys({ press: key });
}

export async function typeInto(el: El, selector: string, value: string): Promise<void> {
  const field = input(el, selector);
  field.focus();
  field.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
}

export async function openAdd(el: El, opener = 'button.add'): Promise<HTMLDialogElement> {
  await press($(el, opener));
  await until(() => dialog(el, 'user').open && Boolean($(el, '#email')), 'add dialog', 10_000);
  return dialog(el, 'user');
}

/** The scope's choices, once the accounts and plans have loaded. */
export const scopeLoaded = (el: El) =>
  until(() => Boolean($(el, '#scope input[type=checkbox]')), 'scope choices', 10_000);
export const check = (el: El, kind: 'accounts' | 'plans', number: string) =>
  input(el, `#scope input[name=${kind}][value="${number}"]`);

/** A transport that records each call, so a test can tell what the element asked the server. */
export function recording(): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: ((request: RequestInfo | URL, init?: RequestInit) => {
      const req = new Request(request, init);
      const url = new URL(req.url);
      calls.push(`${req.method} ${url.pathname.replace(/^.*\/api\/v1/, '')}${url.search}`);
      return fetch(req);
    }) as typeof fetch,
  };
}

export async function signInAs(apiBase: string, userId: string, password: string): Promise<string> {
  const response = await fetch(`${apiBase}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, password }),
  });
  expect(response.status).to.equal(201);
  return ((await response.json()) as { token: string }).token;
}

export const NEW_USER = { email: 'someone@demo-co.example', name: 'Some One', role: 'viewer' as const };
