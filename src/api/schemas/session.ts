/** Who is calling: sign-in, the signed-in user, their company, role and scope. */
import './zod-config.js';
import * as z from 'zod/mini';
import { AccountNumber, CountryCode, CurrencyCode, IsoDateTime, PlanNumber } from './common.js';

/** The four roles of the billing center, from most to least powerful. */
export const ROLES = ['administrator', 'manager', 'payer', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** A sign-in name. Compared without regard to case; stored as typed. */
export const UserId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$/));

/**
 * The accounts and plans a user may see. Administrators see everything in
 * their company (`all: true`); the lists are then empty, not exhaustive.
 */
export const Scope = z.object({
  all: z.boolean(),
  accounts: z.array(AccountNumber),
  plans: z.array(PlanNumber),
});
export type Scope = z.infer<typeof Scope>;

export const Company = z.object({
  id: z.string(),
  name: z.string(),
  country: CountryCode,
  currency: CurrencyCode,
});
export type Company = z.infer<typeof Company>;

/** A user of a company, as user administration and enrolment show them. */
export const User = z.object({
  id: z.string(),
  userId: UserId,
  email: z.string(),
  name: z.string(),
  role: Role,
  scope: Scope,
});
export type User = z.infer<typeof User>;

/**
 * The signed-in user. Someone who signed up without an invoice has a user ID
 * but no company until they open a payment account: their `role` is then
 * `null` (and their scope empty), and the session's `company` is `null` too.
 */
export const SessionUser = z.object({
  id: z.string(),
  userId: UserId,
  email: z.string(),
  name: z.string(),
  role: z.nullable(Role),
  scope: Scope,
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SignInRequest = z.strictObject({
  userId: z.string().check(z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(256)),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/**
 * What `POST /session` (and `POST /signup`) returns: a short-lived bearer
 * token and who it is for. `company` is `null` for a user who has not opened
 * a payment account yet (see `signup.ts`).
 */
export const SignInResponse = z.object({
  token: z.string(),
  expiresAt: IsoDateTime,
  user: SessionUser,
  company: z.nullable(Company),
});
export type SignInResponse = z.infer<typeof SignInResponse>;

/** What `GET /session` returns for a valid token; `company` is `null` as in `SignInResponse`. */
export const Session = z.object({
  user: SessionUser,
  company: z.nullable(Company),
  expiresAt: IsoDateTime,
});
export type Session = z.infer<typeof Session>;
