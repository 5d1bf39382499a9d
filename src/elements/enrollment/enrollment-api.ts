/**
 * The enrolment's calls to the API, loaded after the first render: the
 * client (ky) and the schemas (zod) are most of the bytes, and the first
 * step — a country — needs none of them. Like the guest pay form, the
 * element asks for this module when the browser is idle.
 */
import { BillingClient } from '../../api/client.js';
import { checkEnrollmentInvoice, enrollCompany } from '../../api/endpoints/enrollment.js';
import type { EnrollmentRequest } from '../../api/schemas/enrollment.js';
import type { InvoiceProof } from '../../api/schemas/invoice-proof.js';

export { controlIdRequired } from '../../api/schemas/invoice-proof.js';
export { PASSWORD_MIN_LENGTH } from '../../api/schemas/enrollment.js';

export const createClient = (baseUrl: string) => new BillingClient({ baseUrl });

export const checkInvoice = (client: BillingClient, body: InvoiceProof) =>
  client.call(checkEnrollmentInvoice, { body });

export const enrol = (client: BillingClient, body: EnrollmentRequest) => client.call(enrollCompany, { body });
