/**
 * Password hashing with PBKDF2-HMAC-SHA256 through Web Crypto, which Node
 * and browsers both have (Storybook runs this server in the page). The
 * iteration count follows OWASP's 2023 advice for this KDF and is stored in
 * each hash, so it can be raised later without invalidating old hashes.
 */
import { COMMON_PASSWORDS_TEXT } from '../data/common-passwords.js';

export const DEFAULT_ITERATIONS = 600_000;

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password.normalize('NFKC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` */
export async function hashPassword(password: string, iterations = DEFAULT_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return `pbkdf2-sha256$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, expected] = stored.split('$');
  if (scheme !== 'pbkdf2-sha256' || !iterations || !salt || !expected) return false;
  const actual = await derive(password, fromBase64(salt), Number(iterations));
  const wanted = fromBase64(expected);
  if (actual.length !== wanted.length) return false;
  // Compare every byte whatever the first difference, so timing tells nothing.
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= actual[i]! ^ wanted[i]!;
  return diff === 0;
}

/**
 * A hash no password matches, computed once: verifying against it when the
 * user ID is unknown makes "no such user" cost as long as "wrong password".
 */
let decoy: Promise<string> | undefined;
export function decoyHash(iterations = DEFAULT_ITERATIONS): Promise<string> {
  decoy ??= hashPassword(crypto.randomUUID(), iterations);
  return decoy;
}

let commonPasswords: Set<string> | undefined;

/**
 * Whether a password is on the list of common passwords shipped with the
 * server (server/data/common-passwords.ts), whole or once its trailing
 * digits and symbols are dropped (`Baseball2024!!` is `baseball`), without
 * regard to case. NIST SP 800-63B asks for such a list, and for no
 * composition rules.
 */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(COMMON_PASSWORDS_TEXT.split('\n').filter(Boolean));
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  return commonPasswords.has(lower) || (stem.length > 0 && commonPasswords.has(stem));
}
