/**
 * Short-lived HS256 session tokens. They carry only who the caller is (`sub`)
 * and for how long: role, company and scope are read from the database on
 * every request, so a demotion takes effect at once.
 */
import { sign, verify } from 'hono/jwt';
import { JwtTokenExpired } from 'hono/utils/jwt/types';
import { ProblemError } from './problem.js';

export interface TokenClaims {
  sub: string;
  exp: number;
}

export async function issueToken(userId: string, secret: string, ttlSeconds: number, now: Date) {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const token = await sign({ sub: userId, iat: Math.floor(now.getTime() / 1000), exp, typ: 'session' }, secret, 'HS256');
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

export async function readToken(header: string | undefined, secret: string): Promise<TokenClaims> {
  const match = /^Bearer ([A-Za-z0-9_.-]{10,2048})$/.exec(header ?? '');
  if (!header) throw new ProblemError(401, 'unauthenticated');
  if (!match) throw new ProblemError(401, 'token_invalid');
  try {
    const payload = await verify(match[1]!, secret, 'HS256');
    if (payload['typ'] !== 'session' || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') {
      throw new ProblemError(401, 'token_invalid');
    }
    return { sub: payload.sub, exp: payload.exp };
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw new ProblemError(401, error instanceof JwtTokenExpired ? 'token_expired' : 'token_invalid');
  }
}
