/**
 * Recognises an uploaded file's type by its first bytes ("magic numbers"),
 * the way the server decides what it stores: a name or a browser-given type
 * says nothing (an executable renamed `.pdf` is still an executable). The
 * client runs the same check so it can refuse a file before sending it.
 */

/** Bytes to read from the start of a file to recognise it. */
export const SNIFF_BYTES = 8;

const SIGNATURES: readonly (readonly [type: string, bytes: readonly number[]])[] = [
  // "%PDF-"
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  // PNG's eight-byte signature
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  // JPEG's start-of-image marker followed by the start of the next marker
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** The media type the content shows, among `accepted`; `null` when it is none of them. */
export function sniffType(head: Uint8Array, accepted: readonly string[]): string | null {
  for (const [type, bytes] of SIGNATURES) {
    if (accepted.includes(type) && bytes.every((byte, i) => head[i] === byte)) return type;
  }
  return null;
}
