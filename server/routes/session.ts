import { getSession, signIn } from '../../src/api/endpoints/index.js';
import { describeSession, signIn as signInUser } from '../domain/session.js';
import { defineRoute } from '../http/route.js';

export const signInRoute = defineRoute({
  endpoint: signIn,
  summary: 'Sign in with a user ID and password',
  tags: ['session'],
  capability: null,
  handler: (ctx) => signInUser(ctx.services, ctx.body, ctx.ip),
});

export const getSessionRoute = defineRoute({
  endpoint: getSession,
  summary: "The caller's user, role, scope and company",
  tags: ['session'],
  capability: null,
  handler: (ctx) => describeSession(ctx.db, ctx.caller, ctx.tokenExpiresAt!),
});
