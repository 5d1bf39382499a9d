/**
 * Storybook's copy of the isolated card frame, at `card-frame/` beside
 * `iframe.html` (dev server and static build alike).
 *
 * The real server serves the frame at `/card-frame` on its own origin, with
 * a strict CSP. Storybook has no server process: the API runs inside the
 * preview page (stories/support/browser-server.ts). So here the frame is the
 * same page markup (`cardFramePage`, shared with server/card-frame/build.ts)
 * and the same frame script, loaded through `stories/support/card-frame-story.ts`,
 * which first routes the frame's `fetch` to the in-page server. Nothing of
 * the production frame changes: only where it is served from.
 *
 * Its URL ends in `card-frame/`, as the real one does: the frame finds the
 * API beside itself from that (`…/card-frame` → `…/api/v1/card-tokens`).
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { cardFramePage } from '../server/card-frame/page.js';

const PAGE = 'card-frame/index.html';

const page = (lang: string) =>
  cardFramePage({
    lang,
    stylesheet: '/server/card-frame/frame.css',
    script: '/stories/support/card-frame-story.ts',
  });

export function storyCardFrame(): Plugin {
  const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
  // An HTML entry of the build, like Storybook's own iframe.html: a module id under the root, loaded from memory.
  const id = `${root}/${PAGE}`;
  return {
    name: 'ups:story-card-frame',
    config: {
      // After Storybook's own plugin has set the build input to its iframe.html.
      order: 'post',
      handler(userConfig, { command }) {
        if (command !== 'build') return;
        const build = (userConfig.build ??= {});
        for (const key of ['rolldownOptions', 'rollupOptions'] as const) {
          const options = build[key];
          if (!options?.input) continue;
          const input = options.input;
          options.input =
            typeof input === 'string'
              ? [input, id]
              : Array.isArray(input)
                ? [...input, id]
                : { ...input, 'card-frame': id };
          // One of the two: Vite 8 reads rolldownOptions (and may alias rollupOptions to it).
          break;
        }
      },
    },
    resolveId(source) {
      return source === id ? id : undefined;
    },
    load(loaded) {
      return loaded === id ? page('en') : undefined;
    },
    transformIndexHtml: {
      order: 'post',
      // Storybook adds its module-mocking runtime to every page; the frame runs no story (and
      // the build's `./` path to it would miss from card-frame/).
      handler: (html, context) =>
        context.path === `/${PAGE}`
          ? html.replace(/<script[^>]*vite-inject-mocker-entry\.js[^>]*><\/script>/, '')
          : html,
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://storybook');
        if (!/^\/card-frame\/?$/.test(url.pathname)) return next();
        const lang = url.searchParams.get('locale')?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
        const html = await server.transformIndexHtml(`/${PAGE}`, page(lang), req.originalUrl);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
      });
    },
  };
}
