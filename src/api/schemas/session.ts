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

export const User = z.object({
  id: z.string(),
  userId: UserId,
  email: z.string(),
  name: z.string(),
  role: Role,
  scope: Scope,
});
export type User = z.infer<typeof User>;

export const SignInRequest = z.strictObject({
  userId: z.string().check(z.minLength(1), z.maxLength(64)),
  password: z.string().check(z.minLength(1), z.maxLength(256)),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/** What `POST /session` returns: a short-lived bearer token and who it is for. */
export const SignInResponse = z.object({
  token: z.string(),
  expiresAt: IsoDateTime,
  user: User,
  company: Company,
});
export type SignInResponse = z.infer<typeof SignInResponse>;

/** What `GET /session` returns for a valid token. */
export const Session = z.object({
  user: User,
  company: Company,
  expiresAt: IsoDateTime,
});
export type Session = z.infer<typeof Session>;
