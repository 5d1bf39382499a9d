/**
 * The billing data file in CSV: the header once, then one row per charge
 * line, RFC 4180 quoting, CRLF line ends. Text cells that a spreadsheet
 * would run as a formula (starting with = + - @, tab or CR) are prefixed
 * with an apostrophe; numbers we write ourselves are left as numbers.
 */
import type { Charge, Shipment } from '../../src/api/schemas/invoice.js';
import { toDecimal } from './decimal.js';
import type { InvoiceData } from './invoice-data.js';

export const CSV_COLUMNS = [
  'invoice_number',
  'account_number',
  'plan_number',
  'invoice_date',
  'due_date',
  'invoice_type',
  'currency',
  'invoice_reference',
  'tracking_number',
  'ship_date',
  'service',
  'billed_weight',
  'weight_unit',
  'sender_city',
  'sender_country',
  'receiver_city',
  'receiver_country',
  'shipment_reference',
  'charge_code',
  'charge_description',
  'charge_amount',
] as const;

/** A value we produced as a number: safe in a spreadsheet as it is. */
type NumberCell = { number: string };
type Cell = string | null | NumberCell;

export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'string' ? neutralise(cell) : cell.number;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function invoiceCsv(data: InvoiceData): string {
  const { invoice } = data;
  const head: Cell[] = [
    invoice.number,
    invoice.account_number,
    invoice.plan_number,
    invoice.invoice_date,
    invoice.due_date,
    invoice.type,
    invoice.currency,
    invoice.reference,
  ];
  const row = (shipment: Shipment | null, charge: Charge): string =>
    [
      ...head,
      shipment?.trackingNumber ?? null,
      shipment?.shipDate ?? null,
      shipment?.service ?? null,
      shipment ? { number: String(shipment.billedWeight) } : null,
      shipment?.weightUnit ?? null,
      shipment?.sender.city ?? null,
      shipment?.sender.country ?? null,
      shipment?.receiver.city ?? null,
      shipment?.receiver.country ?? null,
      shipment?.reference ?? null,
      charge.code,
      charge.description,
      { number: toDecimal(charge.amount.amount, invoice.currency) },
    ]
      .map(csvCell)
      .join(',');
  const lines = [CSV_COLUMNS.join(',')];
  for (const shipment of data.shipments) for (const charge of shipment.charges) lines.push(row(shipment, charge));
  for (const charge of data.charges) lines.push(row(null, charge));
  return `${lines.join('\r\n')}\r\n`;
}
