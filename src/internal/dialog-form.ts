/**
 * The state and routine of an element's form, kept in one place so that the
 * wallet's, the accounts' and the user administration's dialogs (and the
 * administrator recovery form) fail, re-word and move focus alike: the values
 * being edited; the failure on screen (a message by each field, an error
 * summary that takes the focus after the next update, worded again on a live
 * locale switch); one write at a time; and, for a form in a modal dialog,
 * which dialog is open, the button that opened it and where the focus goes
 * back when it closes (after the element's list has reloaded). Each element
 * keeps what is its own: its dialogs, their fields and checks, its API calls
 * and how it words a refusal.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BillingClient } from '../api/client.js';
import type { BillingContext } from '../context/billing-context.js';
import { focusErrorSummary, type SummaryItem } from './error-summary.js';
import { recordContext, summaryItems, type FieldContext } from './fields.js';
import type { I18n } from './i18n.js';
import { Rewording } from './rewording.js';

/** The element a form belongs to. */
export interface FormHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What a form needs of its element. */
export interface FormAccess {
  i18n(): I18n;
  billing(): BillingContext | undefined;
}

/** A form's values and the failure it shows; a controller of its element (re-wording before, focus after an update). */
export class FormState implements ReactiveController {
  protected readonly host: FormHost;
  readonly #access: FormAccess;
  /** The values being edited, by field id: replaced, never changed in place. */
  fields: Record<string, string> = {};
  #errors: Record<string, string> = {};
  #summary: SummaryItem[] = [];
  #busy = false;
  /** What takes the focus after the next update: the summary of a new failure, or what the element asks. */
  #focus: (() => void) | null = null;
  /** The failure on screen, worded again when the locale or the overrides change. */
  readonly #rewording: Rewording;

  constructor(host: FormHost, access: FormAccess) {
    this.host = host;
    this.#access = access;
    this.#rewording = new Rewording(() => ({ i18n: access.i18n(), messages: access.billing()?.messages }));
    host.addController(this);
  }

  /** Field id → message, shown by each field. */
  get errors(): Readonly<Record<string, string>> {
    return this.#errors;
  }

  /** The error summary's entries. */
  get summary(): SummaryItem[] {
    return this.#summary;
  }

  /** A write is under way. */
  get busy(): boolean {
    return this.#busy;
  }

  hostUpdate(): void {
    // The same failure in new words: no new failure, so the focus stays where the user is.
    this.#rewording.refresh();
  }

  hostUpdated(): void {
    const focus = this.#focus;
    this.#focus = null;
    focus?.();
  }

  /** Moves the focus to what `focus` focuses after the next update (instead of to the summary). */
  focusNext(focus: () => void): void {
    this.#focus = focus;
  }

  /** The fields' context for rendering: typing replaces `fields` and updates the element. */
  context(): FieldContext {
    return recordContext(
      this.#access.i18n(),
      () => this.fields,
      () => this.#errors,
      (id, value) => {
        this.fields = { ...this.fields, [id]: value };
        this.host.requestUpdate();
      },
    );
  }

  /** Shows the failure `make` words, and keeps `make` to word it again in another locale. */
  failIn<T>(make: (i18n: I18n, again: boolean) => T): T {
    return this.#rewording.show(make);
  }

  /** Shows `errors` and `summary`, or clears them; a failure shown this way is not worded again. */
  fail(errors: Record<string, string>, summary: SummaryItem[]): void {
    this.#rewording.clear();
    this.show(errors, summary);
  }

  /** `again`: the same failure in new words, which leaves the focus where the user is. */
  show(errors: Record<string, string>, summary: SummaryItem[], again = false): void {
    this.#errors = errors;
    this.#summary = summary;
    if (!again) this.#focus = summary.length ? () => focusErrorSummary(this.host.shadowRoot) : null;
    this.host.requestUpdate();
  }

  /** Each field's message beside it and, after its label and linked to it, in the summary; then `others`. */
  failFields(errors: Record<string, string>, others: SummaryItem[] = [], again = false): void {
    const root = this.host.renderRoot;
    if (!again) return this.show(errors, [...summaryItems(root, errors), ...others]);
    // Worded again before the labels are: the summary repeats them, so it reads them once they are rendered.
    this.show(errors, others, true);
    void this.host.updateComplete.then(() => {
      if (this.#errors === errors) this.show(errors, [...summaryItems(root, errors), ...others], true);
    });
  }

  /** Runs a write: one at a time, the failure on screen cleared first; `failed` shows why it did not go through. */
  async write(run: (client: BillingClient) => Promise<void>, failed: (error: unknown) => unknown): Promise<void> {
    const client = this.#access.billing()?.client;
    if (!client || this.#busy) return;
    this.#busy = true;
    this.fail({}, []);
    try {
      await run(client);
    } catch (error) {
      // Awaited only when it takes time: a failure shown at once renders in the update that ends `busy`.
      const shown = failed(error);
      if (shown instanceof Promise) await shown;
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }
}

/** What a dialog's form needs of its element. */
export interface DialogAccess extends FormAccess {
  /** Resolves once a reload of the element's list (after a change) has shown. */
  settled(): Promise<unknown>;
}

export interface DialogOptions<K extends string> {
  /** The id of a kind's `<dialog>` (by default the kind itself). */
  id?: (kind: K) => string;
  /** A selector for what takes the focus when a dialog closes and its opener is gone (a removed row's button). */
  fallback: string;
}

/** The form of an element's modal dialogs, one open at a time: `D` says which, and what it is about. */
export class DialogForm<D extends { readonly kind: string }> extends FormState {
  readonly #access: DialogAccess;
  readonly #options: DialogOptions<D['kind']>;
  #dialog: D | null = null;
  /** The button that opened a dialog, focused again when it closes. */
  #opener: HTMLElement | null = null;

  constructor(host: FormHost, access: DialogAccess, options: DialogOptions<D['kind']>) {
    super(host, access);
    this.#access = access;
    this.#options = options;
  }

  /** The open dialog, or none. */
  get dialog(): D | null {
    return this.#dialog;
  }

  element(kind: D['kind']): HTMLDialogElement | null {
    const id = this.#options.id?.(kind) ?? kind;
    return this.host.renderRoot.querySelector<HTMLDialogElement>(`dialog#${id}`);
  }

  /** Opens `dialog` with `fields`, its failure cleared; `opener` (else the last one) gets the focus back. */
  async open(dialog: D, opener: HTMLElement | null, fields: Record<string, string> = {}): Promise<void> {
    if (opener) this.#opener = opener;
    this.#dialog = dialog;
    this.fields = fields;
    this.fail({}, []);
    await this.host.updateComplete;
    const element = this.element(dialog.kind);
    if (element && !element.open) element.showModal();
  }

  close(kind: D['kind']): void {
    this.element(kind)?.close();
  }

  /**
   * For the `close` event of `kind`'s dialog: forgets the form (and, with
   * `forget`, what else the element showed in it), then gives the focus back.
   */
  async closed(kind: D['kind'], forget?: () => void): Promise<void> {
    // Another dialog took over ("remove and add again"), or this one opened again before its
    // `close` event came: the state is theirs.
    if (this.#dialog?.kind !== kind || this.element(kind)?.open) return;
    this.#dialog = null;
    this.fields = {};
    forget?.();
    this.fail({}, []);
    const opener = this.#opener;
    this.#opener = null;
    // After a change the list reloads: wait for it, so that focus goes to buttons that stay.
    await this.#access.settled();
    await this.host.updateComplete;
    if (this.#dialog) return;
    // A removed row's buttons are gone: the fallback takes the focus.
    (opener?.isConnected ? opener : this.host.renderRoot.querySelector<HTMLElement>(this.#options.fallback))?.focus();
  }
}
