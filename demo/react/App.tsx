/**
 * A React 19 host of the billing elements: it signs the user in with the
 * public client, hands the token to <ups-billing-provider> as a property, and
 * keeps the payment flow in React state — the invoices of an `ups-pay-request`
 * go to <ups-pay-form> as an array property, and `ups-payment-success` shows
 * React's own confirmation. The JSX typings come from src/frameworks/react.ts.
 */
import { useRef, useState, type FormEvent } from 'react';
import { BillingClient, isBillingApiError, type Invoice } from '../../src/api/index.js';
import { signIn } from '../../src/api/endpoints/session.js';
import type { PaymentReceipt } from '../../src/api/schemas/payment.js';
import type { UpsInvoiceTable } from '../../src/elements/invoice-table/invoice-table.js';
import type {} from '../../src/frameworks/react.js';

const client = new BillingClient({ baseUrl: '/api/v1' });

function SignIn({ onSignedIn }: { onSignedIn: (token: string, who: string) => void }) {
  const [error, setError] = useState('');
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError('');
    const data = new FormData(event.currentTarget);
    try {
      const session = await client.call(signIn, {
        body: { userId: String(data.get('userId') ?? ''), password: String(data.get('password') ?? '') },
      });
      onSignedIn(session.token, `${session.user.name} (${session.user.userId})`);
    } catch (failure) {
      setError(
        isBillingApiError(failure) && failure.code === 'invalid_credentials'
          ? 'The user ID or password is incorrect.'
          : 'Sign-in failed.',
      );
    }
  }
  return (
    <form id="sign-in" onSubmit={submit} noValidate>
      <h2>Sign in</h2>
      <label>
        User ID <input id="user-id" name="userId" autoComplete="username" required defaultValue="payer1" />
      </label>
      <label>
        Password <input id="password" name="password" type="password" autoComplete="current-password" required />
      </label>
      <p className="error" role="alert">
        {error}
      </p>
      <button type="submit">Sign in</button>
    </form>
  );
}

export function App() {
  const [token, setToken] = useState<string | null>(null);
  const [who, setWho] = useState('');
  const [selected, setSelected] = useState(0);
  const [toPay, setToPay] = useState<readonly Invoice[] | null>(null);
  const [receipt, setReceipt] = useState<PaymentReceipt | null>(null);
  const table = useRef<UpsInvoiceTable>(null);

  if (!token) {
    return (
      <main>
        <h1>React host</h1>
        <SignIn
          onSignedIn={(newToken, name) => {
            setToken(newToken);
            setWho(name);
          }}
        />
      </main>
    );
  }

  return (
    <main>
      <h1>React host</h1>
      <p id="who">Signed in as {who}</p>
      {/* `token` is a property of the provider (never an attribute): React 19 sets it as one. */}
      <ups-billing-provider api-base="/api/v1" token={token}>
        <p id="selection" role="status">
          {selected === 1 ? '1 invoice selected' : `${selected} invoices selected`}
        </p>
        <ups-invoice-table
          ref={table}
          view="account"
          page-size={25}
          onups-invoice-select={(event) => setSelected(event.detail.count)}
          onups-pay-request={(event) => {
            // This host shows its own pay panel.
            event.preventDefault();
            setReceipt(null);
            setToPay(event.detail.invoices);
          }}
        />
        {toPay && (
          <section id="pay-panel" aria-labelledby="pay-title">
            <h2 id="pay-title">Paying {toPay.map((invoice) => invoice.number).join(', ')}</h2>
            <ups-pay-form
              invoices={toPay}
              onups-payment-success={(event) => {
                setReceipt(event.detail.receipt);
                // The paid invoices change status: the table reloads them.
                table.current?.refresh();
              }}
            />
            <button type="button" onClick={() => setToPay(null)}>
              Close
            </button>
          </section>
        )}
      </ups-billing-provider>
      {receipt && (
        <p id="paid" role="status">
          React saw payment {receipt.confirmationNumber} ({receipt.status}) of{' '}
          {receipt.invoices.map((line) => line.number).join(', ')}.
        </p>
      )}
    </main>
  );
}
