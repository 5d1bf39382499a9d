/**
 * The attachments of a dispute: a native file input (the browser's own
 * picker, keyboard and drag-and-drop included) and the list of files kept,
 * each with a Remove button. A file is checked when chosen — how many, how
 * big, and what its first bytes say it is — and nothing leaves the browser
 * until the dispute is submitted.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../../api/schemas/dispute.js';
import { SNIFF_BYTES, sniffType } from '../../api/upload.js';
import type { I18n } from '../../internal/i18n.js';

/** What the picker offers: by type and by extension, since some systems know only one of them. */
const ACCEPT = [...ATTACHMENT_TYPES, '.pdf', '.png', '.jpg', '.jpeg'].join(',');

/**
 * Adds `chosen` to `kept` as far as the limits allow. Refused files are
 * left out, each with the message naming it — worded by `i18n` given, so
 * that it can be worded again in another locale; the type is read from the
 * content, as the server reads it (a renamed executable is not a PDF).
 */
export async function addFiles(
  kept: readonly File[],
  chosen: readonly File[],
): Promise<{ files: File[]; refusals: ((i18n: I18n) => string)[] }> {
  const files = [...kept];
  const refusals: ((i18n: I18n) => string)[] = [];
  for (const file of chosen) {
    const name = file.name;
    if (files.length >= MAX_ATTACHMENTS) refusals.push((i18n) => i18n.t('disputeForm.field.too_many_files', { name }));
    else if (file.size > MAX_ATTACHMENT_BYTES)
      refusals.push((i18n) => i18n.t('disputeForm.field.file_too_large', { name }));
    else if (!sniffType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()), ATTACHMENT_TYPES))
      refusals.push((i18n) => i18n.t('disputeForm.field.file_type', { name }));
    else files.push(file);
  }
  return { files, refusals };
}

export interface FilesProps {
  i18n: I18n;
  files: readonly File[];
  error: string | undefined;
  onChoose: (input: HTMLInputElement) => void;
  onRemove: (index: number) => void;
}

export function renderFiles(props: FilesProps): TemplateResult {
  const { i18n, files, error } = props;
  const described = ['files-hint', error ? 'files-error' : ''].filter(Boolean).join(' ');
  return html`<div class="field files" part="attachments">
    <label for="files">${i18n.t('disputeForm.files')}</label>
    <span class="hint" id="files-hint">${i18n.t('disputeForm.filesHint')}</span>
    <input
      id="files"
      type="file"
      multiple
      accept=${ACCEPT}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${described}
      @change=${(e: Event) => props.onChoose(e.target as HTMLInputElement)}
    />
    ${error ? html`<span class="field-error" id="files-error">${error}</span>` : nothing}
    ${
      files.length
        ? html`<ul class="file-list">
            ${files.map(
              (file, index) =>
                html`<li>
                  <span class="file-name">${file.name}</span>
                  <span class="hint"
                    >${i18n.t('disputeForm.fileSize', { size: i18n.number(Math.max(1, Math.round(file.size / 1024))) })}</span
                  >
                  <button
                    type="button"
                    class="button remove"
                    data-remove=${index}
                    aria-label=${i18n.t('disputeForm.fileRemove', { name: file.name })}
                    @click=${() => props.onRemove(index)}
                  >
                    ${i18n.t('disputeForm.remove')}
                  </button>
                </li>`,
            )}
          </ul>`
        : nothing
    }
  </div>`;
}
