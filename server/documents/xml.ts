/**
 * The XML billing data file: one invoice per document, valid against
 * `invoice.xsd` (the tests check every file they produce). Text goes
 * through `escape`, and characters XML 1.0 cannot hold are dropped.
 */
import type { Charge } from '../../src/api/schemas/invoice.js';
import { toDecimal } from './decimal.js';
import type { InvoiceData } from './invoice-data.js';

export const XML_NAMESPACE = 'urn:ups-billing-elements:invoice:1';

// Control characters other than tab, LF and CR are not allowed in XML 1.0 at all.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escape(text: string): string {
  return text
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const element = (name: string, value: string | null | undefined, indent: string): string =>
  value === null || value === undefined ? '' : `${indent}<${name}>${escape(value)}</${name}>\n`;

export function invoiceXml(data: InvoiceData): string {
  const { invoice } = data;
  const money = (amount: number) => toDecimal(amount, invoice.currency);
  const charges = (list: Charge[], indent: string) =>
    list
      .map(
        (c) =>
          `${indent}<Charge>\n${element('Code', c.code, `${indent}  `)}${element('Description', c.description, `${indent}  `)}${element('Amount', money(c.amount.amount), `${indent}  `)}${indent}</Charge>\n`,
      )
      .join('');
  const shipments = data.shipments
    .map((s) => {
      const i = '      ';
      return (
        `    <Shipment>\n` +
        element('TrackingNumber', s.trackingNumber, i) +
        element('ShipDate', s.shipDate, i) +
        element('Service', s.service, i) +
        `${i}<BilledWeight unit="${s.weightUnit}">${s.billedWeight}</BilledWeight>\n` +
        `${i}<Sender>\n${element('City', s.sender.city, `${i}  `)}${element('Country', s.sender.country, `${i}  `)}${i}</Sender>\n` +
        `${i}<Receiver>\n${element('City', s.receiver.city, `${i}  `)}${element('Country', s.receiver.country, `${i}  `)}${i}</Receiver>\n` +
        element('Reference', s.reference, i) +
        `${i}<Charges>\n${charges(s.charges, `${i}  `)}${i}</Charges>\n` +
        element('Total', money(s.total.amount), i) +
        `    </Shipment>\n`
      );
    })
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Invoice xmlns="${XML_NAMESPACE}" version="1">\n` +
    element('Number', invoice.number, '  ') +
    element('AccountNumber', invoice.account_number, '  ') +
    element('AccountName', data.accountName, '  ') +
    element('PlanNumber', invoice.plan_number, '  ') +
    element('InvoiceDate', invoice.invoice_date, '  ') +
    element('DueDate', invoice.due_date, '  ') +
    element('Type', invoice.type, '  ') +
    element('Status', invoice.status, '  ') +
    element('Currency', invoice.currency, '  ') +
    element('Reference', invoice.reference, '  ') +
    element('ControlId', invoice.control_id, '  ') +
    `  <Shipments>\n${shipments}  </Shipments>\n` +
    `  <InvoiceCharges>\n${charges(data.charges, '    ')}  </InvoiceCharges>\n` +
    element('Amount', money(invoice.amount), '  ') +
    element('AmountDue', money(invoice.amount_due), '  ') +
    `</Invoice>\n`
  );
}
