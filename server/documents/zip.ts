/**
 * A ZIP written as it is read: each pull of the stream renders the next
 * document and adds it, so memory holds one document at a time however many
 * the archive has, and a slow client slows the generation instead of
 * filling a buffer. fflate does the ZIP format (data descriptors, CRC-32).
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { RenderedDocument } from './render.js';

export function zipStream(next: () => Promise<RenderedDocument | null>): ReadableStream<Uint8Array> {
  let zip: Zip;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        zip = new Zip((error, chunk, final) => {
          if (error) return controller.error(error);
          controller.enqueue(chunk);
          if (final) controller.close();
        });
      },
      async pull() {
        const document = await next();
        if (!document) {
          zip.end();
          return;
        }
        const entry = document.compress
          ? new ZipDeflate(document.filename, { level: 6 })
          : new ZipPassThrough(document.filename);
        zip.add(entry);
        entry.push(document.bytes, true);
      },
      cancel() {
        zip.terminate();
      },
    },
    // One document ahead at most.
    { highWaterMark: 1 },
  );
}
