/**
 * Forms keep the failure they show as text: the field messages by their
 * fields, the error summary with its links. Text does not change language,
 * so when the provider's locale (or its message overrides) changes while a
 * failure is on screen, the form would go on showing the old words. This
 * keeps *how* the failure was worded — a function of the messages — and
 * words it again in the new ones.
 */
import type { I18n } from './i18n.js';

export interface Wording {
  readonly i18n: I18n;
  /** The provider's overrides: new ones word the failure again too. */
  readonly messages: unknown;
}

export class Rewording {
  readonly #wording: () => Wording;
  #make: ((i18n: I18n, again: boolean) => unknown) | null = null;
  #madeIn: { locale: string; messages: unknown } | null = null;

  constructor(wording: () => Wording) {
    this.#wording = wording;
  }

  /**
   * Shows a failure by running `make` with the current messages, and keeps
   * `make` to run it again in new ones. `make` must only read what the
   * failure was about (values captured when it happened), not the live form.
   * `again` is true when it words a failure already shown (focus stays put).
   */
  show<T>(make: (i18n: I18n, again: boolean) => T, again = false): T {
    const { i18n, messages } = this.#wording();
    const result = make(i18n, again);
    this.#make = make;
    this.#madeIn = { locale: i18n.locale, messages };
    return result;
  }

  /** The failure is gone, or replaced by one that is not to be worded again. */
  clear(): void {
    this.#make = null;
  }

  /** Call before rendering: words the failure again if the messages changed since. True when it did. */
  refresh(): boolean {
    if (!this.#make) return false;
    const { i18n, messages } = this.#wording();
    if (this.#madeIn?.locale === i18n.locale && this.#madeIn.messages === messages) return false;
    this.show(this.#make, true);
    return true;
  }
}
