/**
 * Signing up without an invoice, in two steps: a user ID first (the person
 * then exists and is signed in, but belongs to no company), then a payment
 * account (a new company, with the person as its administrator and a first
 * payment method, and no shipping accounts yet). Someone who already has a
 * user ID but no company starts at the second step.
 */
import './zod-config.js';
import * as z from 'zod/mini';
import { CountryCode, CurrencyCode } from './common.js';
import { FirstUser } from './enrollment.js';
import { Company, User } from './session.js';
import { Email, PersonName } from './users.js';
import { AddMethodRequest, WalletMethod } from './wallet.js';

/**
 * The new user: user ID, e-mail, name and password, with the same rules as
 * an enrolment's first user (password of 12 to 128 characters, not common,
 * not containing the user ID). The server also checks the password against
 * its full list of common passwords, which does not ship to the browser.
 */
export const SignUpRequest = FirstUser;
export type SignUpRequest = z.infer<typeof SignUpRequest>;

const Line = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** Where the company's invoices and statements go. Its country is the company's, given apart. */
export const CompanyAddress = z.strictObject({
  line1: Line(100),
  line2: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  city: Line(60),
  postalCode: z.string().check(z.trim(), z.minLength(2), z.maxLength(12)),
  /** State, province or county, where the country uses one. */
  region: z.optional(z.string().check(z.trim(), z.maxLength(60))),
});
export type CompanyAddress = z.infer<typeof CompanyAddress>;

/** Who UPS contacts about billing. */
export const BillingContact = z.strictObject({
  name: PersonName,
  email: Email,
  /** As typed: digits, spaces and `+ ( ) - .`; an international number is welcome. */
  phone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[\d\s().-]{6,25}$/))),
});
export type BillingContact = z.infer<typeof BillingContact>;

/**
 * Opening a payment account. `method` is exactly the wallet's add-method
 * request: a single-use token from the card frame (`POST /card-tokens`) or
 * from the bank form (`POST /bank-tokens`), which must be a way to pay the
 * company's country offers (`GET /payment-types?country=`). A card without
 * its own billing address gets the company's.
 */
export const PaymentAccountRequest = z.strictObject({
  companyName: Line(120),
  /** One of the countries the billing center serves; otherwise `country_not_served`. */
  country: CountryCode,
  billingAddress: CompanyAddress,
  contact: BillingContact,
  method: AddMethodRequest,
});
export type PaymentAccountRequest = z.infer<typeof PaymentAccountRequest>;

/**
 * The payment account just opened: the company (the session's `company`
 * from now on), the caller as its administrator, and the wallet's first
 * method, already the default. The caller's token stays valid: the server
 * reads the caller's company from its records at each request.
 */
export const PaymentAccount = z.object({
  company: Company,
  billingAddress: CompanyAddress,
  contact: BillingContact,
  user: User,
  method: WalletMethod,
});
export type PaymentAccount = z.infer<typeof PaymentAccount>;

/** A country the billing center serves, and the currency its companies are billed in. */
export const ServedCountry = z.object({ country: CountryCode, currency: CurrencyCode });
export type ServedCountry = z.infer<typeof ServedCountry>;

export const ServedCountries = z.object({ items: z.array(ServedCountry) });
export type ServedCountries = z.infer<typeof ServedCountries>;
