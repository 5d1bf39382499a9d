/**
 * Prints one element and nothing else of the host page. A print stylesheet
 * is adopted by the document for the time of printing (constructed, so a
 * strict CSP allows it): everything is hidden but the element, which carries
 * the custom state `printing`.
 */
let printSheet: CSSStyleSheet | undefined;

/** Made on first print, not on import: importing the library must work where there is no CSSOM (Node, SSR). */
function sheetForPrinting(): CSSStyleSheet {
  if (!printSheet) {
    printSheet = new CSSStyleSheet();
    printSheet.replaceSync(`@media print {
  body * { visibility: hidden !important; }
  :state(printing) { visibility: visible !important; position: absolute !important; inset: 0 auto auto 0 !important; width: 100% !important; }
}`);
  }
  return printSheet;
}

export async function printOnly(internals: ElementInternals, beforePrint?: () => Promise<void>): Promise<void> {
  const sheet = sheetForPrinting();
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
