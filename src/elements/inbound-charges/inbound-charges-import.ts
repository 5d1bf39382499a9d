/**
 * The CSV import of <ups-inbound-charges>: the form (a file, or rows pasted)
 * and the preview of what the server read. The preview lists every bad row
 * by its line and reason and the rows already listed, and says nothing has
 * been written: only "Import N good rows" writes, with the count the user saw.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ImportReport } from '../../api/schemas/inbound-charges.js';
import { renderFieldError, type FieldContext } from '../../internal/fields.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';

/** The server's limit on one import's text; checked first so the user hears why, not a generic refusal. */
export const MAX_CSV_LENGTH = 60_000;

export interface ImportProps {
  ctx: FieldContext;
  report: ImportReport | null;
  busy: 'check' | 'import' | null;
  summary: TemplateResult | typeof nothing;
  onFile: (event: Event) => void;
  onCheck: (event: Event) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Why a row was left out, in words: a row that is not CSV at all reads apart from a bad account number. */
export function reasonOf(i18n: I18n, row: ImportReport['bad'][number]): string {
  const code = row.field === 'row' && row.code === 'invalid_format' ? 'malformed' : row.code;
  return i18n.t(`inbound.reason.${code}` as MessageKey);
}

function renderPreview(props: ImportProps, report: ImportReport): TemplateResult {
  const { i18n } = props.ctx;
  const good = report.good.length;
  const busy = props.busy === 'import';
  return html`<section class="preview" part="import-preview" aria-labelledby="preview-title" tabindex="-1">
    <h4 id="preview-title">${i18n.t('inbound.import.preview')}</h4>
    <p>
      ${i18n.plural('inbound.import.rows', report.rows)}
      ${good ? i18n.plural('inbound.import.good', good) : i18n.t('inbound.import.noGood')}
    </p>
    ${
      report.bad.length
        ? html`<p id="bad-intro">${i18n.plural('inbound.import.bad', report.bad.length)}</p>
            <table class="bad-rows" aria-describedby="bad-intro">
              <caption class="visually-hidden">
                ${i18n.t('inbound.import.badCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${i18n.t('inbound.import.col.line')}</th>
                  <th scope="col">${i18n.t('inbound.import.col.row')}</th>
                  <th scope="col">${i18n.t('inbound.import.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                ${report.bad.map(
                  (row) =>
                    html`<tr data-line=${row.line}>
                      <th scope="row">${i18n.number(row.line)}</th>
                      <td class="row-text">${row.text}</td>
                      <td>${reasonOf(i18n, row)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
        : nothing
    }
    ${
      report.alreadyListed.length
        ? html`<p class="listed">
            ${i18n.plural('inbound.import.listed', report.alreadyListed.length, {
              shippers: report.alreadyListed.map((row) => row.shipperAccount).join(', '),
            })}
          </p>`
        : nothing
    }
    <p class="hint">${i18n.t('inbound.import.nothingWritten')}</p>
    <div class="actions">
      <button type="button" class="button" @click=${props.onCancel}>${i18n.t('inbound.import.cancel')}</button>
      ${
        good
          ? html`<button
              type="button"
              class="button primary confirm"
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${props.onConfirm}
            >
              ${busy ? i18n.t('inbound.import.busy') : i18n.plural('inbound.import.confirm', good)}
            </button>`
          : nothing
      }
    </div>
  </section>`;
}

export function renderImport(props: ImportProps): TemplateResult {
  const { ctx, report } = props;
  const { i18n } = ctx;
  const invalid = Boolean(ctx.error('csv'));
  return html`<section class="import" part="import" aria-labelledby="import-title">
    <h3 id="import-title">${i18n.t('inbound.import.title')}</h3>
    <form class="import-form" novalidate @submit=${props.onCheck}>
      ${props.summary}
      <p class="hint" id="import-help">${i18n.t('inbound.import.help')}</p>
      <div class="field">
        <label for="csv-file">${i18n.t('inbound.import.file')}</label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby="import-help"
          @change=${props.onFile}
        />
      </div>
      <div class="field">
        <label for="csv">${i18n.t('inbound.import.paste')}</label>
        <textarea
          id="csv"
          rows="5"
          spellcheck="false"
          .value=${live(ctx.value('csv'))}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'import-help csv-error' : 'import-help'}
          @input=${(event: Event) => ctx.onInput('csv', event)}
        ></textarea>
        ${renderFieldError(ctx, 'csv')}
      </div>
      <div class="actions">
        <button type="submit" class="button check" aria-disabled=${props.busy === 'check' ? 'true' : 'false'}>
          ${i18n.t(props.busy === 'check' ? 'inbound.import.checking' : 'inbound.import.check')}
        </button>
      </div>
    </form>
    ${report ? renderPreview(props, report) : nothing}
  </section>`;
}
