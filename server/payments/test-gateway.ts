/**
 * The built-in test gateway. It behaves like a card processor, keyed by test
 * card numbers (the outcome is decided when the card is tokenized, and only
 * the outcome is kept, never the number):
 *
 * | number              | result                             |
 * |---------------------|------------------------------------|
 * | 4242 4242 4242 4242 | approved (Visa)                    |
 * | 5555 5555 5555 4444 | approved (Mastercard)              |
 * | 4000 0000 0000 9995 | declined: insufficient funds       |
 * | 4000 0000 0000 0069 | declined: expired card             |
 * | 4000 0000 0000 0002 | declined: do not honor             |
 * | 4000 0000 0000 0119 | the gateway fails (try again)      |
 *
 * Any other number that passes the Luhn check is approved. Bank accounts
 * and PayPal are approved. Its vault and its charges live in its own tables,
 * standing for the processor's systems: shared by every server instance, and
 * a charge retried with the same key returns the first result.
 */
import type { Sql } from '../db/db.js';
import { cardBrand, GatewayUnavailable, type ChargeResult, type DeclineCode, type PaymentGateway } from './gateway.js';

const OUTCOMES: Record<string, DeclineCode | 'fail'> = {
  '4000000000009995': 'insufficient_funds',
  '4000000000000069': 'expired_card',
  '4000000000000002': 'do_not_honor',
  '4000000000000119': 'fail',
};

const randomId = (prefix: string) => `${prefix}_${crypto.randomUUID().replace(/-/g, '')}`;

export function testGateway(sql: Sql): PaymentGateway {
  const vault = async (outcome: string) => {
    const gatewayToken = randomId('tg');
    await sql.query('insert into test_gateway_vault (gateway_token, outcome) values ($1, $2)', [gatewayToken, outcome]);
    return gatewayToken;
  };
  return {
    async tokenizeCard(card) {
      return {
        gatewayToken: await vault(OUTCOMES[card.number] ?? 'approve'),
        type: 'card',
        brand: cardBrand(card.number),
        last4: card.number.slice(-4),
        expMonth: card.expMonth,
        expYear: card.expYear,
      };
    },
    async tokenizeBank(account) {
      return {
        gatewayToken: await vault('approve'),
        type: account.type,
        brand: null,
        last4: account.account.slice(-4),
        expMonth: null,
        expYear: null,
      };
    },
    async linkPaypal() {
      return {
        gatewayToken: await vault('approve'),
        type: 'paypal',
        brand: null,
        last4: null,
        expMonth: null,
        expYear: null,
      };
    },
    async charge(request): Promise<ChargeResult> {
      const [previous] = await sql.query<{ outcome: string; reference: string }>(
        'select outcome, reference from test_gateway_charges where idempotency_key = $1',
        [request.idempotencyKey],
      );
      if (previous) return toResult(previous.outcome, previous.reference);
      const [stored] = await sql.query<{ outcome: string }>(
        'select outcome from test_gateway_vault where gateway_token = $1',
        [request.gatewayToken],
      );
      const outcome = stored?.outcome ?? 'do_not_honor';
      if (outcome === 'fail') throw new GatewayUnavailable('test gateway failure');
      const reference = randomId('ch');
      await sql.query(
        `insert into test_gateway_charges (idempotency_key, gateway_token, amount, currency, outcome, reference)
         values ($1, $2, $3, $4, $5, $6) on conflict (idempotency_key) do nothing`,
        [request.idempotencyKey, request.gatewayToken, request.amount, request.currency, outcome, reference],
      );
      const [charge] = await sql.query<{ outcome: string; reference: string }>(
        'select outcome, reference from test_gateway_charges where idempotency_key = $1',
        [request.idempotencyKey],
      );
      return toResult(charge!.outcome, charge!.reference);
    },
  };
}

function toResult(outcome: string, reference: string): ChargeResult {
  return outcome === 'approve'
    ? { outcome: 'approved', reference }
    : { outcome: 'declined', code: outcome as DeclineCode, reference };
}
