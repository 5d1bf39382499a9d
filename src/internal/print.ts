/**
 * Prints one element and nothing else of the host page. A print stylesheet
 * is adopted by the document for the time of printing (constructed, so a
 * strict CSP allows it): everything is hidden but the element, which carries
 * the custom state `printing`.
 */
const sheet = new CSSStyleSheet();
sheet.replaceSync(`@media print {
  body * { visibility: hidden !important; }
  :state(printing) { visibility: visible !important; position: absolute !important; inset: 0 auto auto 0 !important; width: 100% !important; }
}`);

export async function printOnly(internals: ElementInternals, beforePrint?: () => Promise<void>): Promise<void> {
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  internals.states.add('printing');
  try {
    await beforePrint?.();
    // Let the element render what printing needs before the print snapshot.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    window.print();
  } finally {
    internals.states.delete('printing');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  }
}
