/**
 * What each role may do, from SPEC's roles table. The server decides from
 * this table and its own records, never from anything the client says.
 */
import type { Role } from '../../src/api/schemas/session.js';

export const CAPABILITIES = [
  'invoices:read',
  'payments:write',
  'wallet:write',
  'disputes:write',
  'autopay:write',
  'users:write',
  'accounts:write',
  'accounts:xml',
  'inbound:write',
  'audit:read',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const ALL: readonly Role[] = ['administrator', 'manager', 'payer', 'viewer'];
const PAYERS: readonly Role[] = ['administrator', 'manager', 'payer'];
const MANAGERS: readonly Role[] = ['administrator', 'manager'];
const ADMINS: readonly Role[] = ['administrator'];

export const ROLE_CAPABILITIES: Record<Capability, readonly Role[]> = {
  'invoices:read': ALL,
  'payments:write': PAYERS,
  'wallet:write': PAYERS,
  'disputes:write': PAYERS,
  'autopay:write': MANAGERS,
  // Managers administer users within their own scope; the domain checks the scope.
  'users:write': MANAGERS,
  'accounts:write': ADMINS,
  // Managers may change XML enrolment of accounts in their scope.
  'accounts:xml': MANAGERS,
  // Inbound-charge settings have no row of their own in SPEC's table; they are per-account
  // settings like XML enrolment, so they follow its row: managers for accounts in their scope.
  'inbound:write': MANAGERS,
  'audit:read': ADMINS,
};

export function can(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[capability].includes(role);
}
