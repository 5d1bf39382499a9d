/**
 * Administration: users, administrator recovery, the audit log. Endpoints
 * under `/api/v1`; see `index.ts`.
 *
 * Administrators manage every user of their company. Managers manage only
 * users whose whole scope lies within their own, give only scope within their
 * own, and never the administrator role; other users are "not found" to them.
 * The last administrator of a company can never be removed or demoted
 * (`409 last_administrator`).
 */
import { endpoint } from '../endpoint.js';
import {
  AuditLogQuery,
  AuditPage,
  CreatedUser,
  CreateRecoveryRequest,
  CreateUserRequest,
  ManagedUser,
  RecoveryRequest,
  RecoveryRequestList,
  UpdateUserRequest,
  UserList,
  UserListQuery,
  UserParams,
} from '../schemas/users.js';

/** The users the caller may manage, searched and sorted, with the company's administrator count. */
export const listUsers = endpoint('GET', '/users', { query: UserListQuery, response: UserList });

/**
 * Adds a user. Answers the user and a temporary password, shown this once.
 * Refusals: `user_id_taken` (409), a scope entry the caller may not give
 * (404, `fieldErrors` `scope.accounts.N` / `scope.plans.N`: `invalid_value`),
 * the administrator role from a manager (403, `fieldErrors.role`: `not_allowed`).
 */
export const createUser = endpoint('POST', '/users', { body: CreateUserRequest, response: CreatedUser, status: 201 });

/** Changes a user's role, scope, name or e-mail. */
export const updateUser = endpoint('PATCH', '/users/{id}', {
  params: UserParams,
  body: UpdateUserRequest,
  response: ManagedUser,
});

/** Removes a user: their sessions end at once; audit rows keep their name. Asking for confirmation is the element's job. */
export const removeUser = endpoint('DELETE', '/users/{id}', { params: UserParams, response: null });

/** Administrator recovery requests of the caller's company: all of them for an administrator, one's own otherwise. */
export const listRecoveryRequests = endpoint('GET', '/admin-recovery-requests', { response: RecoveryRequestList });

/**
 * Asks UPS to make someone administrator when the administrator has left. Any
 * user of the company may ask; operations approve (`npm run ops -- approve-recovery <id>`).
 */
export const createRecoveryRequest = endpoint('POST', '/admin-recovery-requests', {
  body: CreateRecoveryRequest,
  response: RecoveryRequest,
  status: 201,
});

/** The company's audit log, newest first, for administrators. */
export const listAuditLog = endpoint('GET', '/audit-log', { query: AuditLogQuery, response: AuditPage });
