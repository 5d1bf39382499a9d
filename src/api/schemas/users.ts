/**
 * Administration: a company's users with their roles and scopes, requests to
 * recover the administrator role when the last administrator is gone, and
 * the audit log.
 */
import './zod-config.js';
import * as z from 'zod/mini';
import { AccountNumber, IsoDateTime, PlanNumber, pageQuery } from './common.js';
import { Role, Scope, UserId } from './session.js';

/**
 * An e-mail address, checked by shape only. Not trimmed by the schema: the
 * element trims what the user typed, so the server refuses what it would
 * otherwise have to guess about.
 */
export const Email = z.email().check(z.maxLength(254));

/** A person's name as shown in lists and on audit rows. */
export const PersonName = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

export const UserParams = z.strictObject({ id: z.uuid() });

/**
 * The accounts and plans a user may see, as a request gives them. Each must
 * be one the caller may see (for an administrator: one of the company's);
 * any other is answered like an unknown one, so nothing leaks. A plan gives
 * every account billed through it, including accounts added to it later.
 */
export const ScopeRequest = z.strictObject({
  accounts: z.array(AccountNumber).check(z.maxLength(1000)),
  plans: z.array(PlanNumber).check(z.maxLength(1000)),
});
export type ScopeRequest = z.infer<typeof ScopeRequest>;

/** A user as administration lists them. */
export const ManagedUser = z.object({
  id: z.uuid(),
  userId: UserId,
  email: z.string(),
  name: z.string(),
  role: Role,
  /** `all: true` for administrators, who see the whole company. */
  scope: Scope,
  createdAt: IsoDateTime,
  /** The last successful sign-in; null when the user never signed in (or before records began). */
  lastSignInAt: z.nullable(IsoDateTime),
});
export type ManagedUser = z.infer<typeof ManagedUser>;

export const USER_SORT_KEYS = ['userId', 'name', 'email', 'role', 'createdAt', 'lastSignInAt'] as const;
export const UserSortKey = z.enum(USER_SORT_KEYS);
export type UserSortKey = z.infer<typeof UserSortKey>;

export const UserListQuery = z.strictObject({
  /** Part of the user ID, the name or the e-mail, without regard to case. */
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  sort: z.optional(UserSortKey),
  order: z.optional(z.enum(['asc', 'desc'])),
  ...pageQuery,
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserList = z.object({
  /** The users the caller may manage (a manager: those whose whole scope lies within its own). */
  items: z.array(ManagedUser),
  page: z.int(),
  pageSize: z.int(),
  /** Users matching `q` that the caller may manage. */
  total: z.int(),
  /**
   * Administrators of the whole company, whoever asks: with one, the element
   * recommends naming a second (that one can never be removed or demoted).
   */
  administratorCount: z.int(),
});
export type UserList = z.infer<typeof UserList>;

/**
 * A new user. The user ID is unique without regard to case across every
 * company (it is a sign-in name). For an administrator the scope lists are
 * not kept: an administrator sees the whole company.
 */
export const CreateUserRequest = z.strictObject({
  userId: UserId,
  email: Email,
  name: PersonName,
  role: Role,
  scope: ScopeRequest,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/**
 * The user just created and a temporary password, returned this once: the
 * server keeps only its hash. The person who created the user passes it on;
 * the new user signs in with it.
 */
export const CreatedUser = z.object({
  user: ManagedUser,
  temporaryPassword: z.string(),
});
export type CreatedUser = z.infer<typeof CreatedUser>;

/** What may change about a user: any of these, at least one. The user ID never changes. */
export const UpdateUserRequest = z
  .strictObject({
    role: z.optional(Role),
    scope: z.optional(ScopeRequest),
    name: z.optional(PersonName),
    email: z.optional(Email),
  })
  .check(
    z.refine((value) => Object.values(value).some((v) => v !== undefined), {
      path: ['_'],
      message: 'Nothing to change',
    }),
  );
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

// ── administrator recovery ─────────────────────────────────────────────

export const RECOVERY_STATUSES = ['pending', 'approved'] as const;
export const RecoveryStatus = z.enum(RECOVERY_STATUSES);
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;

/**
 * When the administrator has left: who it was, and who should become
 * administrator. UPS operations approve a request after checking it with the
 * company; the new administrator is then an existing user promoted, or a new
 * user created with a temporary password the operator hands over.
 */
export const CreateRecoveryRequest = z.strictObject({
  previousAdminUserId: UserId,
  previousAdminEmail: Email,
  newAdminUserId: UserId,
  newAdminEmail: Email,
  /** For a new user; an existing user keeps the name on record. Defaults to the user ID. */
  newAdminName: z.optional(PersonName),
});
export type CreateRecoveryRequest = z.infer<typeof CreateRecoveryRequest>;

export const RecoveryRequest = z.object({
  id: z.uuid(),
  previousAdminUserId: z.string(),
  previousAdminEmail: z.string(),
  newAdminUserId: z.string(),
  newAdminEmail: z.string(),
  newAdminName: z.nullable(z.string()),
  status: RecoveryStatus,
  /** Who filed it; null once that user is removed. */
  requestedBy: z.nullable(z.object({ userId: z.string(), name: z.string() })),
  createdAt: IsoDateTime,
  approvedAt: z.nullable(IsoDateTime),
});
export type RecoveryRequest = z.infer<typeof RecoveryRequest>;

export const RecoveryRequestList = z.object({ items: z.array(RecoveryRequest) });
export type RecoveryRequestList = z.infer<typeof RecoveryRequestList>;

// ── audit log ──────────────────────────────────────────────────────────

export const AuditLogQuery = z.strictObject({
  /**
   * Actions starting with this, e.g. `users.` or `users.remove`. Actions are
   * `<domain>.<verb>` in lower case (`users.create`, `recovery.approve`,
   * `autopay.cancel`, `session.sign_in`…).
   */
  action: z.optional(z.string().check(z.regex(/^[a-z_]+(\.[a-z_]*)?$/), z.maxLength(60))),
  ...pageQuery,
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

export const AuditEntry = z.object({
  id: z.string(),
  at: IsoDateTime,
  action: z.string(),
  /** Who did it; null for the system (AutoPay, operations) or a failed sign-in by an unknown ID. */
  actor: z.nullable(z.object({ id: z.uuid(), userId: z.string(), name: z.string() })),
  /** What it was done to: an id or a number, depending on the action. */
  target: z.nullable(z.string()),
  /** The action's details, as recorded. */
  data: z.nullable(z.record(z.string(), z.unknown())),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  /** Newest first. */
  items: z.array(AuditEntry),
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
});
export type AuditPage = z.infer<typeof AuditPage>;
