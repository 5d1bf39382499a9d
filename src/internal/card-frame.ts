/**
 * The host side of the isolated card frame: renders the `<iframe>`, talks to
 * it by `postMessage` (checking the frame's origin and window both ways),
 * sizes it to its content, and asks it for a token. Card data never reaches
 * this side: only the token, the brand and the last four digits.
 *
 * It works wherever an iframe does — in shadow roots at any depth and in a
 * `<dialog>` — which hosted fields relying on the light DOM do not.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** Kept in step with server/card-frame/messages.ts; the library does not import server code. */
const FRAME_SOURCE = 'ups-card-frame';
const PARENT_SOURCE = 'ups-card-parent';

export type CardField = 'holder' | 'number' | 'expiry' | 'cvc' | 'postalCode';
export const CARD_FIELDS: readonly CardField[] = ['holder', 'number', 'expiry', 'cvc', 'postalCode'];

export interface CardToken {
  token: string;
  method: { type: 'card'; brand: string | null; last4: string | null };
  expMonth: number | null;
  expYear: number | null;
}

/** Why a card could not be tokenized: field codes shown by the frame, or a problem code. */
export class CardFrameError extends Error {
  constructor(
    readonly fields: Partial<Record<CardField, string>>,
    readonly code: string | null,
    readonly retryAfter?: number,
  ) {
    super(code ?? 'card fields invalid');
  }
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The frame's height before it has told its own, kept in step with frame.css:
 * four rows of label (18) + gap (3) + input (38), three row gaps of 10, and
 * 2 px of padding above and below. The frame only grows when it shows errors.
 */
const INITIAL_HEIGHT = 4 * (18 + 3 + 38) + 3 * 10 + 2 * 2;
const TIMEOUT_MS = 30_000;

export class CardFrameController implements ReactiveController {
  readonly #host: Host;
  #src = '';
  #origin = '';
  #height = INITIAL_HEIGHT;
  #pending: { resolve: (token: CardToken) => void; reject: (error: Error) => void; timer: number } | null = null;
  /** Field codes the frame last reported, for the host's error summary. */
  errors: Partial<Record<CardField, string>> = {};
  /** The frame window that said it is ready: a re-rendered iframe is a new window, not ready yet. */
  #readyWindow: MessageEventSource | null = null;
  #whenReady: (() => void)[] = [];

  get ready(): boolean {
    const frame = this.#frame();
    return Boolean(frame && this.#readyWindow && this.#readyWindow === frame.contentWindow);
  }

  /** Called when the payer presses Enter in the frame. */
  readonly #onSubmit: () => void;

  constructor(host: Host, onSubmit: () => void) {
    this.#host = host;
    this.#onSubmit = onSubmit;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('message', this.#onMessage);
  }

  hostDisconnected(): void {
    window.removeEventListener('message', this.#onMessage);
    this.#fail(new CardFrameError({}, 'cancelled'));
  }

  hostUpdated(): void {
    // The CSSOM, not a style attribute: a strict CSP allows it.
    this.#frame()?.style.setProperty('height', `${this.#height}px`);
  }

  /**
   * Points the frame at `url` (the server's card frame), for this page's
   * origin, locale and theme. The theme is the host element's: dark when the
   * provider's (or the page's) dark theme reached it, so the frame does not
   * show as a light panel in a dark form. A change of theme reloads the frame.
   */
  configure(url: string, base: string, options: { locale: string; theme?: string }): void {
    const target = new URL(url, new URL(base, location.href));
    target.searchParams.set('parent', location.origin);
    target.searchParams.set('locale', options.locale);
    const theme = options.theme ?? (getComputedStyle(this.#host).colorScheme.includes('dark') ? 'dark' : undefined);
    if (theme) target.searchParams.set('theme', theme);
    if (target.href !== this.#src) {
      this.#src = target.href;
      this.#origin = target.origin;
      this.#readyWindow = null;
      this.#whenReady = [];
    }
  }

  #frame(): HTMLIFrameElement | null {
    return this.#host.shadowRoot?.querySelector<HTMLIFrameElement>('iframe.card-frame') ?? null;
  }

  #post(message: Record<string, unknown>): void {
    this.#frame()?.contentWindow?.postMessage({ source: PARENT_SOURCE, ...message }, this.#origin);
  }

  #onMessage = (event: MessageEvent) => {
    const frame = this.#frame();
    // Only our frame's window, from its origin, speaking its protocol.
    if (!frame || event.source !== frame.contentWindow || event.origin !== this.#origin) return;
    const data = event.data as { source?: string; type?: string } & Record<string, unknown>;
    if (data?.source !== FRAME_SOURCE) return;
    switch (data.type) {
      case 'ready':
        this.#readyWindow = event.source;
        for (const run of this.#whenReady.splice(0)) run();
        this.#host.requestUpdate();
        break;
      case 'submit':
        this.#onSubmit();
        break;
      case 'resize':
        if (typeof data['height'] === 'number' && data['height'] > 0) {
          this.#height = Math.min(800, Math.ceil(data['height']));
          this.#host.requestUpdate();
        }
        break;
      case 'validation': {
        this.errors = (data['errors'] ?? {}) as Partial<Record<CardField, string>>;
        if (Object.keys(this.errors).length) this.#fail(new CardFrameError(this.errors, null));
        this.#host.requestUpdate();
        break;
      }
      case 'token': {
        const pending = this.#pending;
        this.#pending = null;
        if (pending) {
          clearTimeout(pending.timer);
          pending.resolve({
            token: String(data['token']),
            method: data['method'] as CardToken['method'],
            expMonth: (data['expMonth'] as number | null) ?? null,
            expYear: (data['expYear'] as number | null) ?? null,
          });
        }
        break;
      }
      case 'error':
        this.#fail(new CardFrameError({}, String(data['code']), data['retryAfter'] as number | undefined));
        break;
    }
  };

  #fail(error: Error): void {
    const pending = this.#pending;
    this.#pending = null;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
  }

  /** Asks the frame to check its fields and tokenize the card. Rejects with a `CardFrameError`. */
  tokenize(funding?: 'credit' | 'debit'): Promise<CardToken> {
    this.#fail(new CardFrameError({}, 'cancelled'));
    return new Promise<CardToken>((resolve, reject) => {
      const timer = window.setTimeout(() => this.#fail(new CardFrameError({}, 'timeout')), TIMEOUT_MS);
      this.#pending = { resolve, reject, timer };
      // A frame still loading has no listener yet: ask once it says it is ready.
      const ask = () => this.#post({ type: 'tokenize', ...(funding ? { funding } : {}) });
      if (this.ready) ask();
      else this.#whenReady.push(ask);
    });
  }

  /** Moves focus into the frame, to a field: the error summary's links use it. */
  focus(field: CardField): void {
    this.#frame()?.focus();
    this.#post({ type: 'focus', field });
  }

  render(title: string): TemplateResult {
    return html`<iframe class="card-frame" part="card-frame" title=${title} src=${this.#src} allow="payment"></iframe>`;
  }
}
