/**
 * Accounts and plans, limited to the caller's scope; and account
 * administration: names, XML enrolment, Add account, cancelling enrolment.
 *
 * Who may do what (SPEC's roles table, enforced through the routes'
 * capabilities): administrators add accounts, cancel enrolment and name
 * accounts (`accounts:write`); managers also change XML enrolment, of the
 * accounts in their scope (`accounts:xml`). An account the caller may not
 * see is "not found" before its role is looked at, so a 403 never confirms
 * that an account exists.
 *
 * Changes that move an account into or out of the company take the
 * company's row lock, then the account's, like user administration does:
 * two administrators acting at once are serialized, and an account can only
 * ever be in one company.
 */
import type {
  Account,
  CancelEnrollmentRequest,
  Plan,
  UpdateAccountRequest,
  XmlEnrollmentRequest,
} from '../../src/api/schemas/account.js';
import type { InvoiceProof } from '../../src/api/schemas/invoice-proof.js';
import type { Sql } from '../db/db.js';
import { ProblemError, notFound } from '../http/problem.js';
import type { Services } from '../http/services.js';
import type { Caller } from './caller.js';
import { accountInOtherCompany, proveAccount } from './invoice-proof.js';

interface AccountRow {
  id: string;
  number: string;
  name: string;
  nickname: string | null;
  country: string;
  currency: string;
  plan_id: string | null;
  plan_number: string | null;
  xml_enrolled: boolean;
  enrolled_at: string;
}

const ACCOUNT_SELECT = `
  select a.id, a.number, a.name, a.nickname, a.country, a.currency, a.plan_id, p.number as plan_number,
         a.xml_enrolled, a.enrolled_at
    from accounts a left join plans p on p.id = a.plan_id`;

function toAccount(row: AccountRow): Account {
  return {
    number: row.number,
    name: row.name,
    nickname: row.nickname,
    country: row.country,
    currency: row.currency,
    planNumber: row.plan_number,
    xmlEnrolled: row.xml_enrolled,
    enrolledAt: row.enrolled_at,
  };
}

export async function listAccounts(sql: Sql, caller: Caller): Promise<Account[]> {
  const rows = await sql.query<AccountRow>(
    `${ACCOUNT_SELECT}
      where a.company_id = $1 and ($2::boolean or a.id = any($3::uuid[]))
      order by a.number`,
    [caller.companyId, caller.scopeAll, caller.visibleAccountIds],
  );
  return rows.map(toAccount);
}

/** Plans the caller may see: assigned ones, and plans of visible accounts (with only the visible members). */
export async function listPlans(sql: Sql, caller: Caller): Promise<Plan[]> {
  const rows = await sql.query<{
    number: string;
    name: string;
    country: string;
    currency: string;
    members: string[] | null;
  }>(
    `select p.number, p.name, p.country, p.currency,
            array_remove(array_agg(a.number order by a.number), null) as members
       from plans p
       left join accounts a on a.plan_id = p.id and ($2::boolean or a.id = any($3::uuid[]))
      where p.company_id = $1
        and ($2::boolean or p.number = any($4::text[]) or a.id is not null)
      group by p.id
      order by p.number`,
    [caller.companyId, caller.scopeAll, caller.visibleAccountIds, caller.scopePlans],
  );
  return rows.map((r) => ({
    number: r.number,
    name: r.name,
    country: r.country,
    currency: r.currency,
    accountNumbers: r.members ?? [],
  }));
}

/**
 * The account if the caller may see it, locked for the rest of the
 * transaction when `lock`; 404 otherwise, whether it exists elsewhere or not.
 */
export async function visibleAccount(sql: Sql, caller: Caller, number: string, lock = false): Promise<AccountRow> {
  const [row] = await sql.query<AccountRow>(
    `${ACCOUNT_SELECT}
      where a.number = $1 and a.company_id = $2 and ($3::boolean or a.id = any($4::uuid[]))
      ${lock ? 'for update of a' : ''}`,
    [number, caller.companyId, caller.scopeAll, caller.visibleAccountIds],
  );
  if (!row) throw notFound();
  return row;
}

async function accountView(sql: Sql, id: string): Promise<Account> {
  const [row] = await sql.query<AccountRow>(`${ACCOUNT_SELECT} where a.id = $1`, [id]);
  return toAccount(row!);
}

async function lockCompany(tx: Sql, companyId: string): Promise<void> {
  await tx.query('select 1 from companies where id = $1 for update', [companyId]);
}

/** PATCH /accounts/{number}: the company's own label. */
export async function updateAccount(
  services: Services,
  caller: Caller,
  number: string,
  body: UpdateAccountRequest,
  require: () => void,
): Promise<Account> {
  return services.db.transaction(async (tx) => {
    const account = await visibleAccount(tx, caller, number, true);
    require();
    if (account.nickname !== body.nickname) {
      await tx.query('update accounts set nickname = $2 where id = $1', [account.id, body.nickname]);
      await services.audit(tx, {
        companyId: caller.companyId,
        actorId: caller.id,
        action: 'accounts.update',
        target: account.number,
        data: { changes: { nickname: { from: account.nickname, to: body.nickname } } },
      });
    }
    return accountView(tx, account.id);
  });
}

/** PUT /accounts/{number}/xml-enrollment: the account's invoices offer XML downloads from now on (or no longer). */
export async function setXmlEnrollment(
  services: Services,
  caller: Caller,
  number: string,
  body: XmlEnrollmentRequest,
  require: () => void,
): Promise<Account> {
  return services.db.transaction(async (tx) => {
    const account = await visibleAccount(tx, caller, number, true);
    require();
    // Asking for what is already so changes nothing, and so writes no audit row.
    if (account.xml_enrolled !== body.enrolled) {
      await tx.query('update accounts set xml_enrolled = $2 where id = $1', [account.id, body.enrolled]);
      await services.audit(tx, {
        companyId: caller.companyId,
        actorId: caller.id,
        action: 'accounts.xml_enrollment',
        target: account.number,
        data: { xmlEnrolled: { from: account.xml_enrolled, to: body.enrolled } },
      });
    }
    return accountView(tx, account.id);
  });
}

/**
 * Moves an account enrolled nowhere into a company, with its invoices.
 * Called with the company and the account locked; the account comes in
 * plain: no nickname, no XML, in no plan, in no user's scope (administrators
 * see it at once; others once someone gives it to them).
 */
export async function enrollAccount(tx: Sql, accountId: string, companyId: string, now: Date): Promise<void> {
  await tx.query(
    `update accounts set company_id = $2, enrolled_at = $3, nickname = null, xml_enrolled = false, plan_id = null
      where id = $1`,
    [accountId, companyId, now.toISOString()],
  );
  await tx.query('update invoices set company_id = $2, plan_id = null where account_id = $1', [accountId, companyId]);
}

/** Locks the account row and reads its company again: another company may have enrolled it since the proof. */
export async function lockAccountCompany(
  tx: Sql,
  accountId: string,
): Promise<{ company_id: string | null; company_name: string | null }> {
  const [row] = await tx.query<{ company_id: string | null; company_name: string | null }>(
    `select a.company_id, c.name as company_name from accounts a left join companies c on c.id = a.company_id
      where a.id = $1 for update of a`,
    [accountId],
  );
  return row!;
}

const alreadyEnrolled = () =>
  new ProblemError(409, 'account_already_enrolled', { fieldErrors: { accountNumber: 'already_enrolled' } });

/** POST /accounts: Add account, proved by a recent invoice. */
export async function addAccount(services: Services, caller: Caller, proof: InvoiceProof): Promise<Account> {
  const { db } = services;
  // Said before the proof, so a slip costs no attempt; an administrator sees the company's accounts anyway.
  const [own] = await db.query('select 1 from accounts where number = $1 and company_id = $2', [
    proof.accountNumber,
    caller.companyId,
  ]);
  if (own) throw alreadyEnrolled();
  const account = await proveAccount(services, proof);
  return db.transaction(async (tx) => {
    await lockCompany(tx, caller.companyId);
    const current = await lockAccountCompany(tx, account.id);
    if (current.company_id === caller.companyId) throw alreadyEnrolled();
    if (current.company_id !== null) throw accountInOtherCompany(current.company_name!);
    await enrollAccount(tx, account.id, caller.companyId, services.now());
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'accounts.add',
      target: account.number,
      data: { invoiceNumber: proof.invoiceNumber.toUpperCase(), country: account.country },
    });
    return accountView(tx, account.id);
  });
}

/**
 * POST /accounts/{number}/cancel-enrollment: the account leaves the company.
 *
 * What goes with it, in the same transaction: its invoices (no longer the
 * company's to list or download; payments already made stay in the
 * company's payment activity), every user's scope entry for it, its live
 * AutoPay rule (ended: it would otherwise pay invoices that are no longer
 * the company's), and its inbound-charge settings (the company's choices,
 * not the account's). Refused while:
 *
 * - it is billed through a billing plan: plans are arranged with UPS, and
 *   the plan's invoices and AutoPay rule would otherwise keep reaching it;
 * - payments of its invoices are scheduled or under way: the company's
 *   money is committed to them. Cancel the scheduled ones (or let them
 *   complete) first; nothing here cancels a payment behind the user's back.
 */
export async function cancelEnrollment(
  services: Services,
  caller: Caller,
  number: string,
  body: CancelEnrollmentRequest,
  require: () => void,
): Promise<void> {
  await services.db.transaction(async (tx) => {
    await lockCompany(tx, caller.companyId);
    const account = await visibleAccount(tx, caller, number, true);
    require();
    if (account.plan_id) {
      throw new ProblemError(409, 'account_in_plan', { detail: account.plan_number! });
    }
    const pending = await tx.query<{ confirmation_number: string }>(
      `select distinct p.confirmation_number
         from invoices i join payment_allocations pa on pa.invoice_id = i.id join payments p on p.id = pa.payment_id
        where i.account_id = $1 and p.status in ('scheduled', 'authorizing', 'processing')
        order by 1`,
      [account.id],
    );
    if (pending.length) {
      throw new ProblemError(409, 'payments_in_progress', {
        detail: pending.map((p) => p.confirmation_number).join(', '),
      });
    }
    // An AutoPay run may have claimed an invoice and not yet made its payment: that is a payment in progress too.
    const [claimed] = await tx.query<{ number: string }>(
      `select i.number from autopay_outcomes o join invoices i on i.id = o.invoice_id
        where i.account_id = $1 and o.outcome = 'claimed' limit 1`,
      [account.id],
    );
    if (claimed) throw new ProblemError(409, 'payments_in_progress', { detail: claimed.number });
    const endedRules = await tx.query<{ id: string }>(
      `update autopay_rules set status = 'ended', updated_at = now()
        where account_id = $1 and status <> 'ended' returning id`,
      [account.id],
    );
    const unscoped = await tx.query<{ user_id: string }>(
      `delete from user_scope s using users u where s.account_id = $1 and u.id = s.user_id returning u.user_id`,
      [account.id],
    );
    const [exceptions] = await tx.query<{ n: number }>(
      `with gone as (delete from inbound_charge_exceptions where account_id = $1 returning 1)
       select count(*)::int as n from gone`,
      [account.id],
    );
    await tx.query('delete from inbound_charge_settings where account_id = $1', [account.id]);
    await tx.query('update invoices set company_id = null where account_id = $1', [account.id]);
    await tx.query(
      `update accounts set company_id = null, enrolled_at = null, nickname = null, xml_enrolled = false
        where id = $1`,
      [account.id],
    );
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'accounts.cancel_enrollment',
      target: account.number,
      data: {
        reason: body.reason,
        ...(body.comment ? { comment: body.comment } : {}),
        nickname: account.nickname,
        endedAutopayRules: endedRules.map((r) => r.id),
        removedFromScopeOf: unscoped.map((u) => u.user_id).sort(),
        inboundExceptionsRemoved: exceptions!.n,
      },
    });
  });
}
