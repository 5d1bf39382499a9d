/**
 * Short-lived session tokens: compact JWS with HS256, made with Web Crypto.
 * They carry only who the caller is (`sub`) and until when: role, company
 * and scope are read from the database on every request, so a demotion
 * takes effect at once. The signature is checked before any claim is read,
 * so an unsigned claim (even `exp`) never influences the answer.
 */
import { ProblemError } from './problem.js';

export interface TokenClaims {
  sub: string;
  exp: number;
}

const encoder = new TextEncoder();
const HEADER = base64url(encoder.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    keys.set(secret, key);
  }
  return key;
}

/** Signs `{ sub, typ, iat, exp }`. `typ` keeps one kind of token from passing for another. */
export async function signToken(sub: string, typ: string, secret: string, ttlSeconds: number, now: Date) {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const payload = base64url(encoder.encode(JSON.stringify({ sub, iat, exp, typ })));
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(`${HEADER}.${payload}`));
  return {
    token: `${HEADER}.${payload}.${base64url(new Uint8Array(signature))}`,
    expiresAt: new Date(exp * 1000).toISOString(),
  };
}

/** Verifies the signature, then the kind and the expiry; `null` for anything that is not a valid token of that kind. */
export async function verifyToken(
  token: string,
  typ: string,
  secret: string,
  now: Date,
): Promise<TokenClaims | 'expired' | null> {
  const match = /^([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(token);
  if (!match || token.length > 4096) return null;
  const [, head, payload, signature] = match as unknown as [string, string, string, string];
  let claims: Record<string, unknown>;
  try {
    const valid =
      head === HEADER &&
      (await crypto.subtle.verify(
        'HMAC',
        await hmacKey(secret),
        fromBase64url(signature),
        encoder.encode(`${head}.${payload}`),
      ));
    if (!valid) return null;
    claims = JSON.parse(new TextDecoder().decode(fromBase64url(payload))) as Record<string, unknown>;
  } catch {
    // Bad base64, bad signature or bad JSON: all the same to the caller.
    return null;
  }
  if (claims['typ'] !== typ || typeof claims['sub'] !== 'string' || typeof claims['exp'] !== 'number') return null;
  if (claims['exp'] <= now.getTime() / 1000) return 'expired';
  return { sub: claims['sub'], exp: claims['exp'] };
}

export function issueToken(userId: string, secret: string, ttlSeconds: number, now: Date) {
  return signToken(userId, 'session', secret, ttlSeconds, now);
}

export async function readToken(header: string | undefined, secret: string, now: Date): Promise<TokenClaims> {
  if (!header) throw new ProblemError(401, 'unauthenticated');
  const match = /^Bearer (\S+)$/.exec(header);
  const claims = match ? await verifyToken(match[1]!, 'session', secret, now) : null;
  if (claims === 'expired') throw new ProblemError(401, 'token_expired');
  if (!claims) throw new ProblemError(401, 'token_invalid');
  return claims;
}
