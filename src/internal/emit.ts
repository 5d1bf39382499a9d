/**
 * Dispatches a library event: always bubbling and composed, so hosts can
 * listen above shadow roots. Returns false when a cancelable event was
 * cancelled, so "before" events can be honoured.
 */
export function emit<T>(target: EventTarget, type: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
  return target.dispatchEvent(
    new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
