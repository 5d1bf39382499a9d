/**
 * Helpers for browser tests: sign in against the real server, mount elements
 * inside a provider, and check accessibility with axe.
 */
import { expect, fixture } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import type { UpsBillingProvider } from '../../src/context/billing-provider.js';
import '../../src/ups-billing-provider.js';

export const DEMO_PASSWORD = 'demo-password';

const tokens = new Map<string, Promise<string>>();

/** A session token from the server at `apiBase` (the shared test server by default). */
export function tokenFor(userId: string, apiBase = '/api/v1'): Promise<string> {
  const key = `${apiBase}|${userId}`;
  let token = tokens.get(key);
  if (!token) {
    token = fetch(`${apiBase}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, password: DEMO_PASSWORD }),
    }).then(async (response) => {
      if (!response.ok) throw new Error(`sign-in of ${userId} failed: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    });
    tokens.set(key, token);
  }
  return token;
}

/** A private server on its own fresh database, for tests that write. */
export async function privateServer(): Promise<string> {
  const response = await fetch('/__test/servers', { method: 'POST' });
  return ((await response.json()) as { apiBase: string }).apiBase;
}

export interface MountOptions {
  user?: string | null;
  locale?: string;
  apiBase?: string;
  fetch?: typeof globalThis.fetch;
}

/**
 * Mounts `content` inside a provider signed in as `user` (none with `null`)
 * and returns the first element of `content` once it has rendered.
 */
export async function mount<T extends HTMLElement>(content: TemplateResult, options: MountOptions = {}): Promise<T> {
  const apiBase = options.apiBase ?? '/api/v1';
  const token = options.user === null ? null : await tokenFor(options.user ?? 'admin1', apiBase);
  const provider = await fixture<UpsBillingProvider>(html`
    <ups-billing-provider api-base=${apiBase} locale=${options.locale ?? 'en'} .token=${token} .fetch=${options.fetch}>
      ${content}
    </ups-billing-provider>
  `);
  const element = provider.firstElementChild as T;
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Waits until `predicate` holds, polling each frame; fails after `timeout` ms with `message`. */
export async function until(predicate: () => boolean, message: string | (() => string), timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout)
      throw new Error(`Timed out waiting: ${typeof message === 'function' ? message() : message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The shared accessibility check: axe-core, no violations. Every element test calls it first. */
export async function expectAccessible(element: Element): Promise<void> {
  await expect(element).to.be.accessible();
}
