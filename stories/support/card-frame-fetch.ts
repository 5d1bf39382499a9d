/**
 * Routes the card frame's `fetch` to the in-page server of the story that
 * embeds it (`__upsStoryFetch`, set by browser-server.ts). Imported before
 * the frame script, by card-frame-story.ts only.
 */
import type {} from './browser-server.js';

const host = parent as Window;
const bridge = host === window ? undefined : host.__upsStoryFetch;
// Served beside the page, a server prefix may precede `/api/`: the in-page app routes from `/api/`.
const apiPath = (url: URL) => url.pathname.slice(Math.max(0, url.pathname.indexOf('/api/'))) + url.search;

document.documentElement.lang = new URLSearchParams(location.search).get('locale')?.startsWith('fr') ? 'fr' : 'en';

window.fetch = async (input, init) => {
  if (!bridge) throw new TypeError('The Storybook card frame needs the story page around it (__upsStoryFetch).');
  // The frame calls fetch(path, init): a string and plain objects, which cross into the page's realm as they are.
  return bridge(apiPath(new URL(String(input), location.href)), init);
};
