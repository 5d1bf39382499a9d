/**
 * "Download selected": creates an export on the server, streams its file
 * while polling its progress ("Preparing 12 of 30 invoices…"), saves it, and
 * lists the invoices that could not be produced in that format and why.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { BillingClient } from '../../api/client.js';
import { createDocumentExport, downloadDocumentExport, getDocumentExport } from '../../api/endpoints/documents.js';
import { isBillingApiError } from '../../api/errors.js';
import type { DocumentExport, DocumentExportRequest } from '../../api/schemas/document.js';
import type { I18n } from '../../internal/i18n.js';
import { saveFile } from '../../internal/save-file.js';

type ExportState =
  | { phase: 'running'; total: number; done: number; excluded: DocumentExport['excluded'] }
  | { phase: 'done'; total: number; excluded: DocumentExport['excluded'] }
  | { phase: 'failed'; code: string };

const POLL_MS = 400;

export class ExportController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #state: ExportState | null = null;
  #abort: AbortController | null = null;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  get running(): boolean {
    return this.#state?.phase === 'running';
  }

  #set(state: ExportState | null): void {
    this.#state = state;
    this.#host.requestUpdate();
  }

  async start(client: BillingClient, request: DocumentExportRequest): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const { signal } = abort;
    let polling = 0;
    try {
      const job = await client.call(createDocumentExport, { body: request }, { signal });
      if (job.total === 0) {
        this.#set({ phase: 'done', total: 0, excluded: job.excluded });
        return;
      }
      this.#set({ phase: 'running', total: job.total, done: 0, excluded: job.excluded });
      // The server counts as it writes; ask now and then while the file streams in.
      polling = window.setInterval(async () => {
        const progress = await client.call(getDocumentExport, { params: { id: job.id } }, { signal }).catch(() => null);
        if (progress && this.#state?.phase === 'running') this.#set({ ...this.#state, done: progress.done });
      }, POLL_MS);
      const file = await client.call(downloadDocumentExport, { params: { id: job.id } }, { signal });
      saveFile(file);
      this.#set({ phase: 'done', total: job.total, excluded: job.excluded });
    } catch (error) {
      if (signal.aborted) return;
      this.#set({ phase: 'failed', code: isBillingApiError(error) ? error.code : 'unknown' });
    } finally {
      clearInterval(polling);
    }
  }

  dismiss(): void {
    this.#abort?.abort();
    this.#set(null);
  }

  render(i18n: I18n): TemplateResult | typeof nothing {
    const state = this.#state;
    if (!state) return nothing;
    const excluded =
      state.phase !== 'failed' && state.excluded.length
        ? html`<details class="excluded">
            <summary>${i18n.t('invoiceTable.export.excluded')} ${i18n.number(state.excluded.length)}</summary>
            <ul>
              ${state.excluded.map(
                (item) => html`<li>${item.number} — ${i18n.t(`invoiceTable.export.reason.${item.reason}`)}</li>`,
              )}
            </ul>
          </details>`
        : nothing;
    const message =
      state.phase === 'running'
        ? html`<progress max=${state.total} value=${state.done}></progress>
            <span
              >${i18n.t('invoiceTable.export.preparing', { done: i18n.number(state.done), total: i18n.number(state.total) })}</span
            >`
        : state.phase === 'done'
          ? html`<span
              >${
                state.total
                  ? i18n.plural('invoiceTable.export.done', state.total)
                  : i18n.t('invoiceTable.export.nothing')
              }</span
            >`
          : html`<span>${i18n.t('invoiceTable.export.failed')} ${i18n.error(state.code)}</span>`;
    return html`<div class="export ${state.phase}" part="export">
      <div class="export-line">
        ${message}
        <button type="button" class="button" @click=${() => this.dismiss()}>
          ${i18n.t('invoiceTable.export.dismiss')}
        </button>
      </div>
      ${excluded}
    </div>`;
  }
}
