/**
 * The enrolment's first path, for a company that receives UPS invoices: the
 * account's country, its number, the values of one of its invoices dated
 * within the last 45 days, then the first user, who becomes the company's
 * administrator.
 */
import type { ReactiveControllerHost } from 'lit';
import type { EnrollmentCheck } from '../../api/schemas/enrollment.js';
import type { InvoiceProof } from '../../api/schemas/invoice-proof.js';
import type { SignInResponse } from '../../api/schemas/session.js';
import { emit } from '../../internal/emit.js';
import { loadOnce } from '../../internal/lazy.js';
import type {} from '../../events/enrollment.js';
import { fieldMessage, type EnrollmentAccess } from './enrollment-fields.js';

/**
 * The API module, loaded once for every enrolment form of the page: the
 * client (ky) and the schemas (zod) are most of the bytes, and the first
 * steps need none of them.
 */
export const api = loadOnce(() => import('./enrollment-api.js'));

export class InvoiceFlow {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #access: EnrollmentAccess;
  /** The country's invoices print a control ID, asked with the other values. */
  needsControlId = false;
  /** The account the invoice proved, once the check passed. */
  proved: EnrollmentCheck | null = null;
  result: SignInResponse | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, access: EnrollmentAccess) {
    this.#host = host;
    this.#access = access;
  }

  /** Runs one call at a time, marking the element busy; a refusal is shown where it belongs. */
  async #call(run: (client: NonNullable<Awaited<ReturnType<EnrollmentAccess['client']>>>) => Promise<void>) {
    if (this.#access.busy()) return;
    this.#access.setBusy(true);
    this.#access.clear();
    try {
      const client = await this.#access.client();
      if (client) await run(client);
    } catch (error) {
      this.#access.problem(error);
    } finally {
      this.#access.setBusy(false);
    }
  }

  async handleCountry(event: Event): Promise<void> {
    event.preventDefault();
    const country = this.#access.value('country');
    if (!country)
      return this.#access.fail((i18n) => ({ errors: { country: fieldMessage(i18n, 'country', 'required') } }));
    // The control ID rule travels with the schemas, in the API module.
    this.needsControlId = (await api()).controlIdRequired(country);
    this.#access.set({ country });
    this.#access.go('account');
  }

  handleAccount(event: Event): void {
    event.preventDefault();
    const account = this.#access.value('account').trim().toUpperCase();
    // The same rule as the API's AccountNumber, said before anything is sent.
    if (!/^[A-Z0-9]{6}$/.test(account)) {
      const code = account ? 'invalid_format' : 'required';
      return this.#access.fail((i18n) => ({ errors: { account: fieldMessage(i18n, 'account', code) } }));
    }
    this.#access.set({ account });
    this.#access.go('invoice');
  }

  #proof(): InvoiceProof {
    const value = (id: string) => this.#access.value(id);
    return {
      country: value('country'),
      accountNumber: value('account'),
      invoiceNumber: value('invoice-number').trim(),
      invoiceDate: value('invoice-date'),
      amount: value('amount').trim(),
      ...(this.needsControlId ? { controlId: value('control-id').trim() } : {}),
    };
  }

  async handleInvoice(event: Event): Promise<void> {
    event.preventDefault();
    await this.#call(async (client) => {
      const proved = await (await api()).checkInvoice(client, this.#proof());
      this.proved = proved;
      if (!this.#access.value('company')) this.#access.set({ company: proved.accountName });
      this.#access.go('user');
    });
  }

  async handleEnrol(event: Event): Promise<void> {
    event.preventDefault();
    const value = (id: string) => this.#access.value(id);
    const password = value('password');
    if (password && password !== value('confirm')) {
      return this.#access.fail((i18n) => ({ errors: { confirm: fieldMessage(i18n, 'confirm', 'confirm_mismatch') } }));
    }
    await this.#call(async (client) => {
      const company = value('company').trim();
      const result = await (
        await api()
      ).enrol(client, {
        invoice: this.#proof(),
        ...(company ? { companyName: company } : {}),
        user: { userId: value('user-id').trim(), email: value('email').trim(), name: value('name').trim(), password },
      });
      this.result = result;
      // The password is not kept a moment longer than needed.
      this.#access.set({ password: '', confirm: '' });
      this.#access.go('done');
      this.#access.announce(this.#access.i18n().t('enrollment.done.announce'));
      emit(this.#host, 'ups-enrollment-complete', {
        path: 'invoice',
        token: result.token,
        expiresAt: result.expiresAt,
        company: result.company,
        user: result.user,
        method: null,
      });
    });
  }
}
