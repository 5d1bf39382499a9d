/**
 * A date-range picker in a modal `<dialog>`, after the WAI-ARIA APG date
 * picker dialog: a month grid with one focusable day (roving tabindex).
 *
 * Keys in the grid: ← → a day, ↑ ↓ a week, Home / End the week's first and
 * last day, Page Up / Page Down a month (with Shift, a year), Enter or Space
 * picks the start and then the end. Escape cancels; the native dialog keeps
 * focus inside while it is open and gives it back to the button after.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { I18n } from './i18n.js';

const DAY = 86_400_000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (time: number) => new Date(time).toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => toIso(toTime(iso) + days * DAY);

export function addMonths(iso: string, months: number): string {
  const date = new Date(toTime(iso));
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return toIso(date.getTime());
}

/** First day of the week for a locale: 0 Sunday (US English), 1 Monday (French and most of Europe). */
function firstDayOfWeek(locale: string): number {
  const info = (new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number } }).getWeekInfo?.();
  if (info) return info.firstDay % 7;
  return locale.startsWith('en') ? 0 : 1;
}

export interface DateRange {
  from: string | null;
  to: string | null;
}

type Host = ReactiveControllerHost & HTMLElement;

export class DateRangePickerController implements ReactiveController {
  readonly #host: Host;
  readonly #id: string;
  readonly #onApply: (range: DateRange) => void;
  #trigger: HTMLElement | null = null;
  #focused = toIso(Date.now());
  #start: string | null = null;
  #end: string | null = null;
  #focusPending = false;
  /** The grid renders only while open: it formats some forty dates, too much for every host update. */
  #opened = false;

  constructor(host: Host, id: string, onApply: (range: DateRange) => void) {
    this.#host = host;
    this.#id = id;
    this.#onApply = onApply;
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.#focusPending) return;
    this.#focusPending = false;
    this.#dialog()?.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
  }

  #dialog(): HTMLDialogElement | null {
    return (this.#host.shadowRoot?.getElementById(this.#id) as HTMLDialogElement | null) ?? null;
  }

  get isOpen(): boolean {
    return Boolean(this.#dialog()?.open);
  }

  open(trigger: HTMLElement, range: DateRange): void {
    this.#trigger = trigger;
    this.#start = range.from;
    this.#end = range.to;
    this.#focused = range.from ?? toIso(Date.now());
    this.#opened = true;
    this.#dialog()?.showModal();
    this.#focusPending = true;
    this.#host.requestUpdate();
  }

  #close(): void {
    this.#dialog()?.close();
  }

  #onClose = () => {
    this.#opened = false;
    this.#trigger?.focus();
    this.#host.requestUpdate();
  };

  #pick(iso: string): void {
    if (!this.#start || this.#end) {
      this.#start = iso;
      this.#end = null;
    } else if (iso < this.#start) {
      this.#end = this.#start;
      this.#start = iso;
    } else {
      this.#end = iso;
    }
    this.#focused = iso;
    this.#host.requestUpdate();
  }

  #moveTo(iso: string): void {
    this.#focused = iso;
    this.#focusPending = true;
    this.#host.requestUpdate();
  }

  #keydown(event: KeyboardEvent, weekStart: number): void {
    const day = new Date(toTime(this.#focused)).getUTCDay();
    const offset = (day - weekStart + 7) % 7;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(this.#focused, -1),
      ArrowRight: () => addDays(this.#focused, 1),
      ArrowUp: () => addDays(this.#focused, -7),
      ArrowDown: () => addDays(this.#focused, 7),
      Home: () => addDays(this.#focused, -offset),
      End: () => addDays(this.#focused, 6 - offset),
      PageUp: () => addMonths(this.#focused, event.shiftKey ? -12 : -1),
      PageDown: () => addMonths(this.#focused, event.shiftKey ? 12 : 1),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.#moveTo(move());
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#pick(this.#focused);
    }
  }

  render(
    i18n: I18n,
    labels: {
      title: string;
      apply: string;
      cancel: string;
      clear: string;
      previous: string;
      next: string;
      from: string;
      to: string;
      hint: string;
    },
  ): TemplateResult {
    return html`<dialog
      id=${this.#id}
      class="date-picker"
      aria-labelledby="${this.#id}-title"
      part="date-picker"
      @close=${this.#onClose}
    >
      ${this.#opened ? this.#renderContent(i18n, labels) : nothing}
    </dialog>`;
  }

  #renderContent(
    i18n: I18n,
    labels: Record<'title' | 'apply' | 'cancel' | 'clear' | 'previous' | 'next' | 'from' | 'to' | 'hint', string>,
  ): TemplateResult {
    const weekStart = firstDayOfWeek(i18n.locale);
    const focused = new Date(toTime(this.#focused));
    const year = focused.getUTCFullYear();
    const month = focused.getUTCMonth();
    const first = Date.UTC(year, month, 1);
    const lead = (new Date(first).getUTCDay() - weekStart + 7) % 7;
    const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const monthName = new Intl.DateTimeFormat(i18n.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      first,
    );
    const longDate = new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'full', timeZone: 'UTC' });
    const weekday = new Intl.DateTimeFormat(i18n.locale, { weekday: 'short', timeZone: 'UTC' });
    const weekdayLong = new Intl.DateTimeFormat(i18n.locale, { weekday: 'long', timeZone: 'UTC' });
    // 2023-01-01 was a Sunday: walk the week from there.
    const names = Array.from({ length: 7 }, (_, i) => Date.UTC(2023, 0, 1 + ((weekStart + i) % 7)));
    const cells: (string | null)[] = [
      ...Array.from({ length: lead }, () => null),
      ...Array.from({ length: days }, (_, i) => toIso(first + i * DAY)),
    ];
    while (cells.length % 7) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
    const inRange = (iso: string) =>
      this.#start !== null && (iso === this.#start || (this.#end !== null && iso >= this.#start && iso <= this.#end));
    const summary = this.#start
      ? `${labels.from} ${i18n.date(this.#start)}${this.#end ? ` — ${labels.to} ${i18n.date(this.#end)}` : ''}`
      : labels.hint;
    return html`
      <h2 id="${this.#id}-title" class="picker-title">${labels.title}</h2>
      <div class="picker-header">
        <button
          type="button"
          class="button"
          aria-label=${labels.previous}
          @click=${() => this.#moveTo(addMonths(this.#focused, -1))}
        >
          ‹
        </button>
        <h3 id="${this.#id}-month" aria-live="polite">${monthName}</h3>
        <button
          type="button"
          class="button"
          aria-label=${labels.next}
          @click=${() => this.#moveTo(addMonths(this.#focused, 1))}
        >
          ›
        </button>
      </div>
      <table
        role="grid"
        aria-labelledby="${this.#id}-month"
        @keydown=${(e: KeyboardEvent) => this.#keydown(e, weekStart)}
      >
        <thead>
          <tr>
            ${names.map((d) => html`<th scope="col" abbr=${weekdayLong.format(d)}>${weekday.format(d)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) =>
              html`<tr>
                ${week.map((iso) =>
                  iso
                    ? html`<td
                        tabindex=${iso === this.#focused ? '0' : '-1'}
                        aria-selected=${inRange(iso) ? 'true' : 'false'}
                        aria-label=${longDate.format(toTime(iso))}
                        class=${[iso === this.#start || iso === this.#end ? 'edge' : '', inRange(iso) ? 'in-range' : ''].join(' ')}
                        data-date=${iso}
                        @click=${() => this.#pick(iso)}
                      >
                        ${Number(iso.slice(8))}
                      </td>`
                    : html`<td></td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="picker-summary" role="status">${summary}</p>
      <div class="picker-actions">
        <button
          type="button"
          class="button"
          @click=${() => {
            this.#start = this.#end = null;
            this.#host.requestUpdate();
          }}
        >
          ${labels.clear}
        </button>
        <span class="spacer"></span>
        <button type="button" class="button" @click=${() => this.#close()}>${labels.cancel}</button>
        <button
          type="button"
          class="button primary"
          @click=${() => {
            this.#onApply({ from: this.#start, to: this.#end ?? this.#start });
            this.#close();
          }}
        >
          ${labels.apply}
        </button>
      </div>
    `;
  }
}
