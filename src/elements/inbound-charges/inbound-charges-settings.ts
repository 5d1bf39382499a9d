/**
 * One account's inbound-charge settings in <ups-inbound-charges>: the
 * default rule and the "contact me before billing" switch, the list of
 * exceptions, and the form checks of the add and import forms. Views only:
 * the element holds the state and makes the calls.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { InboundChargeSettings, InboundException, InboundRule } from '../../api/schemas/inbound-charges.js';
import type { I18n } from '../../internal/i18n.js';
import type { MessageKey } from '../../locales/types.js';
import { MAX_CSV_LENGTH } from './inbound-charges-import.js';

const ACCOUNT = /^[A-Z0-9]{6}$/;
const NOTE_MAX = 80;
/** Field codes the element words itself; any other falls back to the generic validation message. */
const FIELD_CODES = ['required', 'invalid_format', 'own_account', 'duplicate', 'too_long', 'csv_too_long'];

/** A field code in words. */
export function fieldMessage(i18n: I18n, code: string): string {
  const known = code === 'taken' ? 'duplicate' : code;
  return FIELD_CODES.includes(known) ? i18n.t(`inbound.field.${known}` as MessageKey) : i18n.error('validation_failed');
}

/** What is wrong with the add form's values (form checks only). */
export function checkAdd(i18n: I18n, fields: Readonly<Record<string, string>>): Record<string, string> {
  const shipper = (fields['shipper'] ?? '').trim().toUpperCase();
  const errors: Record<string, string> = {};
  // Form checks only: whether the shipper is the account itself or already
  // listed is the server's rule (the list may have changed in another tab),
  // and its answer lands on the same field.
  if (!shipper) errors['shipper'] = fieldMessage(i18n, 'required');
  else if (!ACCOUNT.test(shipper)) errors['shipper'] = fieldMessage(i18n, 'invalid_format');
  if ((fields['note'] ?? '').trim().length > NOTE_MAX) errors['note'] = fieldMessage(i18n, 'too_long');
  return errors;
}

/** What is wrong with the import form's text. */
export function checkImport(i18n: I18n, fields: Readonly<Record<string, string>>): Record<string, string> {
  const csv = fields['csv'] ?? '';
  if (!csv.trim()) return { csv: i18n.t('inbound.field.file') };
  if (csv.length > MAX_CSV_LENGTH) return { csv: fieldMessage(i18n, 'csv_too_long') };
  return {};
}

export interface RuleProps {
  i18n: I18n;
  settings: InboundChargeSettings;
  canWrite: boolean;
  /** The rule and the switch as shown: the user's unsaved choice, or what is saved. */
  rule: InboundRule;
  contact: boolean;
  saving: boolean;
  summary: TemplateResult | typeof nothing;
  onRule: (rule: InboundRule) => void;
  onContact: (contact: boolean) => void;
  onSave: (event: Event) => void;
}

export interface ExceptionsProps {
  i18n: I18n;
  settings: InboundChargeSettings;
  canWrite: boolean;
  onRemove: (exception: InboundException, opener: HTMLElement) => void;
}

/** The default rule and the "contact me before billing" switch, saved together. */
export function renderRule(props: RuleProps): TemplateResult {
  const { i18n, settings, canWrite, rule, contact } = props;
  const option = (value: InboundRule) =>
    html`<div class="option">
      <label class="choice"
        ><input
          type="radio"
          name="rule"
          value=${value}
          .checked=${rule === value}
          ?disabled=${!canWrite}
          aria-describedby="rule-${value}-hint"
          @change=${() => props.onRule(value)}
        />
        ${i18n.t(`inbound.rule.${value}`)}</label
      >
      <span class="hint" id="rule-${value}-hint">${i18n.t(`inbound.rule.${value}Hint`)}</span>
    </div>`;
  return html`<section class="settings" part="settings" aria-labelledby="settings-title">
    <h3 id="settings-title">${i18n.t('inbound.settings.title')}</h3>
    <form novalidate @submit=${props.onSave}>
      ${props.summary}
      <fieldset id="rule" class="rule">
        <legend>${i18n.t('inbound.rule.legend', { number: settings.accountNumber })}</legend>
        ${option('accept')} ${option('refuse')}
      </fieldset>
      <div class="option">
        <label class="choice"
          ><input
            id="contact"
            type="checkbox"
            role="switch"
            .checked=${contact}
            ?disabled=${!canWrite}
            aria-describedby="contact-hint"
            @change=${(event: Event) => props.onContact((event.target as HTMLInputElement).checked)}
          />
          ${i18n.t('inbound.contact')}</label
        >
        <span class="hint" id="contact-hint">${i18n.t('inbound.contactHint')}</span>
      </div>
      ${
        settings.updatedAt
          ? html`<p class="hint updated">
              ${i18n.t('inbound.updatedAt', { date: i18n.date(settings.updatedAt.slice(0, 10)) })}
            </p>`
          : nothing
      }
      ${
        canWrite
          ? html`<div class="actions">
              <button type="submit" class="button primary save" aria-disabled=${props.saving ? 'true' : 'false'}>
                ${i18n.t(props.saving ? 'inbound.saving' : 'inbound.save')}
              </button>
            </div>`
          : nothing
      }
    </form>
  </section>`;
}

/** The exceptions to the saved rule, each with its Remove button for those who may write. */
export function renderExceptions(props: ExceptionsProps): TemplateResult {
  const { i18n, settings, canWrite } = props;
  const list = settings.exceptions;
  // What the list means follows the saved rule: exceptions get its opposite.
  return html`<section class="exceptions" part="exceptions" aria-labelledby="exceptions-title">
    <h3 id="exceptions-title" tabindex="-1">${i18n.t('inbound.exceptions.title')}</h3>
    <p class="meaning">${i18n.t(`inbound.exceptions.${settings.defaultRule}`)}</p>
    ${
      list.length
        ? html`<table>
            <caption class="visually-hidden">
              ${i18n.t('inbound.exceptions.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${i18n.t('inbound.col.shipper')}</th>
                <th scope="col">${i18n.t('inbound.col.note')}</th>
                <th scope="col">${i18n.t('inbound.col.added')}</th>
                ${canWrite ? html`<th scope="col">${i18n.t('inbound.col.actions')}</th>` : nothing}
              </tr>
            </thead>
            <tbody>
              ${list.map((exception) => renderException(props, exception))}
            </tbody>
          </table>`
        : html`<p class="notice empty">${i18n.t('inbound.exceptions.empty')}</p>`
    }
    <p class="count">${i18n.plural('inbound.exceptions.count', list.length)}</p>
  </section>`;
}

function renderException(props: ExceptionsProps, exception: InboundException): TemplateResult {
  const { i18n, canWrite } = props;
  const date = i18n.date(exception.addedAt.slice(0, 10));
  return html`<tr data-shipper=${exception.shipperAccount}>
    <th scope="row">${exception.shipperAccount}</th>
    <td>${exception.note ?? ''}</td>
    <td>${exception.addedBy ? i18n.t('inbound.addedBy', { date, name: exception.addedBy.name }) : date}</td>
    ${
      canWrite
        ? html`<td>
            <button
              type="button"
              class="button danger"
              data-remove=${exception.shipperAccount}
              @click=${(event: Event) => props.onRemove(exception, event.currentTarget as HTMLElement)}
            >
              ${i18n.t('inbound.remove', { shipper: exception.shipperAccount })}
            </button>
          </td>`
        : nothing
    }
  </tr>`;
}
