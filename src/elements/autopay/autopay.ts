import { Task, TaskStatus } from '@lit/task';
import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cancelAutopayRule, listAutopayRules } from '../../api/endpoints/autopay.js';
import { listInvoices } from '../../api/endpoints/invoices.js';
import { isBillingApiError } from '../../api/errors.js';
import type { AutopayRule, AutopayRuleList } from '../../api/schemas/autopay.js';
import type { Invoice } from '../../api/schemas/invoice.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { emit } from '../../internal/emit.js';
import { loadOnce, prefetchWhenIdle } from '../../internal/lazy.js';
import { renderLoadFailure, renderLoading } from '../../internal/load-views.js';
import { receiptStyles } from '../../internal/receipt.js';
import { autopayMessages } from '../../locales/autopay.js';
import { paymentFailureMessages } from '../../locales/payment-failure.js';
import { receiptMessages } from '../../locales/receipt.js';
import type {} from '../../events/autopay-change.js';
import type {} from '../../events/pay-request.js';
import { scopeLabel, type ScopeInfo } from './autopay-format.js';
import { renderCancelConfirm, renderCreated, renderPayNow } from './autopay-dialogs.js';
import { renderRuleCard } from './autopay-rule-card.js';
import type { Field } from './autopay-rule-check.js';
import type { Opened, RuleFormController } from './autopay-rule-form.js';
import { autopayStyles } from './autopay.styles.js';

const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');

/**
 * The rule form, loaded once for the page when first wanted: viewers and
 * payers never download it, and the list renders without waiting for it.
 */
const loadForm = loadOnce(() => import('./autopay-rule-form.js'));

/**
 * *My automatic payments*: the AutoPay rules on the accounts and plans the
 * user may see — one per account or plan — with what each pays, when, with
 * which method, what its next run would do and what it did lately. Users who
 * may (administrators and managers) set up, change and cancel rules in a
 * dialog with the agreement to accept and a live preview of the next run.
 * A rule pays invoices issued after it exists; the open ones can be paid at
 * once through `<ups-pay-form>`, loaded on demand.
 *
 * @summary AutoPay rules: list, set up, change, cancel, and pay what is open now.
 * @fires ups-autopay-change - A rule was created, changed or cancelled. `detail: { action, rule }`.
 * @fires ups-pay-request - Cancelable, before the pay form opens on a scope's open invoices. `detail.invoices`. Call `preventDefault()` to pay them on a page of your own.
 * @csspart rule - Each rule.
 * @csspart status - Each rule's status badge.
 * @csspart suspended - The notice of a suspended rule, with its fixes.
 * @csspart skipped - The warning that invoices were skipped for being over the maximum.
 * @csspart outcome - Each outcome badge (paid, skipped, failed…).
 * @csspart created - The notice after a rule is set up, offering to pay open invoices.
 * @csspart dialog - The form, cancel confirmation and pay dialogs.
 * @csspart form - The rule form.
 * @csspart preview - The next-run preview in the form.
 * @csspart agreement - The agreement text in the form.
 * @csspart error-summary - The list of problems at the top of the form.
 * @cssprop --ups-autopay-max-width - Largest width of the list (default 60rem).
 * @cssprop --ups-autopay-rule-background - Background of each rule (default the surface token).
 * @cssprop --ups-autopay-flag-color - Colour of skipped-over-maximum flags (default the warning token).
 */
export class UpsAutopay extends UpsBillingElement {
  static override styles = [...UpsBillingElement.styles, receiptStyles, autopayStyles];
  static override messages = [...UpsBillingElement.messages, receiptMessages, paymentFailureMessages, autopayMessages];

  readonly #rules = new Task(this, {
    task: async ([client, signedIn], { signal }): Promise<AutopayRuleList | null> =>
      client && signedIn ? client.call(listAutopayRules, {}, { signal }) : null,
    args: () => [this.billing?.client, this.billing?.session.status === 'ready'] as const,
  });

  readonly #cancel = new Task(this, {
    autoRun: false,
    task: async ([rule]: readonly [AutopayRule], { signal }) => {
      await this.billing!.client.call(cancelAutopayRule, { params: { id: rule.id } }, { signal });
      return rule;
    },
    onComplete: (rule) => this.#handleCancelled(rule),
    onError: (error) => (this.cancelError = codeOf(error)),
  });

  /** The rule form, once loaded (see `loadForm`). */
  #form: RuleFormController | undefined;

  /** The rule just set up: its notice offers to pay what is open now. */
  @state() private created: AutopayRule | null = null;
  @state() private confirming: AutopayRule | null = null;
  @state() private cancelError: string | null = null;
  /** Rules cancelled here, hidden before the list reloads. */
  @state() private cancelled: ReadonlySet<string> = new Set();
  /** The rule whose open invoices are being fetched. */
  @state() private finding: string | null = null;
  @state() private paying: { scope: ScopeInfo; invoices: readonly Invoice[] } | null = null;
  @state() private announcement = '';

  /** Where the user manages payment methods (the wallet): linked when no method can pay, or a card expired. */
  @property({ attribute: 'wallet-href' }) walletHref: string | undefined;

  /** The button that opened a dialog, focused again when it closes. */
  #opener: HTMLElement | null = null;
  #prefetched = false;

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState('loading', this.#rules.status === TaskStatus.PENDING);
    if (!this.#prefetched && this.#canManage()) {
      // Fetch the form while the user reads the list: it opens at once when asked for.
      this.#prefetched = true;
      prefetchWhenIdle(loadForm);
    }
  }

  async #openForm(opened: Opened, opener: HTMLElement, focus?: Field): Promise<void> {
    if (!this.#form) {
      const { RuleFormController, ruleFormStyles } = await loadForm();
      if (!this.#form) {
        adoptStyles(this.renderRoot as ShadowRoot, [
          ...(this.constructor as typeof UpsAutopay).elementStyles,
          ...ruleFormStyles,
        ]);
        this.#form = new RuleFormController(this, {
          i18n: () => this.i18n,
          client: () => this.billing?.client,
          fallbackCurrency: () => {
            const session = this.billing?.session;
            return session?.status === 'ready' ? (session.session.company?.currency ?? 'USD') : 'USD';
          },
          walletHref: () => this.walletHref ?? null,
          onSaved: (action, rule) => this.#handleSaved(action, rule),
          onStale: () => this.refresh(),
          onClosed: (saved, closedOpener) => this.#handleFormClosed(saved, closedOpener),
        });
      }
    }
    await this.#form.show(opened, opener, focus);
  }

  #role(): string | null {
    const session = this.billing?.session;
    return session?.status === 'ready' ? session.session.user.role : null;
  }

  #canManage(): boolean {
    const role = this.#role();
    return role === 'administrator' || role === 'manager';
  }

  #canPay(): boolean {
    const role = this.#role();
    return role !== null && role !== 'viewer';
  }

  #handleCreate(opener: HTMLElement): void {
    const list = this.#rules.value;
    if (!list) return;
    this.created = null;
    void this.#openForm({ mode: 'create', scopes: list.available }, opener);
  }

  #handleEdit(rule: AutopayRule, opener: HTMLElement, focus?: Field): void {
    void this.#openForm({ mode: 'edit', rule }, opener, focus);
  }

  #handleSaved(action: 'create' | 'update', rule: AutopayRule): void {
    const scope = scopeLabel(this.i18n, rule.scope);
    this.created = action === 'create' ? rule : null;
    this.announcement = this.i18n.t(action === 'create' ? 'autopay.created.title' : 'autopay.updated', { scope });
    emit(this, 'ups-autopay-change', { action, rule });
    this.refresh();
  }

  #handleFormClosed(saved: boolean, opener: HTMLElement | null): void {
    const target =
      saved && this.created
        ? this.renderRoot.querySelector<HTMLElement>('#created-title')
        : opener?.isConnected
          ? opener
          : this.renderRoot.querySelector<HTMLElement>('#title');
    target?.focus();
  }

  async #handleAskCancel(rule: AutopayRule, opener: HTMLElement): Promise<void> {
    this.#opener = opener;
    this.cancelError = null;
    this.confirming = rule;
    await this.updateComplete;
    this.#dialog('confirm')?.showModal();
  }

  #handleConfirmCancel(): void {
    if (!this.confirming || this.#cancel.status === TaskStatus.PENDING) return;
    this.cancelError = null;
    void this.#cancel.run([this.confirming]);
  }

  #handleCancelled(rule: AutopayRule): void {
    this.cancelled = new Set(this.cancelled).add(rule.id);
    if (this.created?.id === rule.id) this.created = null;
    this.announcement = this.i18n.t('autopay.cancelled', { scope: scopeLabel(this.i18n, rule.scope) });
    emit(this, 'ups-autopay-change', { action: 'cancel', rule: { ...rule, status: 'ended', nextRun: null } });
    this.#dialog('confirm')?.close();
    this.refresh();
  }

  async #handleDialogClosed(which: 'confirm' | 'pay'): Promise<void> {
    if (which === 'confirm') this.confirming = null;
    else this.paying = null;
    await this.updateComplete;
    // A cancelled rule's buttons are gone: the heading takes the focus instead.
    (this.#opener?.isConnected ? this.#opener : this.renderRoot.querySelector<HTMLElement>('#title'))?.focus();
    this.#opener = null;
  }

  /**
   * Pays the open invoices of a rule's scope now: asks the host first
   * (`ups-pay-request`, cancelable), else opens the pay form in a dialog.
   */
  async #handlePayNow(id: string, scope: ScopeInfo, opener: HTMLElement): Promise<void> {
    const client = this.billing?.client;
    if (!client || this.finding) return;
    const { i18n } = this;
    this.finding = id;
    this.announcement = i18n.t('autopay.payNow.loading');
    try {
      const page = await client.call(listInvoices, {
        query: {
          status: 'outstanding',
          ...(scope.type === 'account' ? { account: scope.number } : { plan: scope.number }),
          sort: 'dueDate',
          order: 'asc',
          pageSize: 200,
        },
      });
      if (!page.items.length) {
        this.announcement = i18n.t('autopay.payNow.none', { scope: scopeLabel(i18n, scope) });
        return;
      }
      this.announcement = '';
      if (!emit(this, 'ups-pay-request', { invoices: page.items }, { cancelable: true })) return;
      await import('../../ups-pay-form.js');
      this.#opener = opener;
      this.paying = { scope, invoices: page.items };
      await this.updateComplete;
      this.#dialog('pay')?.showModal();
    } catch (error) {
      this.announcement = i18n.error(codeOf(error));
    } finally {
      this.finding = null;
    }
  }

  #dialog(id: 'confirm' | 'pay'): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>(`dialog#${id}`);
  }

  /** Loads the rules again (after a payment, or a change made elsewhere). */
  refresh(): void {
    void this.#rules.run();
  }

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const session = this.billing!.session;
    if (session.status === 'signed-out') return html`<p class="notice">${i18n.t('provider.signedOut')}</p>`;
    if (session.status === 'error') return this.#renderError(session.code);
    return html`<section class="autopay" aria-labelledby="title">
      ${this.#rules.render({
        initial: () => this.#renderLoading(),
        pending: () => (this.#rules.value ? this.#renderList(this.#rules.value, true) : this.#renderLoading()),
        complete: (list) => (list ? this.#renderList(list, false) : this.#renderLoading()),
        error: (error) => this.#renderError(codeOf(error)),
      })}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.#form?.render() ?? nothing}
      <dialog
        id="confirm"
        class="dialog"
        part="dialog"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-text"
        @close=${() => this.#handleDialogClosed('confirm')}
      >
        ${
          this.confirming
            ? renderCancelConfirm({
                i18n,
                rule: this.confirming,
                busy: this.#cancel.status === TaskStatus.PENDING,
                error: this.cancelError,
                onKeep: () => this.#dialog('confirm')?.close(),
                onConfirm: () => this.#handleConfirmCancel(),
              })
            : nothing
        }
      </dialog>
      <dialog
        id="pay"
        class="dialog wide"
        part="dialog"
        aria-labelledby="pay-title"
        @close=${() => this.#handleDialogClosed('pay')}
        @ups-payment-success=${() => this.refresh()}
      >
        ${
          this.paying
            ? renderPayNow({
                i18n,
                ...this.paying,
                locale: this.locale,
                onClose: () => this.#dialog('pay')?.close(),
              })
            : nothing
        }
      </dialog>
    </section>`;
  }

  #renderHead(list: AutopayRuleList | null): TemplateResult {
    const { i18n } = this;
    const canCreate = this.#canManage() && list && list.available.length > 0;
    return html`<div class="head">
        <h2 id="title" tabindex="-1">${i18n.t('autopay.title')}</h2>
        ${
          canCreate
            ? html`<button
                type="button"
                class="button primary"
                id="create"
                @click=${(e: Event) => this.#handleCreate(e.currentTarget as HTMLElement)}
              >
                ${i18n.t('autopay.create')}
              </button>`
            : nothing
        }
      </div>
      <p class="intro">${i18n.t('autopay.intro')}</p>
      ${this.#role() && !this.#canManage() ? html`<p class="hint read-only">${i18n.t('autopay.readOnly')}</p>` : nothing}`;
  }

  #renderLoading(): TemplateResult {
    return html`${this.#renderHead(null)} ${renderLoading(this.i18n.t('autopay.loading'), 'frame')}`;
  }

  #renderError(code: string): TemplateResult {
    return renderLoadFailure(this.i18n, this.i18n.t('autopay.error'), code, () => this.refresh());
  }

  #renderList(list: AutopayRuleList, busy: boolean): TemplateResult {
    const { i18n } = this;
    const items = list.items.filter((rule) => !this.cancelled.has(rule.id));
    const canManage = this.#canManage();
    const canPay = this.#canPay();
    const created = this.created;
    return html`${this.#renderHead(list)}
      ${
        created
          ? renderCreated({
              i18n,
              rule: created,
              canPay,
              finding: this.finding !== null,
              onPayNow: (opener) => this.#handlePayNow(created.id, created.scope, opener),
              onDismiss: () => (this.created = null),
            })
          : nothing
      }
      <div class="rules" aria-busy=${busy ? 'true' : 'false'}>
        ${
          items.length
            ? html`<ul class="rule-list" aria-label=${i18n.t('autopay.rules')}>
                ${repeat(
                  items,
                  (rule) => rule.id,
                  (rule) =>
                    html`<li>
                      ${renderRuleCard({
                        i18n,
                        rule,
                        canManage,
                        canPay,
                        walletHref: this.walletHref ?? null,
                        finding: this.finding === rule.id,
                        onEdit: (r, opener, focus) => this.#handleEdit(r, opener, focus),
                        onCancel: (r, opener) => this.#handleAskCancel(r, opener),
                        onPayNow: (r, opener) => this.#handlePayNow(r.id, r.scope, opener),
                      })}
                    </li>`,
                )}
              </ul>`
            : html`<p class="notice empty">${i18n.t('autopay.empty')}</p>`
        }
      </div>`;
  }
}
