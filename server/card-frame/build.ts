/**
 * Builds and serves the card frame (Node only): one minified script and one
 * stylesheet, behind a page with a strict Content-Security-Policy whose
 * `frame-ancestors` names who may embed it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Hono } from 'hono';
import { cardFramePage } from './page.js';

export interface CardFrameAssets {
  js: string;
  css: string;
}

let assets: Promise<CardFrameAssets> | undefined;

export function cardFrameAssets(): Promise<CardFrameAssets> {
  assets ??= (async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./frame.ts', import.meta.url))],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'error',
    });
    return {
      js: result.outputFiles[0]!.text,
      css: readFileSync(fileURLToPath(new URL('./frame.css', import.meta.url)), 'utf8'),
    };
  })();
  return assets;
}

/** Mounts the frame at `/card-frame` (and its assets below it) on `app`. */
export function mountCardFrame(app: Hono, ancestors: () => readonly string[]): void {
  app.get('/card-frame', async (c) => {
    const lang = c.req.query('locale')?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
    const allowed = ancestors()
      .map((origin) => origin.replace(/[^\w.:/-]/g, ''))
      .join(' ');
    c.header(
      'content-security-policy',
      `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self';` +
        ` base-uri 'none'; form-action 'none'; frame-ancestors ${allowed || "'none'"}`,
    );
    c.header('referrer-policy', 'no-referrer');
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'no-store');
    // Assets beside the page, whatever path prefix the server is mounted under.
    const base = c.req.path.replace(/\/+$/, '');
    return c.html(cardFramePage({ lang, stylesheet: `${base}/frame.css`, script: `${base}/frame.js` }));
  });
  app.get('/card-frame/frame.js', async (c) => {
    c.header('cache-control', 'no-cache');
    return c.body((await cardFrameAssets()).js, 200, { 'content-type': 'text/javascript; charset=utf-8' });
  });
  app.get('/card-frame/frame.css', async (c) => {
    c.header('cache-control', 'no-cache');
    return c.body((await cardFrameAssets()).css, 200, { 'content-type': 'text/css; charset=utf-8' });
  });
}
