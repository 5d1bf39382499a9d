/**
 * The printable invoice as a real PDF (pdf-lib, standard fonts): header,
 * amounts, then every shipment with its charge lines, over as many pages as
 * it takes, each numbered. Letter paper for US accounts, A4 elsewhere.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Charge } from '../../src/api/schemas/invoice.js';
import type { InvoiceData } from './invoice-data.js';

const LETTER: [number, number] = [612, 792];
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const BROWN = rgb(0.21, 0.11, 0.08);
const MUTED = rgb(0.35, 0.35, 0.38);
const RULE = rgb(0.8, 0.79, 0.76);

const TYPE_LABELS: Record<string, string> = {
  delivery_service: 'Delivery service',
  import: 'Import duties and taxes',
  freight: 'Freight',
  adjustment: 'Adjustment',
};
const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  past_due: 'Past due',
  payment_scheduled: 'Payment scheduled',
  payment_pending: 'Payment pending',
  paid: 'Paid',
  payment_returned: 'Payment returned',
  closed: 'Closed',
};

/** Characters the standard fonts' WinAnsi encoding has beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Standard PDF fonts cannot draw every character: map or replace the rest. */
export function winAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/[\u202F\u2009]/g, '\u00A0')) {
    const code = char.codePointAt(0)!;
    const latin1 = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff);
    out += latin1 || WIN_ANSI_EXTRA.has(char) ? char : '?';
  }
  return out;
}

interface Column {
  x: number;
  width: number;
  align?: 'right';
}

export async function invoicePdf(data: InvoiceData): Promise<Uint8Array> {
  const { invoice } = data;
  const locale = data.country === 'US' ? 'en-US' : 'fr-FR';
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: invoice.currency });
  const digits = moneyFormat.resolvedOptions().maximumFractionDigits ?? 2;
  const money = (amount: number) => moneyFormat.format(amount / 10 ** digits);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const date = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));

  const pdf = await PDFDocument.create();
  pdf.setTitle(`Invoice ${invoice.number}`);
  pdf.setAuthor('UPS Billing Center');
  pdf.setSubject(`${data.companyName} — account ${invoice.account_number}`);
  pdf.setCreationDate(new Date(`${invoice.invoice_date}T00:00:00Z`));
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const size = data.country === 'US' ? LETTER : A4;
  const [width, height] = size;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;

  const text = (
    value: string,
    x: number,
    at: number,
    options: { font?: PDFFont; size?: number; color?: typeof MUTED; right?: number } = {},
  ) => {
    const font = options.font ?? regular;
    const fontSize = options.size ?? 9;
    const safe = winAnsi(value);
    const drawX = options.right !== undefined ? options.right - font.widthOfTextAtSize(safe, fontSize) : x;
    page.drawText(safe, { x: drawX, y: at, size: fontSize, font, color: options.color ?? rgb(0.1, 0.1, 0.12) });
  };

  const columns: Column[] = [
    { x: MARGIN, width: 120 },
    { x: MARGIN + 122, width: 62 },
    { x: MARGIN + 186, width: 110 },
    { x: MARGIN + 298, width: 48, align: 'right' },
    { x: MARGIN + 352, width: 80 },
    { x: width - MARGIN - 80, width: 80, align: 'right' },
  ];
  const cell = (index: number, value: string, at: number, font: PDFFont = regular) => {
    const column = columns[index]!;
    if (column.align === 'right') text(value, 0, at, { font, right: column.x + column.width });
    else text(value, column.x, at, { font });
  };
  const tableHeader = () => {
    ['Tracking number', 'Ship date', 'Service', 'Weight', 'Charge', 'Amount'].forEach((label, i) =>
      cell(i, label, y, bold),
    );
    y -= 6;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: width - MARGIN, y }, thickness: 0.6, color: RULE });
    y -= 12;
  };
  const newPage = (withTableHeader: boolean) => {
    page = pdf.addPage(size);
    pages.push(page);
    y = height - MARGIN;
    if (pages.length > 1) {
      text(`Invoice ${invoice.number} (continued)`, MARGIN, y, { font: bold, size: 10 });
      y -= 24;
      if (withTableHeader) tableHeader();
    }
  };
  /** Keeps `lines` rows together, starting a page when they would not fit. */
  const room = (lines: number) => {
    if (y - lines * 12 < MARGIN + 24) newPage(true);
  };

  newPage(false);
  page.drawRectangle({ x: 0, y: height - 8, width, height: 8, color: BROWN });
  text('Invoice', MARGIN, y - 6, { font: bold, size: 22, color: BROWN });
  text(data.companyName, 0, y - 2, { font: bold, size: 11, right: width - MARGIN });
  text(`${data.accountName}`, 0, y - 16, { size: 9, right: width - MARGIN, color: MUTED });
  y -= 30;
  text(`Invoice number ${invoice.number}`, MARGIN, y, { font: bold, size: 11 });
  y -= 26;

  const facts: [string, string][] = [
    ['Invoice date', date(invoice.invoice_date)],
    ['Due date', date(invoice.due_date)],
    ['Type', TYPE_LABELS[invoice.type] ?? invoice.type],
    ['Status', STATUS_LABELS[invoice.status] ?? invoice.status],
    ['Account', invoice.account_number],
    ['Plan', invoice.plan_number ?? '—'],
    ['Reference', invoice.reference ?? '—'],
    ['Control ID', invoice.control_id ?? '—'],
  ];
  facts.forEach(([label, value], i) => {
    const x = MARGIN + (i % 4) * 128;
    const row = y - Math.floor(i / 4) * 30;
    text(label, x, row, { size: 8, color: MUTED });
    text(value, x, row - 12, { font: bold, size: 10 });
  });
  y -= 70;
  page.drawRectangle({ x: MARGIN, y: y - 10, width: width - 2 * MARGIN, height: 40, color: rgb(0.96, 0.95, 0.93) });
  text('Total', MARGIN + 12, y + 12, { size: 9, color: MUTED });
  text(money(invoice.amount), MARGIN + 12, y - 2, { font: bold, size: 14 });
  text('Amount due', MARGIN + 240, y + 12, { size: 9, color: MUTED });
  text(money(invoice.amount_due), MARGIN + 240, y - 2, { font: bold, size: 14 });
  y -= 44;

  if (data.shipments.length) {
    text(`Shipments (${data.shipments.length})`, MARGIN, y, { font: bold, size: 11 });
    y -= 18;
    tableHeader();
    for (const shipment of data.shipments) {
      room(shipment.charges.length + 1);
      shipment.charges.forEach((charge, i) => {
        if (i === 0) {
          cell(0, shipment.trackingNumber, y);
          cell(1, date(shipment.shipDate), y);
          cell(2, shipment.service, y);
          cell(3, `${shipment.billedWeight} ${shipment.weightUnit}`, y);
        }
        cell(4, charge.description, y);
        cell(5, money(charge.amount.amount), y);
        y -= 12;
      });
      cell(4, 'Shipment total', y, bold);
      cell(5, money(shipment.total.amount), y, bold);
      y -= 16;
    }
  }
  if (data.charges.length) {
    room(data.charges.length + 2);
    y -= 6;
    text('Invoice charges', MARGIN, y, { font: bold, size: 11 });
    y -= 16;
    data.charges.forEach((charge: Charge) => {
      room(1);
      cell(4, charge.description, y);
      cell(5, money(charge.amount.amount), y);
      y -= 12;
    });
  }
  room(2);
  y -= 6;
  page.drawLine({
    start: { x: MARGIN, y: y + 10 },
    end: { x: width - MARGIN, y: y + 10 },
    thickness: 0.6,
    color: RULE,
  });
  cell(4, 'Invoice total', y, bold);
  cell(5, money(invoice.amount), y, bold);

  pages.forEach((p, i) => {
    page = p;
    text(`Page ${i + 1} of ${pages.length}`, 0, MARGIN - 24, { size: 8, color: MUTED, right: width - MARGIN });
    text('UPS Billing Center', MARGIN, MARGIN - 24, { size: 8, color: MUTED });
  });
  return pdf.save();
}
