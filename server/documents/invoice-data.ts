/**
 * Everything an invoice document shows, loaded in one place for the PDF, CSV
 * and XML writers. Only called for invoices the caller may see.
 */
import type { Charge, Shipment } from '../../src/api/schemas/invoice.js';
import type { Sql } from '../db/db.js';
import { type ChargeRow, type FoundInvoice, shipmentsOf, toCharge } from '../domain/invoices.js';

export interface InvoiceData {
  invoice: FoundInvoice;
  companyName: string;
  accountName: string;
  country: string;
  shipments: Shipment[];
  /** Charges billed on the invoice itself, not on a shipment. */
  charges: Charge[];
}

/** Shipments are read in pages so that an invoice with thousands of lines never needs one huge query. */
const PAGE = 500;

export async function loadInvoiceData(sql: Sql, invoice: FoundInvoice): Promise<InvoiceData> {
  const [names] = await sql.query<{ company: string; account: string; country: string }>(
    `select c.name as company, a.name as account, a.country from invoices i
       join companies c on c.id = i.company_id join accounts a on a.id = i.account_id where i.id = $1`,
    [invoice.id],
  );
  const shipments: Shipment[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await shipmentsOf(sql, invoice, offset, PAGE);
    shipments.push(...page);
    if (page.length < PAGE) break;
  }
  const charges = await sql.query<ChargeRow>(
    'select id, shipment_id, code, description, amount from charges where invoice_id = $1 and shipment_id is null order by id',
    [invoice.id],
  );
  return {
    invoice,
    companyName: names!.company,
    accountName: names!.account,
    country: names!.country,
    shipments,
    charges: charges.map((c) => toCharge(c, invoice.currency)),
  };
}
