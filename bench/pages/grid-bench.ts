/**
 * Runs in the browser, shared by the three table pages that bench/table-render.ts
 * bundles: <ups-invoice-table>, @vaadin/grid and ag-grid-community. Each page
 * only says how to mount its grid, give it rows, find its sort header, scroller
 * and rendered rows; the data, the measures and the clock are the same code for
 * all three, so a difference in figures is a difference between the grids.
 *
 * Each measure ends at the end of the frame that shows the result: the
 * condition (the expected invoice numbers are in the DOM) is checked after that
 * frame's layout, in a ResizeObserver callback, and the end is taken in a task
 * queued from there, which runs once the frame has been painted and committed.
 * performance.mark() brackets each measure so that table-render.ts can find
 * the same stretches in the Chrome trace.
 */
import type { Invoice } from '../../src/api/schemas/invoice.js';

/** The same 100,000 (or --items) invoices for every grid: a pure function of the index. */
export function invoices(count: number): Invoice[] {
  return Array.from({ length: count }, (_, i) => {
    // 7919 is prime to 250,000: amounts are distinct for the first 250,000 invoices, so the sorted order is unique.
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

/*
 * The anchors show the cells as <ups-invoice-table> does (its English i18n:
 * medium dates in UTC, USD from minor units, the status label), so that every
 * grid formats the same strings per cell rather than the anchors printing raw values.
 */
const dates = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' });
export const format = {
  date: (iso: string) => dates.format(new Date(`${iso}T00:00:00Z`)),
  money: (minor: number) => usd.format(minor / 100),
  status: (status: Invoice['status']) => (status === 'past_due' ? 'Past due' : 'Open'),
};

/** The visible height every grid gets: <ups-invoice-table>'s scrolling frame at its defaults (13 × 40 px + 56 px). */
export const GRID_HEIGHT = 576;
/** Every grid's row height, so that a scroll of 400 px brings 10 new rows into each. */
export const ROW_HEIGHT = 40;

export interface GridAdapter {
  /** Creates the grid with its columns and no rows, inside `host`. */
  mount(host: HTMLElement): void | Promise<void>;
  /** Gives the grid all the rows, client-side (data mode). */
  setItems(items: Invoice[]): void;
  /** The invoice numbers in the rendered rows, in any order. */
  renderedNumbers(): string[];
  /** What a user clicks to sort by amount (ascending on the first click in all three grids). */
  amountHeader(): HTMLElement;
  /** The element that scrolls the rows vertically. */
  scroller(): HTMLElement;
  /** Row elements in the DOM now (the windowing's size). */
  rowElements(): number;
}

export interface Sample {
  firstRender: number;
  sort: number;
  scrollWorkP95: number;
  frameIntervalP95: number;
  maxRows: number;
}

const task = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Resolves in the next frame after its layout (and after the grids' own
 * ResizeObservers, which were created earlier and are notified first), before paint.
 */
const afterLayout = () =>
  new Promise<void>((resolve) => {
    // A new observer is always notified once, in the next rendering update.
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(document.documentElement);
    // Makes sure there is a next frame even if nothing else asks for one.
    requestAnimationFrame(() => {});
  });

/** Resolves at the end of the first frame whose layout satisfies `done`. */
async function painted(done: () => boolean): Promise<void> {
  for (;;) {
    await afterLayout();
    if (done()) return task();
  }
}

/** Resolves after the next frame has been rendered (a task queued from rAF runs after paint). */
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const showsAll = (adapter: GridAdapter, numbers: string[]) => {
  const rendered = new Set(adapter.renderedNumbers());
  return numbers.every((n) => rendered.has(n));
};

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

/** Scroll: 400 px (10 rows) a frame, as a fast wheel, for 240 frames. */
export const SCROLL_STEP = 400;
export const SCROLL_FRAMES = 240;

/** First render and sort, untraced; leaves the grid sorted at the top for `scroll`. */
async function renderAndSort(adapter: GridAdapter, count: number): Promise<Pick<Sample, 'firstRender' | 'sort'>> {
  document.body.replaceChildren();
  const items = invoices(count);
  // What the sort waits for, worked out before the clock starts: the first rows by amount.
  const byAmount = items
    .slice()
    .sort((a, b) => a.amount.amount - b.amount.amount)
    .slice(0, 5)
    .map((i) => i.number);
  const host = document.createElement('div');
  host.className = 'grid-host';
  document.body.append(host);
  await adapter.mount(host);
  await nextPaint();
  await nextPaint();

  performance.mark('bench:first-render:start');
  let start = performance.now();
  adapter.setItems(items);
  // Any rows: <ups-invoice-table> shows the latest invoices first (its default sort), the anchors the array's order.
  await painted(() => adapter.renderedNumbers().length >= 10);
  const firstRender = performance.now() - start;
  performance.mark('bench:first-render:end');
  await nextPaint();

  const header = adapter.amountHeader();
  performance.mark('bench:sort:start');
  start = performance.now();
  header.click();
  await painted(() => showsAll(adapter, byAmount));
  const sort = performance.now() - start;
  performance.mark('bench:sort:end');
  await nextPaint();
  return { firstRender, sort };
}

/** The scroll, run on its own so that table-render.ts traces it alone. */
async function scroll(adapter: GridAdapter): Promise<Omit<Sample, 'firstRender' | 'sort'>> {
  await nextPaint();
  // Each frame's main-thread work in the page's clock: from the frame's start (rAF) to the end of its rendering.
  // It leaves out the scroll event handlers (they run before rAF): table-render.ts takes the figures it reports
  // from the trace of this stretch, and prints these beside them only as a cross-check.
  const scroller = adapter.scroller();
  const work: number[] = [];
  const intervals: number[] = [];
  let maxRows = adapter.rowElements();
  let last = 0;
  performance.mark('bench:scroll:start');
  await new Promise<void>((resolve) => {
    let frames = 0;
    const step = (now: number) => {
      if (last) intervals.push(now - last);
      last = now;
      const frameStart = performance.now();
      scroller.scrollTop += SCROLL_STEP;
      setTimeout(() => {
        work.push(performance.now() - frameStart);
        maxRows = Math.max(maxRows, adapter.rowElements());
      }, 0);
      if (++frames < SCROLL_FRAMES) requestAnimationFrame(step);
      else setTimeout(resolve, 50);
    };
    requestAnimationFrame(step);
  });
  performance.mark('bench:scroll:end');
  return { scrollWorkP95: p95(work), frameIntervalP95: p95(intervals), maxRows };
}

export interface BenchWindow {
  bench: {
    renderAndSort: (count: number) => ReturnType<typeof renderAndSort>;
    scroll: () => ReturnType<typeof scroll>;
  };
}

/** Exposes `window.bench` for table-render.ts and says the page is ready. */
export function registerBench(adapter: GridAdapter): void {
  (window as unknown as BenchWindow).bench = {
    renderAndSort: (count) => renderAndSort(adapter, count),
    scroll: () => scroll(adapter),
  };
  document.title = 'ready';
}
