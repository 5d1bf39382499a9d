/**
 * Registers an element once. Loading the library twice must not throw.
 *
 * Two copies of one release meeting on a page are expected: each single-file
 * bundle carries the elements it shows (`<ups-help-links>`, the dispute
 * form), and the first definition serves all of them. Two *releases* are a
 * mistake: the elements of the second copy would be the first copy's, with
 * the first copy's behaviour and messages, and nothing on screen would say
 * so. That case gets a console error with the fix.
 */
import { reportOnce } from './misuse.js';

/**
 * The release of this copy; a test compares it with package.json, so a
 * release that forgets it fails.
 */
export const LIBRARY_VERSION = '0.1.0';

/** Tag → release of the copy that defined it, shared by every copy on the page. */
const DEFINED = Symbol.for('ups-billing-elements.defined-by');
const shared = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
const definedBy: Map<string, string> = (shared[DEFINED] ??= new Map());

export function define(tag: string, element: CustomElementConstructor, version: string = LIBRARY_VERSION): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, element);
    definedBy.set(tag, version);
    return;
  }
  if (existing === element) return;
  const first = definedBy.get(tag);
  if (first === version) return;
  reportOnce(
    `<${tag}> is already defined by ${first ? `ups-billing-elements ${first}` : 'another script'}, ` +
      `so this copy (ups-billing-elements ${version}) is not used: its <${tag}> elements behave as the first copy's. ` +
      'Fix: load ups-billing-elements once per page — one version of the npm package (check `npm ls ups-billing-elements`), ' +
      'or single-file bundles all from the same release.',
    'error',
    `define:${tag}:${first ?? '?'}:${version}`,
  );
}
