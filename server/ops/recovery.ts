/**
 * The operations side of administrator recovery, for `npm run ops`:
 *
 *   approve-recovery            list the pending requests, oldest first
 *   approve-recovery <id>       approve one, after checking it with the company
 *
 * Approval is deliberately not an API route: a company's users file requests,
 * and only UPS operations, who verify the people involved outside the
 * product, can grant the administrator role this way.
 */
import { ProblemError } from '../http/problem.js';
import type { Services } from '../http/services.js';
import { approveRecoveryRequest } from '../domain/recovery.js';

/** Lines for the ops command's usage text. */
export const RECOVERY_USAGE = `  approve-recovery [<id>]           without an id, list pending administrator recovery requests; with
                                    one, approve it: the named user becomes administrator, or is
                                    created and a temporary password is printed (once) to hand over`;

export interface CommandOutput {
  log(line: string): void;
  error(line: string): void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function listPending(services: Services, out: CommandOutput): Promise<void> {
  const rows = await services.db.query<{
    id: string;
    company: string;
    previous_admin_user_id: string;
    previous_admin_email: string;
    new_admin_user_id: string;
    new_admin_email: string;
    requested_by: string | null;
    created_at: string;
  }>(
    `select r.id, c.name as company, r.previous_admin_user_id, r.previous_admin_email, r.new_admin_user_id,
            r.new_admin_email, u.user_id as requested_by, r.created_at
       from admin_recovery_requests r join companies c on c.id = r.company_id
       left join users u on u.id = r.requested_by
      where r.status = 'pending' order by r.created_at, r.id`,
  );
  if (!rows.length) {
    out.log('No pending administrator recovery request.');
    return;
  }
  for (const r of rows) {
    out.log(
      `${r.id}  ${r.company}  filed ${r.created_at.slice(0, 16).replace('T', ' ')} UTC by ${r.requested_by ?? '(removed user)'}\n` +
        `    previous administrator: ${r.previous_admin_user_id} <${r.previous_admin_email}>\n` +
        `    new administrator:      ${r.new_admin_user_id} <${r.new_admin_email}>`,
    );
  }
  out.log(`\n${rows.length} pending. Check each with the company, then: npm run ops -- approve-recovery <id>`);
}

/**
 * Runs `approve-recovery [<id>]`; returns the exit code: 0 done, 1 refused
 * (not found, already approved, the named user no longer fits), 2 usage.
 */
export async function runRecoveryCommand(
  services: Services,
  args: readonly string[],
  out: CommandOutput = console,
): Promise<number> {
  if (args.length === 0) {
    await listPending(services, out);
    return 0;
  }
  const [id, ...extra] = args;
  if (extra.length || !UUID.test(id!)) {
    out.error(`approve-recovery takes one request id (a UUID), not "${args.join(' ')}"`);
    return 2;
  }
  try {
    const approval = await approveRecoveryRequest(services, id!);
    const { request } = approval;
    out.log(`Approved recovery request ${request.id} for ${approval.companyName}.`);
    if (approval.created) {
      out.log(`Created administrator ${request.newAdminUserId} <${request.newAdminEmail}>.`);
      out.log(`Temporary password (shown once, hand it over securely): ${approval.temporaryPassword}`);
    } else {
      out.log(`${request.newAdminUserId} <${request.newAdminEmail}> is now an administrator.`);
    }
    out.log(`The previous administrator ${request.previousAdminUserId} keeps the role until the new one removes them.`);
    return 0;
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const { problem } = error;
    const fields = Object.entries(problem.fieldErrors ?? {})
      .map(([field, code]) => `${field}: ${code}`)
      .join(', ');
    const reason =
      problem.code === 'not_found'
        ? 'no such request'
        : `${problem.title}${problem.detail ? ` (${problem.detail})` : ''}`;
    out.error(`Not approved: ${reason}${fields ? ` [${fields}]` : ''}.`);
    return 1;
  }
}
