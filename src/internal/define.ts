/**
 * Registers an element once. Loading the library twice (two bundles on one
 * page) must not throw; the second copy is told, once, in the console.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, element);
    return;
  }
  if (existing !== element) {
    console.warn(
      `<${tag}> is already defined by another copy of ups-billing-elements; this copy's definition is ignored. ` +
        'Fix: load the library once (one bundle or one npm copy per page).',
    );
  }
}
