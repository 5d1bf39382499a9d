/**
 * Disputes in <ups-invoice-detail>: the Dispute button of a shipment or
 * charge line (or its "In dispute" mark while an open dispute covers it),
 * and the Disputes section, which is a <ups-dispute-list> of this invoice.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DisputeStatus, DisputeSummary } from '../../api/schemas/dispute.js';
import type { Shipment } from '../../api/schemas/invoice.js';
import type { I18n } from '../../internal/i18n.js';
import { renderLoading } from '../../internal/load-views.js';
import type { MenuItem } from '../../internal/menu.js';

/** As the contract's OPEN_DISPUTE_STATUSES; a copy, so the detail's first render does not bundle the dispute schemas. */
const OPEN: readonly DisputeStatus[] = ['submitted', 'in_review'];

/** Shipment ids and charge ids under an open dispute. */
export interface OpenLines {
  shipments: ReadonlySet<string>;
  charges: ReadonlySet<string>;
}

export function openDisputeLines(disputes: readonly DisputeSummary[]): OpenLines {
  const shipments = new Set<string>();
  const charges = new Set<string>();
  for (const dispute of disputes) {
    if (!OPEN.includes(dispute.status)) continue;
    for (const id of dispute.shipmentIds) shipments.add(id);
    for (const id of dispute.chargeIds) charges.add(id);
  }
  return { shipments, charges };
}

export interface LineDisputeProps {
  i18n: I18n;
  /** What the button disputes, for assistive technology ("shipment 1Z…"). */
  what: string;
  /** Identifies the button for tests and focus (`shipment-<id>`, `charge-<id>`). */
  id: string;
  inDispute: boolean;
  /** The caller may dispute (not a viewer) and the invoice can be disputed (not a credit). */
  canDispute: boolean;
  onDispute: (opener: HTMLElement) => void;
}

export function renderLineDispute(props: LineDisputeProps): TemplateResult | typeof nothing {
  const { i18n } = props;
  const mark = props.inDispute
    ? html`<span class="flag dispute">${i18n.t('invoiceDetail.line.inDispute')}</span>`
    : nothing;
  if (!props.canDispute) return mark;
  // Under an open dispute the line cannot be disputed again: the server would refuse it.
  return html`${mark}<button
      type="button"
      class="button small"
      data-dispute=${props.id}
      ?disabled=${props.inDispute}
      @click=${(e: Event) => props.onDispute(e.currentTarget as HTMLElement)}
    >
      ${i18n.t('invoiceDetail.line.dispute')} <span class="visually-hidden">${props.what}</span>
    </button>`;
}

/**
 * A shipment's dispute menu: the whole shipment, or one of its charge lines
 * (a residential surcharge, say). Lines under an open dispute stay listed, disabled.
 */
export function shipmentDisputeItems(i18n: I18n, shipment: Shipment, open: OpenLines): MenuItem[] {
  const marked = (label: string, inDispute: boolean) =>
    inDispute ? i18n.t('invoiceDetail.line.menuInDispute', { label }) : label;
  return [
    {
      id: 'shipment',
      label: marked(i18n.t('invoiceDetail.line.wholeShipment'), open.shipments.has(shipment.id)),
      disabled: open.shipments.has(shipment.id),
    },
    ...shipment.charges.map((charge) => ({
      id: `charge:${charge.id}`,
      label: marked(`${charge.description} ${i18n.money(charge.amount)}`, open.charges.has(charge.id)),
      disabled: open.charges.has(charge.id),
    })),
  ];
}

export interface ShipmentDisputeProps {
  i18n: I18n;
  shipment: Shipment;
  open: OpenLines;
  canDispute: boolean;
  menuOpen: boolean;
  /** Click or key on the menu button. */
  onMenu: (event: Event) => void;
}

/** A shipment's "Dispute" menu button, or its "In dispute" mark while the whole shipment is disputed. */
export function renderShipmentDispute(props: ShipmentDisputeProps): TemplateResult | typeof nothing {
  const { i18n, shipment } = props;
  const inDispute = props.open.shipments.has(shipment.id);
  const mark = inDispute ? html`<span class="flag dispute">${i18n.t('invoiceDetail.line.inDispute')}</span>` : nothing;
  if (!props.canDispute) return mark;
  return html`${mark}<button
      type="button"
      class="button small"
      data-dispute="shipment-${shipment.id}"
      aria-haspopup="menu"
      aria-expanded=${props.menuOpen ? 'true' : 'false'}
      ?disabled=${inDispute}
      @click=${props.onMenu}
      @keydown=${props.onMenu}
    >
      ${i18n.t('invoiceDetail.line.dispute')}
      <span class="visually-hidden">
        ${i18n.t('invoiceDetail.line.disputeShipment', { tracking: shipment.trackingNumber })}
      </span>
      <span aria-hidden="true">▾</span>
    </button>`;
}

export interface DisputesProps {
  i18n: I18n;
  number: string;
  /** The invoice's disputes; null until known. */
  disputes: readonly DisputeSummary[] | null;
  /** `<ups-dispute-list>` is defined. */
  ready: boolean;
  locale: string | undefined;
  /** A dispute was withdrawn from the list. */
  onChange: () => void;
}

export function renderDisputes(props: DisputesProps): TemplateResult | typeof nothing {
  if (!props.disputes?.length) return nothing;
  return html`<div class="disputes" @ups-dispute-change=${props.onChange}>
    ${
      props.ready
        ? html`<ups-dispute-list invoice-number=${props.number} locale=${props.locale ?? nothing}></ups-dispute-list>`
        : renderLoading(props.i18n.t('invoiceDetail.disputes.loading'), 'loading-block')
    }
  </div>`;
}
