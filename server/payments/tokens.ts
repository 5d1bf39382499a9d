/**
 * Tokens for methods entered now: the card frame posts a card here, the pay
 * form posts a bank account. The gateway keeps the numbers; we keep an
 * opaque single-use token with what a person needs to recognise the method.
 */
import type { BankTokenRequest, CardTokenRequest, PaymentToken } from '../../src/api/schemas/payment.js';
import { abaRouting, cardExpired, iban, luhn } from '../../src/internal/validators.js';
import type { Sql } from '../db/db.js';
import { assertUnderLimit, recordFailure } from '../domain/attempts.js';
import { ProblemError } from '../http/problem.js';
import type { Services } from '../http/services.js';
import { SEPA_MANDATE_VERSION } from './config.js';
import type { TokenizedMethod } from './gateway.js';

const TOKEN_MINUTES = 30;

/** Tokenizing is open to guests: attempts per address are limited like sign-ins, against card testing. */
const limit = (ip: string) => ({ bucket: 'tokens:ip', key: ip, max: 30, windowSeconds: 3600 });

function refuse(fieldErrors: Record<string, string>): never {
  throw new ProblemError(422, 'validation_failed', { fieldErrors });
}

async function store(
  sql: Sql,
  method: TokenizedMethod,
  holder: string,
  now: Date,
  mandateVersion: string | null,
): Promise<PaymentToken> {
  const token = `pt_${crypto.randomUUID().replace(/-/g, '')}`;
  const expiresAt = new Date(now.getTime() + TOKEN_MINUTES * 60_000).toISOString();
  await sql.query(
    `insert into payment_tokens (token, gateway_token, type, brand, last4, exp_month, exp_year, holder, mandate_version, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      token,
      method.gatewayToken,
      method.type,
      method.brand,
      method.last4,
      method.expMonth,
      method.expYear,
      holder,
      mandateVersion,
      expiresAt,
    ],
  );
  return {
    token,
    method: { type: method.type, brand: method.brand, last4: method.last4 },
    expMonth: method.expMonth,
    expYear: method.expYear,
    expiresAt,
  };
}

export async function createCardToken(services: Services, card: CardTokenRequest, ip: string): Promise<PaymentToken> {
  const now = services.now();
  await assertUnderLimit(services.db, limit(ip), now);
  const errors: Record<string, string> = {};
  if (!luhn(card.number)) errors['number'] = 'card_number_invalid';
  if (cardExpired(card.expMonth, card.expYear, now)) errors['expMonth'] = 'card_expired';
  if (card.number.startsWith('3') && card.cvc.length !== 4) errors['cvc'] = 'cvc_invalid';
  if (Object.keys(errors).length) {
    await recordFailure(services.db, 'tokens:ip', ip, now);
    refuse(errors);
  }
  const method = await services.gateway.tokenizeCard(card);
  return store(services.db, method, card.holder, now, null);
}

export async function createBankToken(
  services: Services,
  request: BankTokenRequest,
  ip: string,
): Promise<PaymentToken> {
  const now = services.now();
  await assertUnderLimit(services.db, limit(ip), now);
  if (request.type === 'paypal') return store(services.db, await services.gateway.linkPaypal(), 'PayPal', now, null);
  if (request.type === 'ach' && !abaRouting(request.routingNumber)) {
    await recordFailure(services.db, 'tokens:ip', ip, now);
    refuse({ routingNumber: 'routing_number_invalid' });
  }
  if (request.type === 'sepa') {
    if (!iban(request.iban)) {
      await recordFailure(services.db, 'tokens:ip', ip, now);
      refuse({ iban: 'iban_invalid' });
    }
    if (request.mandateVersion !== SEPA_MANDATE_VERSION) refuse({ mandateVersion: 'mandate_outdated' });
  }
  const method = await services.gateway.tokenizeBank(
    request.type === 'ach'
      ? { type: 'ach', routing: request.routingNumber, account: request.accountNumber, holder: request.holder }
      : { type: 'sepa', account: request.iban, holder: request.holder },
  );
  return store(services.db, method, request.holder, now, request.type === 'sepa' ? request.mandateVersion : null);
}

export interface UsableToken {
  gatewayToken: string;
  type: 'card' | 'ach' | 'sepa' | 'paypal';
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  holder: string | null;
}

/** Takes a token for one payment: it must exist, be unused and unexpired; it is then used up. */
export async function consumeToken(sql: Sql, token: string, now: Date): Promise<UsableToken> {
  const [row] = await sql.query<{
    gateway_token: string;
    type: UsableToken['type'];
    brand: string | null;
    last4: string | null;
    exp_month: number | null;
    exp_year: number | null;
    holder: string | null;
    expires_at: string;
    used_at: string | null;
  }>('select * from payment_tokens where token = $1 for update', [token]);
  if (!row || row.used_at || Date.parse(row.expires_at) <= now.getTime()) {
    throw new ProblemError(422, 'payment_token_invalid', { fieldErrors: { 'source.token': 'invalid_value' } });
  }
  await sql.query('update payment_tokens set used_at = $2 where token = $1', [token, now.toISOString()]);
  return {
    gatewayToken: row.gateway_token,
    type: row.type,
    brand: row.brand,
    last4: row.last4,
    expMonth: row.exp_month,
    expYear: row.exp_year,
    holder: row.holder,
  };
}
