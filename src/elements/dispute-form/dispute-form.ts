import { Task, TaskStatus } from '@lit/task';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createDispute, listDisputes } from '../../api/endpoints/disputes.js';
import { getInvoice, listInvoiceShipments } from '../../api/endpoints/invoices.js';
import { isBillingApiError } from '../../api/errors.js';
import type { Money } from '../../api/schemas/common.js';
import type { Dispute, DisputeSummary } from '../../api/schemas/dispute.js';
import type { Invoice, InvoiceDetail, Shipment } from '../../api/schemas/invoice.js';
import { UpsBillingElement } from '../../internal/billing-element.js';
import { emit } from '../../internal/emit.js';
import type { I18n } from '../../internal/i18n.js';
import { Rewording } from '../../internal/rewording.js';
import { focusErrorSummary, renderErrorSummary, type SummaryItem } from '../../internal/error-summary.js';
import { renderLoadFailure, renderLoading } from '../../internal/load-views.js';
import { errorSummaryStyles, fieldsetStyles, fieldStyles } from '../../internal/styles.js';
import { disputeMessages } from '../../locales/dispute.js';
import { disputeFormMessages } from '../../locales/dispute-form.js';
import type {} from '../../events/dispute.js';
import {
  EMPTY_DRAFT,
  FIELDS,
  checkDraft,
  problemErrors,
  type CheckContext,
  type Draft,
  type Field,
  type FieldErrors,
} from './dispute-form-check.js';
import { addFiles } from './dispute-form-files.js';
import { renderForm, renderNotice, renderDone } from './dispute-form-views.js';
import { chargedBy, findStartLine, openLines, type StartLine } from './dispute-form-data.js';
import type { ShipmentList } from './dispute-form-lines.js';
import { disputeFormStyles } from './dispute-form.styles.js';

const codeOf = (error: unknown) => (isBillingApiError(error) ? error.code : 'unknown');

/** Shipments asked for at a time. */
const PAGE_SIZE = 20;

/**
 * Disputes an invoice, some of its shipments or some of its charge lines:
 * the reason, the amount disputed (or the amount expected), a comment, a
 * contact e-mail and up to five attachments (PDF, PNG or JPEG, checked by
 * content). Opened from the invoice table's actions, from a line of
 * `<ups-invoice-detail>`, or on its own with `invoice-number`. Lines already
 * under an open dispute cannot be chosen again. Disputing never changes the
 * amount due; an approved credit lands on a later invoice. Viewers see a
 * message instead of the form.
 *
 * @summary Dispute an invoice, shipments or charge lines, with attachments.
 * @fires ups-dispute-submit - Cancelable, before the dispute is sent. `detail: { request, files }` (file names). `preventDefault()` stops it.
 * @fires ups-dispute-success - The dispute was recorded. `detail: { dispute }`.
 * @fires ups-dispute-error - The dispute was refused. `detail: { code }` (e.g. `dispute_exists`).
 * @csspart form - The dispute form.
 * @csspart notice - The reminder that the amount due does not change.
 * @csspart attachments - The file input and the list of chosen files.
 * @csspart error-summary - The list of problems at the top of the form.
 * @csspart confirmation - What shows once the dispute is recorded.
 * @cssprop --ups-dispute-form-max-width - Largest width of the form (default 48rem).
 */
export class UpsDisputeForm extends UpsBillingElement {
  static override styles = [
    ...UpsBillingElement.styles,
    fieldStyles,
    fieldsetStyles,
    errorSummaryStyles,
    disputeFormStyles,
  ];
  static override messages = [...UpsBillingElement.messages, disputeMessages, disputeFormMessages];

  readonly #invoice = new Task(this, {
    task: async ([client, ready, number, given], { signal }): Promise<InvoiceDetail | null> => {
      // A detail handed over by the host (it has its charges) needs no fetch.
      if (given && 'charges' in given && given.number === number) return given as InvoiceDetail;
      if (!client || !ready || !number) return null;
      return client.call(getInvoice, { params: { number } }, { signal });
    },
    args: () => [this.billing?.client, this.#canDispute(), this.#number(), this.invoice] as const,
  });

  readonly #open = new Task(this, {
    task: async ([client, ready, number], { signal }): Promise<DisputeSummary[]> => {
      if (!client || !ready || !number) return [];
      const query = { invoice: number, status: 'open' as const, pageSize: 200 };
      return (await client.call(listDisputes, { query }, { signal })).items;
    },
    args: () => [this.billing?.client, this.#canDispute(), this.#number(), this.openLoads] as const,
  });

  readonly #shipments = new Task(this, {
    task: async ([client, ready, number, q, page], { signal }): Promise<ShipmentList | null> => {
      if (!client || !ready || !number) return null;
      const query = { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}) };
      const result = await client.call(listInvoiceShipments, { params: { number }, query }, { signal });
      const before = page > 1 ? (this.#shipments.value?.items ?? []) : [];
      return { items: [...before, ...result.items], total: result.total, state: 'ready' };
    },
    args: () => [this.billing?.client, this.#canDispute(), this.#number(), this.appliedQuery, this.page] as const,
  });

  readonly #start = new Task(this, {
    task: async ([client, detail, shipmentId, chargeId], { signal }) =>
      client && detail && (shipmentId || chargeId) ? findStartLine(client, detail, shipmentId, chargeId, signal) : null,
    args: () => [this.billing?.client, this.#invoice.value ?? null, this.shipmentId, this.chargeId] as const,
    onComplete: (line) => this.#applyStart(line),
  });

  @state() private draft: Draft = EMPTY_DRAFT;
  @state() private files: readonly File[] = [];
  @state() private errors: FieldErrors = {};
  @state() private general: readonly string[] = [];
  @state() private busy = false;
  @state() private done: Dispute | null = null;
  @state() private announcement = '';
  /** Shipments the user chose, kept while searches list others. */
  @state() private chosen: readonly Shipment[] = [];
  @state() private query = '';
  @state() private appliedQuery = '';
  @state() private page = 1;
  @state() private openLoads = 0;

  /** The invoice to dispute (`A1B2C3D4`). */
  @property({ attribute: 'invoice-number' }) invoiceNumber: string | undefined;

  /** The shipment (`Shipment.id`) the form starts from: scope "some shipments", with it chosen. */
  @property({ attribute: 'shipment-id' }) shipmentId: string | undefined;

  /** The charge line (`Charge.id`) the form starts from: scope "some charge lines", with it chosen. */
  @property({ attribute: 'charge-id' }) chargeId: string | undefined;

  /**
   * The invoice, when the host has it: an `InvoiceDetail` (with its charges)
   * spares the form its fetch. Its number wins over `invoice-number`.
   */
  @property({ attribute: false }) invoice: Invoice | InvoiceDetail | undefined;

  #submitted = false;
  #fromLine = false;
  /** The server's refusal of the last attempt, in any messages; null when there is none. */
  #server: ((i18n: I18n) => { fields: FieldErrors; general: readonly string[] }) | null = null;
  /** Fields whose server message went when they changed (the others stay until the next attempt). */
  #dropped = new Set<Field>();
  /** What the form's own check is about: the draft as last checked (from the first submit on), else null. */
  #checked: { draft: Draft; context: Omit<CheckContext, 'i18n'> } | null = null;
  /** The chosen files refused, in any messages. */
  #fileError: ((i18n: I18n) => string) | undefined;
  /** The failure on screen, worded again when the locale or the overrides change. */
  readonly #rewording = new Rewording(() => ({ i18n: this.i18n, messages: this.billing?.messages }));
  #emailTouched = false;
  #focusSummary = false;
  #focusDone = false;

  #number(): string | undefined {
    return this.invoice?.number ?? this.invoiceNumber ?? undefined;
  }

  #role(): string | null {
    const session = this.billing?.session;
    return session?.status === 'ready' ? session.session.user.role : null;
  }

  #canDispute(): boolean {
    const role = this.#role();
    return role !== null && role !== 'viewer';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The same failure in new words: no new failure, so the focus stays where the user is.
    this.#rewording.refresh();
    const session = this.billing?.session;
    // The signed-in user's address, until they type their own.
    if (!this.#emailTouched && !this.draft.contactEmail && session?.status === 'ready')
      this.draft = { ...this.draft, contactEmail: session.session.user.email };
    if (
      changed.has('invoiceNumber') ||
      changed.has('invoice') ||
      changed.has('shipmentId') ||
      changed.has('chargeId')
    ) {
      if (this.hasUpdated) this.#reset();
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleState('loading', this.#invoice.status === TaskStatus.PENDING);
    this.toggleState('busy', this.busy);
    if (this.#focusSummary) {
      this.#focusSummary = false;
      focusErrorSummary(this.shadowRoot);
    }
    if (this.#focusDone) {
      this.#focusDone = false;
      this.renderRoot.querySelector<HTMLElement>('#done-title')?.focus();
    }
  }

  #applyStart(line: StartLine | null): void {
    if (!line) return;
    const { shipment, charge } = line;
    this.draft = {
      ...this.draft,
      scope: charge ? 'charges' : 'shipments',
      shipmentIds: shipment ? [shipment.id] : [],
      chargeIds: charge ? [charge.id] : [],
      trackingNumber: shipment?.trackingNumber ?? '',
      shipDate: shipment?.shipDate ?? '',
    };
    this.chosen = shipment ? [shipment] : [];
    this.#fromLine = true;
  }

  /** The line the form started from, until the user starts over on another dispute. */
  #startLine(): Shipment | null {
    return this.#fromLine ? (this.#start.value?.shipment ?? null) : null;
  }

  #charged(detail: InvoiceDetail): Money | null {
    return chargedBy(this.draft, detail, this.chosen);
  }

  #context(detail: InvoiceDetail) {
    return {
      i18n: this.i18n,
      invoiceNumber: detail.number,
      currency: detail.amount.currency,
      charged: this.#charged(detail),
    };
  }

  #handleChange(patch: Partial<Draft>): void {
    if ('contactEmail' in patch) this.#emailTouched = true;
    if (patch.shipmentIds) {
      const known = [...this.chosen, ...(this.#shipments.value?.items ?? [])];
      const ids = patch.shipmentIds;
      this.chosen = ids.map((id) => known.find((s) => s.id === id)).filter((s): s is Shipment => Boolean(s));
    }
    this.draft = { ...this.draft, ...patch };
    // A server message goes once its field changes; the others stay until the next attempt.
    const touched = Object.keys(patch).map((key) => FIELD_OF_DRAFT[key as keyof Draft]);
    for (const field of touched) this.#dropped.add(field);
    if (this.#submitted) this.#revalidate();
  }

  #revalidate(): void {
    const detail = this.#invoice.value;
    if (!detail) return;
    this.#check(detail);
    this.#word();
  }

  /** The draft as it is now is what the form's own messages are about. */
  #check(detail: InvoiceDetail): CheckContext {
    const context = this.#context(detail);
    const { i18n: _, ...rest } = context;
    this.#checked = { draft: this.draft, context: rest };
    return context;
  }

  /**
   * Shows what is wrong as the form knows it — the server's messages left,
   * its own check of the draft, the refused files — and words it again when
   * the messages change. `focus`: a new failure, whose summary takes the focus.
   */
  #word(focus = false): void {
    const server = this.#server;
    const dropped = [...this.#dropped];
    const checked = this.#checked;
    const fileError = this.#fileError;
    this.#rewording.show((i18n, again) => {
      const refused = server?.(i18n) ?? { fields: {}, general: [] };
      const fields: FieldErrors = { ...refused.fields };
      for (const field of dropped) delete fields[field];
      const local = checked ? checkDraft(checked.draft, { ...checked.context, i18n }).errors : {};
      this.errors = { ...fields, ...local, ...(fileError ? { files: fileError(i18n) } : {}) };
      this.general = refused.general;
      if (focus && !again) this.#focusSummary = Object.keys(this.errors).length + this.general.length > 0;
    });
  }

  #handleSearch(): void {
    this.appliedQuery = this.query.trim();
    this.page = 1;
  }

  async #handleChoose(input: HTMLInputElement): Promise<void> {
    const chosen = [...(input.files ?? [])];
    // Cleared, so choosing the same file again after removing it still fires `change`.
    input.value = '';
    const { files, refusals } = await addFiles(this.files, chosen);
    this.files = files;
    this.#dropped.add('files');
    this.#fileError = refusals.length ? (i18n) => refusals.map((refusal) => refusal(i18n)).join(' ') : undefined;
    this.#word();
  }

  async #handleRemove(index: number): Promise<void> {
    const removed = this.files[index];
    this.files = this.files.filter((_, i) => i !== index);
    this.#fileError = undefined;
    this.#dropped.add('files');
    this.#word();
    this.announcement = removed ? this.i18n.t('disputeForm.fileRemoved', { name: removed.name }) : '';
    await this.updateComplete;
    // Focus stays in the list: on the button now in the removed file's place, else the last one, else the picker.
    const buttons = this.renderRoot.querySelectorAll<HTMLElement>('[data-remove]');
    (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#files'))?.focus();
  }

  async #handleSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const detail = this.#invoice.value;
    const client = this.billing?.client;
    if (!detail || !client || this.busy) return;
    this.#submitted = true;
    this.#server = null;
    this.#dropped.clear();
    this.#fileError = undefined;
    const context = this.#check(detail);
    const { request } = checkDraft(this.draft, context);
    if (!request) return this.#word(true);
    const files = this.files;
    if (!emit(this, 'ups-dispute-submit', { request, files: files.map((f) => f.name) }, { cancelable: true })) return;
    this.busy = true;
    this.#word(true);
    try {
      const dispute = await client.call(createDispute, { body: request, files: this.files });
      this.done = dispute;
      this.#focusDone = true;
      this.announcement = this.i18n.t('disputeForm.doneAnnounce', { number: dispute.number });
      this.openLoads++;
      emit(this, 'ups-dispute-success', { dispute });
    } catch (error) {
      const code = codeOf(error);
      const { amountKind } = request;
      this.#server = isBillingApiError(error)
        ? (i18n) => problemErrors({ ...context, i18n, amountKind, files }, error)
        : (i18n) => ({ fields: {}, general: [i18n.error('unknown')] });
      this.#word(true);
      // The line is taken meanwhile: mark it as the list shows it.
      if (code === 'dispute_exists') this.openLoads++;
      emit(this, 'ups-dispute-error', { code });
    } finally {
      this.busy = false;
    }
  }

  /** Starts over on the same invoice, for another dispute; the contact e-mail stays. */
  #reset(): void {
    this.#fromLine = false;
    this.query = '';
    this.appliedQuery = '';
    this.page = 1;
    this.draft = { ...EMPTY_DRAFT, contactEmail: this.draft.contactEmail };
    this.files = [];
    this.errors = {};
    this.general = [];
    this.done = null;
    this.chosen = [];
    this.#submitted = false;
    this.#server = null;
    this.#dropped.clear();
    this.#checked = null;
    this.#fileError = undefined;
    this.#rewording.clear();
  }

  async #handleAgain(): Promise<void> {
    this.#reset();
    // The open disputes reload after each dispute: they decide between the form and the notice.
    await this.#open.taskComplete.catch(() => undefined);
    await this.updateComplete;
    // The form again, or the notice that replaces it when the whole invoice is now in dispute.
    this.renderRoot.querySelector<HTMLElement>('#title, [part=notice]')?.focus();
  }

  #focusField(field: Field): void {
    const root = this.renderRoot;
    const target = root.querySelector<HTMLElement>(`#${field}`);
    if (target?.localName === 'fieldset')
      (
        target.querySelector<HTMLElement>('input:checked:not(:disabled)') ??
        target.querySelector<HTMLElement>('input:not(:disabled), button')
      )?.focus();
    else target?.focus();
  }

  protected override renderContent(): TemplateResult {
    const { i18n } = this;
    const session = this.billing!.session;
    if (session.status === 'signed-out') return renderNotice(i18n.t('provider.signedOut'));
    if (session.status === 'error') return renderLoadFailure(i18n, i18n.t('disputeForm.loadError'), session.code);
    if (session.status === 'loading') return renderLoading(i18n.t('disputeForm.loading'));
    if (!this.#canDispute()) return renderNotice(i18n.t('disputeForm.viewer'), 'viewer');
    if (!this.#number()) return renderNotice(i18n.t('disputeForm.noInvoice'));
    return this.#invoice.render({
      initial: () => renderLoading(i18n.t('disputeForm.loading')),
      pending: () => renderLoading(i18n.t('disputeForm.loading')),
      error: (error) =>
        renderLoadFailure(i18n, i18n.t('disputeForm.loadError'), codeOf(error), () => void this.#invoice.run()),
      complete: (detail) => (detail ? this.#renderInvoice(detail) : renderLoading(i18n.t('disputeForm.loading'))),
    });
  }

  #renderInvoice(detail: InvoiceDetail): TemplateResult {
    const { i18n } = this;
    if (detail.amount.amount <= 0)
      return renderNotice(i18n.t('disputeForm.credit', { number: detail.number }), 'credit');
    const whole = (this.#open.value ?? []).find((d) => d.scope === 'invoice');
    if (whole && !this.done)
      return renderNotice(i18n.t('disputeForm.invoiceInDispute', { number: detail.number, dispute: whole.number }));
    const status = html`<p class="visually-hidden" role="status">${this.announcement}</p>`;
    if (this.done) return html`${renderDone(i18n, detail, this.done, () => void this.#handleAgain())}${status}`;
    const errors = this.errors;
    const summary: SummaryItem[] = [
      ...FIELDS.filter((field) => errors[field]).map((field) => ({
        message: errors[field]!,
        focus: () => this.#focusField(field),
      })),
      ...this.general.map((message) => ({ message })),
    ];
    const shipments = this.#shipments;
    const list: ShipmentList = {
      items: shipments.value?.items ?? [],
      total: shipments.value?.total ?? 0,
      state:
        shipments.status === TaskStatus.ERROR
          ? 'error'
          : shipments.status === TaskStatus.COMPLETE
            ? 'ready'
            : 'loading',
    };
    return html`${renderForm({
      i18n,
      detail,
      draft: this.draft,
      errors,
      summary: renderErrorSummary(i18n.t('disputeForm.summary'), summary),
      files: this.files,
      busy: this.busy,
      charged: this.#charged(detail),
      lines: {
        shipments: list,
        chosen: this.chosen,
        open: openLines(this.#open.value ?? []),
        startLine: this.#startLine(),
        query: this.query,
        onQuery: (query) => (this.query = query),
        onSearch: () => this.#handleSearch(),
        onMore: () => (this.page += 1),
        onRetry: () => void shipments.run(),
      },
      onChange: (patch) => this.#handleChange(patch),
      onChoose: (input) => void this.#handleChoose(input),
      onRemove: (index) => void this.#handleRemove(index),
      onSubmit: (event) => void this.#handleSubmit(event),
    })}${status}`;
  }
}

/** Which field a change of the draft touches, so a server message about it goes away when it changes. */
const FIELD_OF_DRAFT: Record<keyof Draft, Field> = {
  scope: 'lines',
  shipmentIds: 'lines',
  chargeIds: 'lines',
  reason: 'reason',
  amountKind: 'amount',
  amount: 'amount',
  trackingNumber: 'tracking',
  shipDate: 'ship-date',
  comment: 'comment',
  contactEmail: 'email',
};
