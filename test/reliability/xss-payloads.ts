/**
 * The XSS corpus of `xss.test.ts`: hostile strings a user could type into any
 * free-text field. Each one that could run code calls `__xss('<id>')` (or
 * `alert('<id>')`, or reaches for `x.invalid`), so an execution names the
 * payload that caused it; inert markup carries a `data-xq` attribute so that
 * an injected element that runs nothing is still found by the DOM scan.
 *
 * Most payloads fit in 40 characters, the shortest free-text limit (wallet and
 * account nicknames), so that every field gets most of the corpus; a few are
 * longer on purpose (mXSS chains, field-limit paddings) and are refused by the
 * short fields, which the test records as refusals.
 *
 * No payload contains a line break, so each is one row of the CSV import.
 */

export interface Payload {
  id: string;
  text: string;
  /** What it tries, for the report. */
  kind: string;
}

const call = (id: string) => `__xss('${id}')`;

/** `text` padded with `fill` to exactly `length` characters, the payload at the end where truncation would bite. */
function padTo(length: number, text: string, fill = 'A'): string {
  return fill.repeat(length).slice(0, Math.max(0, length - text.length)) + text;
}

const raw: [kind: string, make: (id: string) => string][] = [
  ['script tag', (id) => `<script>${call(id)}</script>`],
  ['img onerror', (id) => `<img src=x onerror=${call(id)}>`],
  ['svg onload', (id) => `<svg onload=${call(id)}>`],
  ['svg script', (id) => `<svg><script>${call(id)}</script>`],
  ['double-quote breakout', (id) => `"><img src=x onerror=${call(id)}>`],
  ['single-quote breakout', (id) => `'><svg onload=${call(id)}>`],
  ['backtick breakout', (id) => `\`><svg onload=${call(id)}>`],
  ['attribute injection "', (id) => `" onmouseover="${call(id)}" x="`],
  ["attribute injection '", (id) => `' autofocus onfocus=${call(id)} x='`],
  ['javascript: URL', (id) => `javascript:${call(id)}`],
  ['javascript: URL, mixed case', (id) => `JaVaScRiPt:${call(id)}`],
  ['javascript: URL with a tab', (id) => `java\tscript:${call(id)}`],
  ['data: URL with markup', (id) => `data:text/html,<svg onload=${call(id)}>`],
  ['data: URL, svg', (id) => `data:image/svg+xml,<svg onload=${call(id)}>`],
  ['anchor javascript:', (id) => `<a href="javascript:${call(id)}">x</a>`],
  ['anchor entity-encoded javascript:', (id) => `<a href=&#106;avascript:${call(id)}>`],
  ['svg xlink:href', (id) => `<svg><a xlink:href="javascript:${call(id)}">`],
  ['iframe srcdoc', (id) => `<iframe srcdoc="<script>parent.${call(id)}</script>">`],
  ['iframe javascript: src', (id) => `<iframe src=javascript:top.${call(id)}>`],
  ['template content', (id) => `<template><img src=x onerror=${call(id)}></template>`],
  ['mXSS noscript', (id) => `<noscript><p title="</noscript><img src=x onerror=${call(id)}>">`],
  ['mXSS math/style', (id) => `<math><mtext><table><mglyph><style><img src=x onerror=${call(id)}>`],
  ['mXSS svg/style', (id) => `<svg><style><img src=x onerror=${call(id)}></style>`],
  ['style element @import', (id) => `<style>@import'//x.invalid/${id}';</style>`],
  // CSS injection through a style attribute: hostile text, which the CSP rule about our own templates flags.
  // eslint-disable-next-line no-restricted-syntax
  ['style attribute', (id) => `<p style=x:expression(${call(id)})>`],
  // eslint-disable-next-line no-restricted-syntax
  ['style attribute url()', (id) => `<div style="background:url(javascript:${call(id)})">`],
  ['CSS text', (id) => `x{}*{background:url(//x.invalid/${id})}`],
  ['CSS expression()', (id) => `expression(${call(id)})`],
  ['style breakout', (id) => `</style><script>${call(id)}</script>`],
  ['template literal', (id) => `\${${call(id)}}`],
  ['mustache / Angular', (id) => `{{constructor.constructor("${call(id)}")()}}`],
  ['message placeholders', (id) => `{name}{date}{count}{number} ${id}`],
  ['Lit marker lookalike', (id) => `<!--?lit$0$--><svg onload=${call(id)}>`],
  ['Lit attribute marker', (id) => `lit$1$" onclick="${call(id)}`],
  ['fullwidth angle brackets', (id) => `＜script＞${call(id)}＜/script＞`],
  ['escaped \\u003c', (id) => `\\u003csvg onload=${call(id)}\\u003e`],
  ['HTML entities', (id) => `&lt;svg onload=${call(id)}&gt;`],
  ['HTML entities, script', (id) => `&lt;script&gt;${call(id)}&lt;/script&gt;`],
  ['numeric entities', (id) => `&#60;img src=x onerror=${call(id)}&#62;`],
  ['URL-encoded', (id) => `%3Cscript%3E${call(id)}%3C/script%3E`],
  ['nested script filter evasion', (id) => `<scr<script>ipt>${call(id)}</script>`],
  ['mixed-case tag', (id) => `<IMG SRC=x OnErRoR=${call(id)}>`],
  ['slash separators', (id) => `<img/src=x/onerror=${call(id)}>`],
  ['svg, slash and comment tail', (id) => `<svg/onload=${call(id)}//>`],
  ['empty src', (id) => `<img src onerror=${call(id)}>`],
  ['audio onerror', (id) => `<audio src onerror=${call(id)}>`],
  ['details ontoggle', (id) => `<details open ontoggle=${call(id)}>`],
  ['body onload', (id) => `<body onload=${call(id)}>`],
  ['input autofocus', (id) => `<input autofocus onfocus=${call(id)}>`],
  ['video source onerror', (id) => `<video><source onerror=${call(id)}>`],
  ['object data', (id) => `<object data="javascript:${call(id)}">`],
  ['embed data: src', (id) => `<embed src="data:text/html,<script>parent.${call(id)}</script>">`],
  ['base href', (id) => `<base href=//x.invalid/${id}/>`],
  ['meta refresh', (id) => `<meta http-equiv=refresh content="0;url=javascript:${call(id)}">`],
  ['link stylesheet', (id) => `<link rel=stylesheet href=//x.invalid/${id}.css>`],
  ['inert markup', (id) => `<b data-xq>${id} bold</b>`],
  ['marquee onstart', (id) => `<marquee data-xq onstart=${call(id)}>`],
  ['form formaction', (id) => `<form data-xq><button formaction=javascript:${call(id)}>`],
  ['textarea breakout', (id) => `</textarea><script>${call(id)}</script>`],
  ['title breakout', (id) => `</title><svg onload=${call(id)}>`],
  ['script-tag breakout', (id) => `"><script>${call(id)}</script><"`],
  ["JS string breakout '", (id) => `'-${call(id)}-'`],
  ['JS string breakout "', (id) => `";${call(id)};//`],
  ['alert()', (id) => `<img src=x onerror=alert('${id}')>`],
  ['javascript: alert()', (id) => `javascript:alert('${id}')`],
  ['navigation', (id) => `<img src=x onerror=location='//x.invalid/${id}'>`],
  ['RTL override', (id) => `\u202E<img src=x onerror=${call(id)}>\u202C`],
  ['RTL filename spoof', (id) => `invoice\u202Efdp.exe ${id}`],
  ['zero-width split', (id) => `<\u200Bscript>${call(id)}</script\u200B>`],
  ['astral and combining', (id) => `😀<svg onload=${call(id)}>n\u0303`],
  ['40 characters', (id) => padTo(40, `<svg onload=${call(id)}>`)],
  ['80 characters', (id) => padTo(80, `<img src=x onerror=${call(id)}>`)],
  ['120 characters', (id) => padTo(120, `<img src=x onerror=${call(id)}>`)],
  ['500 characters', (id) => padTo(500, `<script>${call(id)}</script>`)],
  ['2000 characters', (id) => padTo(2000, `<img src=x onerror=${call(id)}>`, '<b>')],
  ['2001 characters (over every limit)', (id) => padTo(2001, `<svg onload=${call(id)}>`)],
];

export const PAYLOADS: readonly Payload[] = raw.map(([kind, make], index) => {
  const id = `p${String(index + 1).padStart(2, '0')}`;
  return { id, kind, text: make(id) };
});
