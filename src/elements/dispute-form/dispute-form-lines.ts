/**
 * What a dispute is about: the scope (whole invoice, shipments, charge
 * lines), the shipments with their tracking-number search and paging, the
 * charge lines, and the tracking number and ship date of a single line.
 * Lines under an open dispute are shown but cannot be chosen again.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DisputeScope } from '../../api/schemas/dispute.js';
import type { Charge, InvoiceDetail, Shipment } from '../../api/schemas/invoice.js';
import type { I18n } from '../../internal/i18n.js';
import type { Draft, FieldErrors } from './dispute-form-check.js';

/** The shipments listed so far for the current search. */
export interface ShipmentList {
  items: readonly Shipment[];
  total: number;
  state: 'loading' | 'error' | 'ready';
}

/** Lines under an open dispute: id → the dispute's number. */
export interface OpenLines {
  shipments: ReadonlyMap<string, string>;
  charges: ReadonlyMap<string, string>;
}

export interface LinesProps {
  i18n: I18n;
  draft: Draft;
  errors: FieldErrors;
  invoice: InvoiceDetail;
  shipments: ShipmentList;
  /** Chosen shipments, kept even when a new search no longer lists them. */
  chosen: readonly Shipment[];
  open: OpenLines;
  /** The line the form was started from: its tracking number and date are fixed. */
  startLine: Shipment | null;
  query: string;
  onChange: (patch: Partial<Draft>) => void;
  onQuery: (query: string) => void;
  onSearch: () => void;
  onMore: () => void;
  onRetry: () => void;
}

const described = (errors: FieldErrors, field: keyof FieldErrors, ...others: string[]) =>
  [...others, errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ') || nothing;

export const renderError = (errors: FieldErrors, field: keyof FieldErrors) =>
  errors[field] ? html`<span class="field-error" id="${field}-error">${errors[field]}</span>` : nothing;

const toggled = (list: readonly string[], id: string, on: boolean) =>
  on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id);

function checkbox(
  id: string,
  checked: boolean,
  label: string,
  busyWith: string | undefined,
  i18n: I18n,
  onToggle: (on: boolean) => void,
): TemplateResult {
  return html`<label class="choice line" for=${id}>
    <input
      type="checkbox"
      id=${id}
      .checked=${live(checked && !busyWith)}
      ?disabled=${Boolean(busyWith)}
      @change=${(e: Event) => onToggle((e.target as HTMLInputElement).checked)}
    />
    <span
      >${label}${
        busyWith ? html` <span class="tag">${i18n.t('disputeForm.inDispute', { number: busyWith })}</span>` : nothing
      }</span
    >
  </label>`;
}

function renderScope(props: LinesProps): TemplateResult {
  const { i18n, draft } = props;
  const radio = (scope: DisputeScope) =>
    html`<label class="choice" for="scope-${scope}">
      <input
        type="radio"
        name="scope"
        id="scope-${scope}"
        .checked=${live(draft.scope === scope)}
        @change=${() => props.onChange({ scope })}
      />
      <span>${i18n.t(`disputeForm.scope.${scope}`)}</span>
    </label>`;
  return html`<fieldset id="scope">
    <legend>${i18n.t('disputeForm.scope')}</legend>
    ${radio('invoice')} ${radio('shipments')} ${radio('charges')}
  </fieldset>`;
}

function renderShipments(props: LinesProps): TemplateResult {
  const { i18n, draft, errors, shipments, open } = props;
  const disputing = draft.scope === 'shipments';
  // In charge scope the shipments only choose whose charges are listed: never blocked.
  const label = (s: Shipment) =>
    i18n.t('disputeForm.shipment', {
      tracking: s.trackingNumber,
      date: i18n.date(s.shipDate),
      service: s.service,
      total: i18n.money(s.total),
    });
  const listed = new Set(shipments.items.map((s) => s.id));
  const rows = [...props.chosen.filter((s) => !listed.has(s.id)), ...shipments.items];
  return html`<fieldset
    id=${disputing ? 'lines' : 'shipment-picker'}
    class="lines"
    aria-describedby=${disputing ? described(errors, 'lines') : nothing}
  >
    <legend>${i18n.t(disputing ? 'disputeForm.shipments' : 'disputeForm.shipmentsForCharges')}</legend>
    <div class="search">
      <label for="search">${i18n.t('disputeForm.search')}</label>
      <span class="hint" id="search-hint">${i18n.t('disputeForm.searchHint')}</span>
      <div class="search-row">
        <input
          id="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          maxlength="35"
          aria-describedby="search-hint"
          .value=${live(props.query)}
          @input=${(e: Event) => props.onQuery((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            // Enter searches; it must not submit the dispute.
            if (e.key === 'Enter') {
              e.preventDefault();
              props.onSearch();
            }
          }}
        />
        <button type="button" class="button" @click=${props.onSearch}>${i18n.t('disputeForm.searchButton')}</button>
      </div>
    </div>
    <div class="line-list" aria-busy=${shipments.state === 'loading' ? 'true' : 'false'}>
      ${rows.map((s) =>
        checkbox(
          `shipment-${s.id}`,
          draft.shipmentIds.includes(s.id),
          label(s),
          disputing ? open.shipments.get(s.id) : undefined,
          i18n,
          (on) => {
            const shipmentIds = toggled(draft.shipmentIds, s.id, on);
            // A shipment no longer listed for its charges takes its chosen charges with it.
            const charges = on ? [] : s.charges.map((c) => c.id);
            props.onChange({ shipmentIds, chargeIds: draft.chargeIds.filter((id) => !charges.includes(id)) });
          },
        ),
      )}
      ${shipments.state === 'ready' && !rows.length ? html`<p class="hint">${i18n.t('disputeForm.noShipments')}</p>` : nothing}
    </div>
    <p class="count" role="status">
      ${
        shipments.state === 'loading'
          ? i18n.t('disputeForm.shipmentsLoading')
          : shipments.state === 'error'
            ? i18n.t('disputeForm.shipmentsError')
            : i18n.t('disputeForm.shipmentCount', {
                shown: i18n.number(shipments.items.length),
                total: i18n.number(shipments.total),
              })
      }
    </p>
    ${
      shipments.state === 'error'
        ? html`<button type="button" class="button" @click=${props.onRetry}>${i18n.t('common.retry')}</button>`
        : shipments.state === 'ready' && shipments.items.length < shipments.total
          ? html`<button type="button" class="button more" @click=${props.onMore}>
              ${i18n.t('disputeForm.more')}
            </button>`
          : nothing
    }
    ${disputing ? renderError(errors, 'lines') : nothing}
  </fieldset>`;
}

function renderCharges(props: LinesProps): TemplateResult {
  const { i18n, draft, errors, invoice, open } = props;
  const group = (title: string, charges: readonly Charge[]) =>
    charges.length
      ? html`<div class="charge-group" role="group" aria-label=${title}>
          <p class="group-title" aria-hidden="true">${title}</p>
          ${charges.map((c) =>
            checkbox(
              `charge-${c.id}`,
              draft.chargeIds.includes(c.id),
              i18n.t('disputeForm.charge', { description: c.description, amount: i18n.money(c.amount) }),
              open.charges.get(c.id),
              i18n,
              (on) => props.onChange({ chargeIds: toggled(draft.chargeIds, c.id, on) }),
            ),
          )}
        </div>`
      : nothing;
  const shown = props.chosen.filter((s) => draft.shipmentIds.includes(s.id));
  return html`<fieldset id="lines" class="lines" aria-describedby=${described(errors, 'lines')}>
    <legend>${i18n.t('disputeForm.charges')}</legend>
    ${group(i18n.t('disputeForm.invoiceCharges'), invoice.charges)}
    ${shown.map((s) => group(i18n.t('disputeForm.shipmentCharges', { tracking: s.trackingNumber }), s.charges))}
    ${shown.length ? nothing : html`<p class="hint">${i18n.t('disputeForm.noCharges')}</p>`}
    ${renderError(errors, 'lines')}
  </fieldset>`;
}

/** Tracking number and ship date: fixed for a line the form was started from, optional for the whole invoice. */
function renderTracking(props: LinesProps): TemplateResult | typeof nothing {
  const { i18n, draft, errors, startLine } = props;
  const fixed = startLine !== null && draft.scope !== 'invoice';
  if (!fixed && draft.scope !== 'invoice') return nothing;
  const optional = !fixed;
  return html`<div class="pair">
    <div class="field">
      <label for="tracking">${i18n.t(optional ? 'disputeForm.trackingOptional' : 'disputeForm.tracking')}</label>
      ${optional ? html`<span class="hint" id="tracking-hint">${i18n.t('disputeForm.trackingHint')}</span>` : nothing}
      <input
        id="tracking"
        autocomplete="off"
        spellcheck="false"
        maxlength="35"
        ?readonly=${fixed}
        .value=${live(draft.trackingNumber)}
        aria-invalid=${errors.tracking ? 'true' : 'false'}
        aria-describedby=${described(errors, 'tracking', ...(optional ? ['tracking-hint'] : []))}
        @input=${(e: Event) => props.onChange({ trackingNumber: (e.target as HTMLInputElement).value })}
      />
      ${renderError(errors, 'tracking')}
    </div>
    <div class="field">
      <label for="ship-date">${i18n.t(optional ? 'disputeForm.shipDateOptional' : 'disputeForm.shipDate')}</label>
      <input
        id="ship-date"
        type="date"
        ?readonly=${fixed}
        .value=${live(draft.shipDate)}
        aria-invalid=${errors['ship-date'] ? 'true' : 'false'}
        aria-describedby=${described(errors, 'ship-date')}
        @input=${(e: Event) => props.onChange({ shipDate: (e.target as HTMLInputElement).value })}
      />
      ${renderError(errors, 'ship-date')}
    </div>
  </div>`;
}

export function renderLines(props: LinesProps): TemplateResult {
  const { scope } = props.draft;
  return html`${renderScope(props)} ${scope === 'invoice' ? nothing : renderShipments(props)}
  ${scope === 'charges' ? renderCharges(props) : nothing} ${renderTracking(props)}`;
}
