/**
 * Modules loaded on demand: once for the page, whichever element asks first,
 * and fetched ahead when the browser has nothing better to do (a dialog's
 * module while the user reads the list it opens from), so that what they
 * hold opens at once when asked for.
 */

/** `load` (a dynamic `import()`) run once: every call shares its promise. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}

/** Runs `work` when the browser is idle; where `requestIdleCallback` is missing (Safari), on the next task. */
export function whenIdle(work: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (run: () => void) => void }).requestIdleCallback ?? setTimeout;
  idle(work);
}

/** Starts `load` (a module's import, kept by its caller) when the browser is idle. */
export function prefetchWhenIdle(load: () => Promise<unknown>): void {
  whenIdle(() => void load());
}
