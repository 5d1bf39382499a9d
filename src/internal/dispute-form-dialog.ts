/**
 * Opening `<ups-dispute-form>` from an element that offers "Dispute" (the
 * invoice table, the invoice detail): the element first asks its host page
 * with a cancelable `ups-dispute-request`; a host that shows the form
 * itself calls `preventDefault()`. Otherwise the form's module loads on
 * demand (it is not part of the element's first render) and the form opens
 * in a modal dialog, which stays open on the form's confirmation until the
 * user closes it.
 */
import { css, html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { Dispute } from '../api/schemas/dispute.js';
import { emit } from './emit.js';
import { loadOnce, prefetchWhenIdle } from './lazy.js';
import type { UpsDisputeRequestEvent } from '../events/dispute-request.js';
import type {} from '../events/dispute.js';

export type DisputeRequest = UpsDisputeRequestEvent['detail'];

const loadForm = loadOnce(() => import('../ups-dispute-form.js'));

export interface DisputeDialogOptions {
  /** The dialog's heading for what is disputed, in the host element's locale. */
  title: (request: DisputeRequest) => string;
  /** The label of the dialog's Close button. */
  close: () => string;
  /** The host element's own locale, passed on to the form. */
  locale: () => string | undefined;
  /** A dispute was recorded: the host marks what is now in dispute. */
  onSuccess: (dispute: Dispute) => void;
}

/** Widens the shared dialog for the form, and lays out its heading with the Close button. */
export const disputeDialogStyles = css`
  .dialog.dispute {
    --_ups-dialog-width: 46rem;
  }
  .dispute .dialog-head {
    display: flex;
    justify-content: flex-end;
    margin-bottom: calc(var(--_ups-space) * -2);
  }
`;

/** The dialog and its state; the host renders `render()` once, anywhere in its shadow root. */
export class DisputeFormDialog {
  readonly #host: ReactiveElement;
  readonly #options: DisputeDialogOptions;
  #request: DisputeRequest | null = null;
  /** The button that asked, focused again when the dialog closes. */
  #opener: HTMLElement | null = null;

  constructor(host: ReactiveElement, options: DisputeDialogOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Fetches the form while the user reads: it then opens at once. Only for users who may dispute. */
  prefetch(): void {
    prefetchWhenIdle(loadForm);
  }

  /**
   * Asks the host page to dispute (`ups-dispute-request`, cancelable); unless
   * it calls `preventDefault()`, opens the form. Resolves to whether it did.
   */
  async request(request: DisputeRequest, opener: HTMLElement | null, canOpen = true): Promise<boolean> {
    // `canOpen` false (no provider, so no API for the form): the host alone can act on the request.
    if (!emit(this.#host, 'ups-dispute-request', request, { cancelable: true }) || !canOpen) return false;
    await loadForm();
    this.#request = request;
    this.#opener = opener;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#dialog()?.showModal();
    return true;
  }

  /** Whether the form is showing. */
  get open(): boolean {
    return Boolean(this.#dialog()?.open);
  }

  close(): void {
    this.#dialog()?.close();
  }

  #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog#dispute-dialog');
  }

  async #handleClosed(): Promise<void> {
    this.#request = null;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (this.#opener?.isConnected) this.#opener.focus();
    this.#opener = null;
  }

  render(): TemplateResult {
    const request = this.#request;
    return html`<dialog
      id="dispute-dialog"
      class="dialog dispute"
      part="dialog"
      aria-labelledby="dispute-dialog-title"
      @close=${(e: Event) => {
        // The form's own dialogs (if any) close too: only this one ends the request.
        if (e.target === e.currentTarget) void this.#handleClosed();
      }}
      @ups-dispute-success=${(e: CustomEvent<{ dispute: Dispute }>) => this.#options.onSuccess(e.detail.dispute)}
    >
      ${
        request
          ? html`<div class="dialog-head">
                <!-- The dialog's name; the form shows the same words as its own heading, so it is not shown twice. -->
                <h3 id="dispute-dialog-title" class="visually-hidden">${this.#options.title(request)}</h3>
                <button type="button" class="button" @click=${() => this.close()}>${this.#options.close()}</button>
              </div>
              <ups-dispute-form
                invoice-number=${request.invoice.number}
                .invoice=${request.invoice}
                shipment-id=${request.shipment?.id ?? nothing}
                charge-id=${request.charge?.id ?? nothing}
                locale=${this.#options.locale() ?? nothing}
              ></ups-dispute-form>`
          : nothing
      }
    </dialog>`;
  }
}
