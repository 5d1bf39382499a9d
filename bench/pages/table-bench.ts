/**
 * Runs in the browser (bundled by bench/table-render.ts): times the invoice
 * table in data mode with generated invoices. Each measure ends when the
 * frame showing the result has been produced, not when JavaScript returns.
 */
import type { Invoice } from '../../src/api/schemas/invoice.js';
import '../../src/ups-invoice-table.js';
import type { UpsInvoiceTable } from '../../src/elements/invoice-table/invoice-table.js';

function invoices(count: number): Invoice[] {
  return Array.from({ length: count }, (_, i) => {
    const amount = ((i * 7919) % 250_000) + 500;
    return {
      number: `HOST${String(i).padStart(8, '0')}`,
      accountNumber: ['A10001', 'A10002', 'A10003', 'A10004'][i % 4]!,
      planNumber: null,
      invoiceDate: new Date(Date.UTC(2026, 0, 1) + (i % 330) * 86_400_000).toISOString().slice(0, 10),
      dueDate: new Date(Date.UTC(2026, 0, 15) + (i % 330) * 86_400_000).toISOString().slice(0, 10),
      type: i % 4 ? 'delivery_service' : 'import',
      amount: { amount, currency: 'USD' },
      amountDue: { amount, currency: 'USD' },
      status: i % 7 ? 'open' : 'past_due',
      inDispute: i % 97 === 0,
      autopay: i % 11 === 0,
      reference: i % 3 ? null : `PO-${10_000 + (i % 90_000)}`,
      controlId: null,
    };
  });
}

/** Resolves after the next frame has been rendered (a task queued from rAF runs after paint). */
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const rows = (table: UpsInvoiceTable) => table.shadowRoot!.querySelectorAll('.frame tbody tr').length;

async function run(count: number) {
  document.body.replaceChildren();
  const items = invoices(count);
  const table = document.createElement('ups-invoice-table');
  document.body.append(table);
  await nextPaint();

  let start = performance.now();
  table.items = items;
  await table.updateComplete;
  await nextPaint();
  const firstRender = performance.now() - start;

  const sortButton = [...table.shadowRoot!.querySelectorAll<HTMLButtonElement>('th .sort')].find(
    (b) => b.textContent!.trim() === 'Amount',
  )!;
  start = performance.now();
  sortButton.click();
  await table.updateComplete;
  await nextPaint();
  const sort = performance.now() - start;

  // Scroll 10 rows a frame (a fast wheel) for 240 frames, measuring each frame's main-thread work:
  // from the frame's start (rAF) to the end of its rendering (a task queued from rAF runs after paint).
  const scroller = table.shadowRoot!.querySelector<HTMLElement>('.frame')!;
  const work: number[] = [];
  const intervals: number[] = [];
  let maxRows = 0;
  let last = 0;
  await new Promise<void>((resolve) => {
    let frames = 0;
    const step = (now: number) => {
      if (last) intervals.push(now - last);
      last = now;
      const frameStart = performance.now();
      scroller.scrollTop += 400;
      setTimeout(() => {
        work.push(performance.now() - frameStart);
        maxRows = Math.max(maxRows, rows(table));
      }, 0);
      if (++frames < 240) requestAnimationFrame(step);
      else setTimeout(resolve, 50);
    };
    requestAnimationFrame(step);
  });
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
  return { firstRender, sort, scrollWorkP95: p95(work), frameIntervalP95: p95(intervals), maxRows };
}

(window as unknown as { bench: typeof run }).bench = run;
document.title = 'ready';
