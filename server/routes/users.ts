import {
  createRecoveryRequest,
  createUser,
  listAuditLog,
  listRecoveryRequests,
  listUsers,
  removeUser,
  updateUser,
} from '../../src/api/endpoints/index.js';
import { listAuditLog as auditOf } from '../domain/audit.js';
import * as recovery from '../domain/recovery.js';
import * as users from '../domain/users.js';
import { defineRoute } from '../http/route.js';

export const listUsersRoute = defineRoute({
  endpoint: listUsers,
  summary: 'The users the caller may manage, searched and sorted, and the company’s administrator count',
  tags: ['users'],
  // Seeing the user list is part of managing users: payers and viewers have neither.
  capability: 'users:write',
  handler: (ctx) => users.listUsers(ctx.db, ctx.caller, ctx.query ?? {}),
});

export const createUserRoute = defineRoute({
  endpoint: createUser,
  summary: 'Add a user with a role and a scope; answers a temporary password once',
  tags: ['users'],
  capability: 'users:write',
  handler: (ctx) => users.createUser(ctx.services, ctx.caller, ctx.body),
});

export const updateUserRoute = defineRoute({
  endpoint: updateUser,
  summary: 'Change a user’s role, scope, name or e-mail',
  tags: ['users'],
  capability: 'users:write',
  handler: (ctx) =>
    users.updateUser(ctx.services, ctx.caller, ctx.params.id, ctx.body, () => ctx.require('users:write')),
});

export const removeUserRoute = defineRoute({
  endpoint: removeUser,
  summary: 'Remove a user; the last administrator is never removed',
  tags: ['users'],
  capability: 'users:write',
  handler: async (ctx) => {
    await users.removeUser(ctx.services, ctx.caller, ctx.params.id, () => ctx.require('users:write'));
    return undefined;
  },
});

export const listRecoveryRequestsRoute = defineRoute({
  endpoint: listRecoveryRequests,
  summary: 'Administrator recovery requests: all of the company’s for an administrator, one’s own otherwise',
  tags: ['users'],
  // Any user of the company: recovery is for when no administrator is left to ask.
  capability: null,
  handler: async (ctx) => ({ items: await recovery.listRecoveryRequests(ctx.db, ctx.caller) }),
});

export const createRecoveryRequestRoute = defineRoute({
  endpoint: createRecoveryRequest,
  summary: 'Ask UPS to make someone administrator when the administrator has left',
  tags: ['users'],
  capability: null,
  handler: (ctx) => recovery.createRecoveryRequest(ctx.services, ctx.caller, ctx.body),
});

export const listAuditLogRoute = defineRoute({
  endpoint: listAuditLog,
  summary: 'The company’s audit log, newest first, filtered by action prefix',
  tags: ['audit'],
  capability: 'audit:read',
  handler: (ctx) => auditOf(ctx.db, ctx.caller, ctx.query ?? {}),
});
