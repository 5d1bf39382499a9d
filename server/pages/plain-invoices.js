// @ts-check
/* global fetch, FormData */
/**
 * The server-rendered page's only script, written by hand and served as is
 * (no build step). It signs the user in against the billing API, hands the
 * token to <ups-billing-provider>, and answers the elements' events. It
 * writes text only (textContent), never HTML, so the page's Trusted Types
 * policy has nothing to allow for it.
 */
const $ = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));

const provider = $('provider');
const table = $('invoices');
const payForm = $('pay-form');
const payDialog = $('pay-dialog');
const form = $('sign-in-form');
const error = $('sign-in-error');
const fr = document.documentElement.lang === 'fr';
const say = (/** @type {string} */ en, /** @type {string} */ french) => (fr ? french : en);

form.addEventListener('submit', async (/** @type {SubmitEvent} */ event) => {
  event.preventDefault();
  error.textContent = '';
  const data = new FormData(form);
  const userId = String(data.get('userId') ?? '').trim();
  const password = String(data.get('password') ?? '');
  if (!userId || !password) {
    error.textContent = say('Enter a user ID and a password.', 'Saisissez un identifiant et un mot de passe.');
    return;
  }
  let response;
  try {
    response = await fetch(`${provider.getAttribute('api-base')}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, password }),
    });
  } catch {
    error.textContent = say('The billing service cannot be reached.', 'Le service de facturation est injoignable.');
    return;
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    error.textContent =
      problem.code === 'invalid_credentials'
        ? say('The user ID or password is incorrect.', 'L’identifiant ou le mot de passe est incorrect.')
        : say(
            `Sign-in failed (${problem.code ?? response.status}).`,
            `Échec de la connexion (${problem.code ?? response.status}).`,
          );
    return;
  }
  const session = await response.json();
  // In memory only: a reload signs the user out, and no script can find the token in storage.
  provider.token = session.token;
  $('who').textContent = `${session.user.name} (${session.user.userId})`;
  $('sign-in').hidden = true;
  $('billing').hidden = false;
});

$('sign-out').addEventListener('click', () => {
  provider.token = null;
  $('billing').hidden = true;
  $('sign-in').hidden = false;
  $('password').value = '';
});

// "Pay" in the table: this page has its own pay dialog.
document.addEventListener('ups-pay-request', (/** @type {any} */ event) => {
  event.preventDefault();
  payForm.invoices = event.detail.invoices;
  payDialog.showModal();
});
document.addEventListener('ups-payment-success', (/** @type {any} */ event) => {
  $('status').textContent = say(
    `Payment ${event.detail.receipt.confirmationNumber}: ${event.detail.receipt.status}.`,
    `Paiement ${event.detail.receipt.confirmationNumber} : ${event.detail.receipt.status}.`,
  );
  table.refresh();
});
