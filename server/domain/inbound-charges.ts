/**
 * Inbound charges ("frais internes"): per account, a default rule for
 * charges other shippers bill to it, shipper accounts that are exceptions
 * to it, and a "contact me before billing" toggle. See
 * src/api/schemas/inbound-charges.ts for what the values mean.
 *
 * Reading needs only to see the account. Changing needs `inbound:write`
 * (administrators, and managers for the accounts in their scope), checked
 * after the account was found, so what the caller may not see stays 404.
 * Every change locks the account's row first: an import and an addition at
 * once cannot take the list past its limit, and an import's count of good
 * rows stays true until it commits.
 */
import {
  DEFAULT_INBOUND_RULE,
  MAX_INBOUND_EXCEPTIONS,
  type AddInboundExceptionRequest,
  type ImportInboundExceptionsRequest,
  type ImportReport,
  type InboundChargeList,
  type InboundChargeSettings,
  type InboundException,
  type InboundRule,
  type UpdateInboundChargesRequest,
} from '../../src/api/schemas/inbound-charges.js';
import type { Sql } from '../db/db.js';
import { ProblemError, notFound } from '../http/problem.js';
import type { Services } from '../http/services.js';
import { visibleAccount } from './accounts.js';
import type { Caller } from './caller.js';
import { parseCsv } from './csv-records.js';

export async function listInboundCharges(sql: Sql, caller: Caller): Promise<InboundChargeList> {
  const rows = await sql.query<{
    number: string;
    name: string;
    nickname: string | null;
    default_rule: InboundRule | null;
    contact_before_billing: boolean | null;
    updated_at: string | null;
    exceptions: number;
  }>(
    `select a.number, a.name, a.nickname, s.default_rule, s.contact_before_billing, s.updated_at,
            (select count(*)::int from inbound_charge_exceptions e
              where e.account_id = a.id and e.company_id = a.company_id) as exceptions
       from accounts a
       left join inbound_charge_settings s on s.account_id = a.id and s.company_id = a.company_id
      where a.company_id = $1 and ($2::boolean or a.id = any($3::uuid[]))
      order by a.number`,
    [caller.companyId, caller.scopeAll, caller.visibleAccountIds],
  );
  return {
    items: rows.map((r) => ({
      accountNumber: r.number,
      accountName: r.name,
      nickname: r.nickname,
      defaultRule: r.default_rule ?? DEFAULT_INBOUND_RULE,
      contactBeforeBilling: r.contact_before_billing ?? false,
      exceptionCount: r.exceptions,
      updatedAt: r.updated_at,
    })),
  };
}

interface ExceptionRow {
  shipper_account: string;
  note: string | null;
  created_at: string;
  added_by_user_id: string | null;
  added_by_name: string | null;
}

const EXCEPTION_SELECT = `
  select e.shipper_account, e.note, e.created_at, u.user_id as added_by_user_id, u.name as added_by_name
    from inbound_charge_exceptions e left join users u on u.id = e.created_by and u.removed_at is null`;

const toException = (row: ExceptionRow): InboundException => ({
  shipperAccount: row.shipper_account,
  note: row.note,
  addedAt: row.created_at,
  addedBy: row.added_by_user_id ? { userId: row.added_by_user_id, name: row.added_by_name! } : null,
});

async function settingsOf(sql: Sql, caller: Caller, account: { id: string; number: string }) {
  const [row] = await sql.query<{ default_rule: InboundRule; contact_before_billing: boolean; updated_at: string }>(
    `select default_rule, contact_before_billing, updated_at from inbound_charge_settings
      where account_id = $1 and company_id = $2`,
    [account.id, caller.companyId],
  );
  const exceptions = await sql.query<ExceptionRow>(
    `${EXCEPTION_SELECT} where e.account_id = $1 and e.company_id = $2 order by e.shipper_account`,
    [account.id, caller.companyId],
  );
  return {
    accountNumber: account.number,
    defaultRule: row?.default_rule ?? DEFAULT_INBOUND_RULE,
    contactBeforeBilling: row?.contact_before_billing ?? false,
    exceptions: exceptions.map(toException),
    updatedAt: row?.updated_at ?? null,
  } satisfies InboundChargeSettings;
}

/** GET /accounts/{number}/inbound-charges */
export async function getInboundCharges(sql: Sql, caller: Caller, number: string): Promise<InboundChargeSettings> {
  return settingsOf(sql, caller, await visibleAccount(sql, caller, number));
}

/** PATCH /accounts/{number}/inbound-charges */
export async function updateInboundCharges(
  services: Services,
  caller: Caller,
  number: string,
  body: UpdateInboundChargesRequest,
  require: () => void,
): Promise<InboundChargeSettings> {
  return services.db.transaction(async (tx) => {
    const account = await visibleAccount(tx, caller, number, true);
    require();
    const before = await settingsOf(tx, caller, account);
    const defaultRule = body.defaultRule ?? before.defaultRule;
    const contactBeforeBilling = body.contactBeforeBilling ?? before.contactBeforeBilling;
    const changes: Record<string, unknown> = {};
    if (defaultRule !== before.defaultRule) changes['defaultRule'] = { from: before.defaultRule, to: defaultRule };
    if (contactBeforeBilling !== before.contactBeforeBilling) {
      changes['contactBeforeBilling'] = { from: before.contactBeforeBilling, to: contactBeforeBilling };
    }
    // Saying again what is already so changes nothing, and so writes nothing.
    if (Object.keys(changes).length) {
      await tx.query(
        `insert into inbound_charge_settings (account_id, company_id, default_rule, contact_before_billing, updated_by)
         values ($1, $2, $3, $4, $5)
         on conflict (account_id) do update
           set default_rule = excluded.default_rule, contact_before_billing = excluded.contact_before_billing,
               updated_by = excluded.updated_by, updated_at = now()`,
        [account.id, caller.companyId, defaultRule, contactBeforeBilling, caller.id],
      );
      await services.audit(tx, {
        companyId: caller.companyId,
        actorId: caller.id,
        action: 'inbound.update',
        target: account.number,
        // The exceptions' meaning flips with the default: the audit row says how many were affected.
        data: { changes, exceptions: before.exceptions.length },
      });
    }
    return settingsOf(tx, caller, account);
  });
}

async function exceptionCount(sql: Sql, accountId: string, companyId: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    'select count(*)::int as n from inbound_charge_exceptions where account_id = $1 and company_id = $2',
    [accountId, companyId],
  );
  return row!.n;
}

const tooMany = (room: number) => new ProblemError(422, 'too_many_exceptions', { detail: String(Math.max(0, room)) });

/** POST /accounts/{number}/inbound-charges/exceptions */
export async function addInboundException(
  services: Services,
  caller: Caller,
  number: string,
  body: AddInboundExceptionRequest,
  require: () => void,
): Promise<InboundException> {
  return services.db.transaction(async (tx) => {
    const account = await visibleAccount(tx, caller, number, true);
    require();
    if (body.shipperAccount === account.number) {
      throw new ProblemError(400, 'validation_failed', { fieldErrors: { shipperAccount: 'own_account' } });
    }
    const [exists] = await tx.query(
      'select 1 from inbound_charge_exceptions where account_id = $1 and shipper_account = $2',
      [account.id, body.shipperAccount],
    );
    if (exists) throw new ProblemError(409, 'exception_exists', { fieldErrors: { shipperAccount: 'taken' } });
    const count = await exceptionCount(tx, account.id, caller.companyId);
    if (count >= MAX_INBOUND_EXCEPTIONS) throw tooMany(MAX_INBOUND_EXCEPTIONS - count);
    await tx.query(
      `insert into inbound_charge_exceptions (account_id, shipper_account, company_id, note, created_by)
       values ($1, $2, $3, $4, $5)`,
      [account.id, body.shipperAccount, caller.companyId, body.note ?? null, caller.id],
    );
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'inbound.add_exception',
      target: account.number,
      data: { shipperAccount: body.shipperAccount, note: body.note ?? null },
    });
    const [row] = await tx.query<ExceptionRow>(
      `${EXCEPTION_SELECT} where e.account_id = $1 and e.shipper_account = $2`,
      [account.id, body.shipperAccount],
    );
    return toException(row!);
  });
}

/** DELETE /accounts/{number}/inbound-charges/exceptions/{shipper} */
export async function removeInboundException(
  services: Services,
  caller: Caller,
  number: string,
  shipper: string,
  require: () => void,
): Promise<void> {
  await services.db.transaction(async (tx) => {
    const account = await visibleAccount(tx, caller, number, true);
    require();
    const [removed] = await tx.query<{ note: string | null }>(
      `delete from inbound_charge_exceptions where account_id = $1 and company_id = $2 and shipper_account = $3
       returning note`,
      [account.id, caller.companyId, shipper],
    );
    if (!removed) throw notFound();
    await services.audit(tx, {
      companyId: caller.companyId,
      actorId: caller.id,
      action: 'inbound.remove_exception',
      target: account.number,
      data: { shipperAccount: shipper, note: removed.note },
    });
  });
}

// ── CSV import ─────────────────────────────────────────────────────────

const ACCOUNT_PATTERN = /^[A-Z0-9]{6}$/;
/** A first line naming its columns rather than holding an account, in English or French. */
const HEADER_PATTERN = /account|compte|shipper|exp[ée]diteur|number|num[ée]ro/i;
const NOTE_MAX = 80;

/** Reads every row against the current list; writes nothing. */
function readImport(csv: string, ownNumber: string, listed: Set<string>): Omit<ImportReport, 'committed' | 'added'> {
  const records = parseCsv(csv);
  const first = records[0];
  if (first && !ACCOUNT_PATTERN.test(first.cells[0]!.trim().toUpperCase()) && HEADER_PATTERN.test(first.text)) {
    records.shift();
  }
  const report: Omit<ImportReport, 'committed' | 'added'> = {
    rows: records.length,
    good: [],
    bad: [],
    alreadyListed: [],
  };
  const seen = new Set<string>();
  for (const record of records) {
    const bad = (code: ImportReport['bad'][number]['code'], field: ImportReport['bad'][number]['field']) =>
      report.bad.push({ line: record.line, code, field, text: record.text.slice(0, 100) });
    const shipper = record.cells[0]!.trim().toUpperCase();
    const note = record.cells[1]?.trim() ?? '';
    if (record.malformed) bad('invalid_format', 'row');
    else if (record.cells.length > 2 && record.cells.slice(2).some((c) => c.trim() !== ''))
      bad('too_many_columns', 'row');
    else if (shipper === '') bad('required', 'shipperAccount');
    else if (!ACCOUNT_PATTERN.test(shipper)) bad('invalid_format', 'shipperAccount');
    else if (shipper === ownNumber) bad('own_account', 'shipperAccount');
    else if (note.length > NOTE_MAX) bad('too_long', 'note');
    else if (seen.has(shipper)) bad('duplicate', 'shipperAccount');
    else if (listed.has(shipper)) {
      seen.add(shipper);
      report.alreadyListed.push({ line: record.line, shipperAccount: shipper });
    } else {
      seen.add(shipper);
      report.good.push({ line: record.line, shipperAccount: shipper, note: note || null });
    }
  }
  return report;
}

/** POST /accounts/{number}/inbound-charges/exceptions/import */
export async function importInboundExceptions(
  services: Services,
  caller: Caller,
  number: string,
  body: ImportInboundExceptionsRequest,
  require: () => void,
): Promise<ImportReport> {
  return services.db.transaction(async (tx) => {
    const account = await visibleAccount(tx, caller, number, true);
    require();
    const listed = await tx.query<{ shipper_account: string }>(
      'select shipper_account from inbound_charge_exceptions where account_id = $1 and company_id = $2',
      [account.id, caller.companyId],
    );
    const report = readImport(body.csv, account.number, new Set(listed.map((r) => r.shipper_account)));
    const room = MAX_INBOUND_EXCEPTIONS - listed.length;
    if (report.good.length > room) throw tooMany(room);
    if (!body.commit) return { ...report, committed: false, added: 0 };
    // The user confirmed a count of good rows; if the file or the list changed since, they confirmed something else.
    if (body.goodRows !== report.good.length) {
      throw new ProblemError(409, 'import_changed', { detail: String(report.good.length) });
    }
    if (report.good.length) {
      await tx.query(
        `insert into inbound_charge_exceptions (account_id, shipper_account, company_id, note, created_by)
         select $1, shipper, $2, note, $3 from unnest($4::text[], $5::text[]) as rows(shipper, note)`,
        [
          account.id,
          caller.companyId,
          caller.id,
          report.good.map((r) => r.shipperAccount),
          report.good.map((r) => r.note),
        ],
      );
      await services.audit(tx, {
        companyId: caller.companyId,
        actorId: caller.id,
        action: 'inbound.import',
        target: account.number,
        data: {
          added: report.good.map((r) => r.shipperAccount),
          badRows: report.bad.map((r) => r.line),
          alreadyListed: report.alreadyListed.length,
        },
      });
    }
    return { ...report, committed: true, added: report.good.length };
  });
}
