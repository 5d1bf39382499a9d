/**
 * Renders only the rows of a long table that are in view (plus a margin),
 * with a spacer row above and below standing in for the rest. Rows have one
 * fixed height, so the window is plain arithmetic on `scrollTop`: 100,000
 * rows keep a few dozen `<tr>` in the DOM and a native `<table>` for
 * assistive technology (with `aria-rowcount` / `aria-rowindex`).
 *
 * Spacer heights are set through the CSSOM, which a strict
 * Content-Security-Policy allows (a `style` attribute in markup it would not).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

export interface RowWindowOptions {
  /** The scrolling element, found in the host's shadow root. */
  scroller: () => HTMLElement | null | undefined;
  /** Rows rendered beyond each edge of the view, so fast scrolling rarely shows a gap. */
  overscan?: number;
  /** Row height before one can be measured, in px. */
  rowHeight?: number;
}

export class RowWindowController implements ReactiveController {
  readonly #host: Host;
  readonly #options: Required<RowWindowOptions>;
  #scroller: HTMLElement | null = null;
  #rowHeight: number;
  #measured = false;
  #viewport = 600;
  #start = 0;
  #end = 0;
  #count = 0;
  #frame = 0;
  /** The view's height changes rarely: observed, not read on every update (a read forces layout). */
  #resize = new ResizeObserver(([entry]) => {
    const height = entry?.contentRect.height;
    if (height && Math.abs(height - this.#viewport) > 1) {
      this.#viewport = height;
      this.#host.requestUpdate();
    }
  });

  constructor(host: Host, options: RowWindowOptions) {
    this.#host = host;
    this.#options = { overscan: 4, rowHeight: 40, ...options };
    this.#rowHeight = this.#options.rowHeight;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#scroller?.removeEventListener('scroll', this.#onScroll);
    this.#resize.disconnect();
    this.#scroller = null;
    cancelAnimationFrame(this.#frame);
  }

  hostUpdated(): void {
    const scroller = this.#options.scroller() ?? null;
    if (scroller !== this.#scroller) {
      this.#scroller?.removeEventListener('scroll', this.#onScroll);
      this.#resize.disconnect();
      this.#scroller = scroller;
      scroller?.addEventListener('scroll', this.#onScroll, { passive: true });
      if (scroller) this.#resize.observe(scroller);
    }
    if (!scroller) return;
    if (!this.#measured) {
      const row = scroller.querySelector('tbody tr:not(.spacer)');
      const height = row?.getBoundingClientRect().height;
      if (height) {
        this.#measured = true;
        if (Math.abs(height - this.#rowHeight) > 0.5) {
          this.#rowHeight = height;
          this.#host.requestUpdate();
        }
      }
    }
    // Heights go on the spacer cells themselves: a custom property on the
    // scroller would restyle every row beneath it on every frame.
    const before = this.#start * this.#rowHeight;
    const after = Math.max(0, this.#count - this.#end) * this.#rowHeight;
    const spacers = scroller.querySelectorAll<HTMLElement>('tr.spacer > td');
    spacers[0]?.style.setProperty('height', `${before}px`);
    spacers[1]?.style.setProperty('height', `${after}px`);
  }

  #onScroll = () => {
    // One check per frame, however many scroll events the frame brings.
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const { start, end } = this.#compute(this.#count);
      if (start !== this.#start || end !== this.#end) this.#host.requestUpdate();
    });
  };

  #compute(count: number): { start: number; end: number } {
    const top = this.#scroller?.scrollTop ?? 0;
    const visible = Math.ceil(this.#viewport / this.#rowHeight);
    const first = Math.floor(top / this.#rowHeight);
    const start = Math.max(0, Math.min(first - this.#options.overscan, count - visible - this.#options.overscan));
    const end = Math.min(count, first + visible + this.#options.overscan);
    return { start: Math.max(0, start), end: Math.max(end, Math.min(count, start + visible)) };
  }

  /** The slice of `count` rows to render now: `[start, end)`. Call it from `render()`. */
  range(count: number): { start: number; end: number } {
    this.#count = count;
    const { start, end } = this.#compute(count);
    this.#start = start;
    this.#end = end;
    return { start, end };
  }

  /** Scrolls the row at `index` into view, e.g. after keyboard navigation. */
  scrollToIndex(index: number): void {
    const scroller = this.#scroller;
    if (!scroller) return;
    const top = index * this.#rowHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + this.#rowHeight > scroller.scrollTop + this.#viewport - this.#rowHeight) {
      scroller.scrollTop = top - this.#viewport + 2 * this.#rowHeight;
    }
  }

  /** Back to the first row, e.g. after a new sort or filter. */
  reset(): void {
    if (this.#scroller) this.#scroller.scrollTop = 0;
  }
}
