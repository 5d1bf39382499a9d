/**
 * The demo portal: a host page that signs a user in with the billing API,
 * hands the token to <ups-billing-provider>, and shows the user's invoices.
 * It uses only what a real portal would: the public client and the elements.
 */
import { BillingClient, isBillingApiError } from '../src/api/index.js';
import { signIn } from '../src/api/endpoints/session.js';
import '../src/ups-billing-dashboard.js';
import '../src/ups-billing-provider.js';
import '../src/ups-dispute-list.js';
import '../src/ups-enrollment.js';
import '../src/ups-invoice-detail.js';
import '../src/ups-invoice-table.js';
import '../src/ups-pay-form.js';
import '../src/ups-payment-activity.js';
import '../src/ups-autopay.js';
import '../src/ups-wallet.js';
import '../src/ups-user-admin.js';
import '../src/ups-inbound-charges.js';
import '../src/ups-accounts.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const client = new BillingClient({ baseUrl: '/api/v1' });
const provider = $<HTMLElementTagNameMap['ups-billing-provider']>('provider');
const table = $<HTMLElementTagNameMap['ups-invoice-table']>('invoices');
const form = $<HTMLFormElement>('sign-in-form');
const error = $<HTMLParagraphElement>('sign-in-error');

/**
 * Hands the session to the provider and shows the billing center. The token
 * lives in memory only: a reload signs the user out.
 */
function showBilling(
  token: string,
  user: { name: string; userId: string; role: string | null },
  company: { name: string } | null,
): void {
  provider.token = token;
  $('who').textContent = `${user.name} (${user.userId}, ${user.role ?? 'no company yet'}) — ${company?.name ?? ''}`;
  $('sign-in').hidden = true;
  $('sign-up').hidden = true;
  $('billing').hidden = false;
  // User administration is for administrators and managers; the server refuses it to the others anyway.
  $('users').hidden = !['administrator', 'manager'].includes(user.role ?? '');
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.textContent = '';
  const data = new FormData(form);
  try {
    const session = await client.call(signIn, {
      body: { userId: String(data.get('userId') ?? ''), password: String(data.get('password') ?? '') },
    });
    showBilling(session.token, session.user, session.company);
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
  $('users').hidden = true;
  $('sign-in').hidden = false;
  $('sign-up').hidden = false;
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

// The provider themes the elements; the page follows with its own dark variant (portal.css), keyed on data-theme.
const systemDark = matchMedia('(prefers-color-scheme: dark)');
const themeSelect = $<HTMLSelectElement>('theme');
function applyTheme(): void {
  const theme = themeSelect.value as 'light' | 'dark' | 'auto';
  provider.theme = theme;
  document.documentElement.dataset['theme'] = theme === 'auto' ? (systemDark.matches ? 'dark' : 'light') : theme;
}
themeSelect.addEventListener('change', applyTheme);
systemDark.addEventListener('change', applyTheme);
applyTheme();

// The host decides what an invoice "open" means: here, the detail in a dialog.
const dialog = $<HTMLDialogElement>('invoice-dialog');
const detail = $<HTMLElementTagNameMap['ups-invoice-detail']>('invoice-detail');
document.addEventListener('ups-invoice-open', (event) => {
  detail.invoiceNumber = event.detail.invoice.number;
  dialog.showModal();
});

// A pay request opens the pay form with those invoices.
const payDialog = $<HTMLDialogElement>('pay-dialog');
const payForm = $<HTMLElementTagNameMap['ups-pay-form']>('pay-form');
document.addEventListener('ups-pay-request', (event) => {
  // The portal has its own pay dialog: elements that would open their own (AutoPay's "pay now") need not.
  event.preventDefault();
  payForm.invoices = event.detail.invoices;
  if (dialog.open) dialog.close();
  payDialog.showModal();
});
document.addEventListener('ups-payment-success', (event) => {
  $('host-log').textContent = `Payment ${event.detail.receipt.confirmationNumber}: ${event.detail.receipt.status}.`;
  // The lists now show the invoices paid.
  table.refresh();
  document.querySelector('ups-billing-dashboard')?.refresh();
});

// Payment activity: new payments appear in it; a cancelled one makes its invoices payable again.
const activity = $<HTMLElementTagNameMap['ups-payment-activity']>('payment-activity');
document.addEventListener('ups-payment-success', () => activity.refresh());
document.addEventListener('ups-payment-cancel', (event) => {
  $('host-log').textContent = `Payment ${event.detail.receipt.confirmationNumber} cancelled.`;
  table.refresh();
  document.querySelector('ups-billing-dashboard')?.refresh();
});

// A wallet change can suspend or resume AutoPay rules; a rule change can affect the dashboard's alerts.
const autopay = $<HTMLElementTagNameMap['ups-autopay']>('autopay');
document.addEventListener('ups-wallet-change', (event) => {
  $('host-log').textContent = `Payment method ${event.detail.action}: ${event.detail.method.method.type}.`;
  autopay.refresh();
  document.querySelector('ups-billing-dashboard')?.refresh();
});
document.addEventListener('ups-autopay-change', (event) => {
  $('host-log').textContent = `AutoPay rule ${event.detail.action}.`;
  document.querySelector('ups-billing-dashboard')?.refresh();
});

// A user added, changed or removed: said in the log line (never the temporary password, which the event does not carry).
document.addEventListener('ups-user-change', (event) => {
  $('host-log').textContent = `User ${event.detail.user.userId}: ${event.detail.action}.`;
});

// An account added, renamed, enrolled in XML or cancelled: the invoices (their formats, or the account's invoices
// themselves) and the dashboard's totals may change with it.
document.addEventListener('ups-account-change', (event) => {
  $('host-log').textContent = `Account ${event.detail.account.number}: ${event.detail.action}.`;
  table.refresh();
  document.querySelector('ups-billing-dashboard')?.refresh();
});

// Inbound charge settings ("frais internes") saved: the log line says what changed.
document.addEventListener('ups-inbound-charges-change', (event) => {
  const { action, accountNumber, shipperAccounts } = event.detail;
  $('host-log').textContent = `Inbound charges of ${accountNumber}: ${action}${
    shipperAccounts.length ? ` (${shipperAccounts.join(', ')})` : ''
  }.`;
});

// Disputes: the table and the detail open the dispute form themselves (the portal does not take
// `ups-dispute-request`); a new or withdrawn dispute changes the "in dispute" marks and the list.
const disputes = $<HTMLElementTagNameMap['ups-dispute-list']>('disputes');
document.addEventListener('ups-dispute-success', (event) => {
  $('host-log').textContent = `Dispute ${event.detail.dispute.number} submitted.`;
  table.refresh();
  disputes.refresh();
});
document.addEventListener('ups-dispute-change', (event) => {
  $('host-log').textContent = `Dispute ${event.detail.dispute.number}: ${event.detail.action}.`;
  table.refresh();
});

// A company signed up: the new administrator is signed in with the session the sign-up gave, not asked for
// the password just chosen.
document.addEventListener('ups-enrollment-complete', (event) => {
  const { token, user, company } = event.detail;
  if (token) showBilling(token, user, company);
});
