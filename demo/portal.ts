/**
 * The demo portal: a host page that signs a user in with the billing API,
 * hands the token to <ups-billing-provider>, and shows the user's invoices.
 * It uses only what a real portal would: the public client and the elements.
 */
import { BillingClient, isBillingApiError } from '../src/api/index.js';
import { signIn } from '../src/api/endpoints.js';
import '../src/ups-billing-provider.js';
import '../src/ups-invoice-table.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const client = new BillingClient({ baseUrl: '/api/v1' });
const provider = $<HTMLElementTagNameMap['ups-billing-provider']>('provider');
const table = $<HTMLElementTagNameMap['ups-invoice-table']>('invoices');
const form = $<HTMLFormElement>('sign-in-form');
const error = $<HTMLParagraphElement>('sign-in-error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.textContent = '';
  const data = new FormData(form);
  try {
    const session = await client.call(signIn, {
      body: { userId: String(data.get('userId') ?? ''), password: String(data.get('password') ?? '') },
    });
    // The token lives in memory only: a reload signs the user out.
    provider.token = session.token;
    $('who').textContent =
      `${session.user.name} (${session.user.userId}, ${session.user.role}) — ${session.company.name}`;
    $('sign-in').hidden = true;
    $('billing').hidden = false;
  } catch (failure) {
    error.textContent = isBillingApiError(failure)
      ? failure.code === 'invalid_credentials'
        ? 'The user ID or password is incorrect.'
        : failure.code === 'validation_failed'
          ? 'Enter a user ID and a password.'
          : `Sign-in failed (${failure.code}).`
      : 'Sign-in failed.';
  }
});

$('sign-out').addEventListener('click', () => {
  provider.token = null;
  $('billing').hidden = true;
  $('sign-in').hidden = false;
  $<HTMLInputElement>('password').value = '';
});

$<HTMLSelectElement>('view').addEventListener('change', (event) => {
  table.view = (event.target as HTMLSelectElement).value as 'account' | 'plan';
});

$<HTMLSelectElement>('locale').addEventListener('change', (event) => {
  const locale = (event.target as HTMLSelectElement).value;
  provider.locale = locale;
  document.documentElement.lang = locale;
});
