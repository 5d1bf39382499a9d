/**
 * Pages with no build step, served beside the API (Node only):
 *
 * - `/guest`: a marketing page with the guest pay form alone, loaded by one
 *   `<script type="module">` of its single-file bundle;
 * - `/plain/invoices`: a server-rendered portal page (HTML from the server,
 *   single-file bundles, a small hand-written script for sign-in);
 * - `/bundles/ups-<element>.js`: the single-file bundles (`npm run build:lib`).
 *
 * Both pages run under the strict policy of `csp.json`, Trusted Types
 * included: they show what a host page can rely on, and the tests hold them
 * to it.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import { contentSecurityPolicy } from '../csp.js';

export interface PagesOptions {
  /** The folder of the single-file bundles, relative to the working directory (`dist/bundle`). */
  bundleRoot: string;
  /** Where the card frame is served (its origin joins the pages' `frame-src`). */
  cardFrameUrl: () => string;
}

const BUNDLE_NAME = /^ups-[a-z-]+\.js(\.map)?$/;

/** The page's own texts: the server picks the language, as a server-rendered site would. */
const TEXT = {
  en: {
    guestTitle: 'Pay a UPS invoice',
    guestDescription: 'Pay a UPS invoice online without an account: by card, bank debit or PayPal.',
    guestIntro:
      'No account needed: find your invoice with the numbers printed on it, then pay by card, bank debit or PayPal.',
    plainTitle: 'UPS Billing Center — server-rendered page',
    plainIntro: 'Plain HTML from the server, the single-file bundles, and one small script for sign-in.',
    plainDescription: 'See and pay your UPS invoices: a server-rendered page of the UPS Billing Center.',
    signIn: 'Sign in',
    userId: 'User ID',
    password: 'Password',
    hint: 'Demo users admin1, manager1, payer1 and viewer1 share the password demo-password.',
    signOut: 'Sign out',
    invoices: 'Invoices',
    close: 'Close',
    pay: 'Pay invoices',
    other: 'Français',
  },
  fr: {
    guestTitle: 'Payer une facture UPS',
    guestDescription: 'Payez une facture UPS en ligne sans compte : par carte, prélèvement ou PayPal.',
    guestIntro:
      'Sans compte : retrouvez votre facture avec les numéros qui y figurent, puis payez par carte, prélèvement ou PayPal.',
    plainTitle: 'Centre de facturation UPS — page rendue par le serveur',
    plainIntro: 'Du HTML servi par le serveur, les bundles autonomes, et un petit script pour la connexion.',
    plainDescription:
      'Consultez et payez vos factures UPS : une page du centre de facturation UPS rendue par le serveur.',
    signIn: 'Connexion',
    userId: 'Identifiant',
    password: 'Mot de passe',
    hint: 'Les utilisateurs de démonstration admin1, manager1, payer1 et viewer1 ont le mot de passe demo-password.',
    signOut: 'Déconnexion',
    invoices: 'Factures',
    close: 'Fermer',
    pay: 'Payer des factures',
    other: 'English',
  },
} as const;

type Lang = keyof typeof TEXT;
const langOf = (c: Context): Lang => (c.req.query('lang')?.toLowerCase().startsWith('fr') ? 'fr' : 'en');

const assetCache = new Map<string, Promise<string>>();
/** A file beside this module, read once. */
const asset = (name: string) => {
  let text = assetCache.get(name);
  if (!text) {
    text = readFile(new URL(`./${name}`, import.meta.url), 'utf8');
    assetCache.set(name, text);
  }
  return text;
};

function setPageHeaders(c: Context, cardFrameUrl: string, severalBundles: boolean): void {
  c.header('content-security-policy', contentSecurityPolicy({ cardFrameUrl, severalBundles }));
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'same-origin');
  c.header('cache-control', 'no-cache');
}

export function guestPage(lang: Lang) {
  const t = TEXT[lang];
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${t.guestTitle}</title>
        <meta name="description" content="${t.guestDescription}" />
        <link rel="icon" href="/pages/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/pages/page.css" />
        <script type="module" src="/bundles/ups-pay-form.js"></script>
      </head>
      <body>
        <header class="masthead">
          <h1>${t.guestTitle}</h1>
          <p>${t.guestIntro}</p>
          <a class="switch" href="?lang=${lang === 'fr' ? 'en' : 'fr'}" lang="${lang === 'fr' ? 'en' : 'fr'}"
            >${t.other}</a
          >
        </header>
        <main class="narrow">
          <ups-pay-form guest api-base="/api/v1" enrol-href="/plain/invoices"></ups-pay-form>
        </main>
      </body>
    </html>`;
}

export function plainInvoicesPage(lang: Lang) {
  const t = TEXT[lang];
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${t.plainTitle}</title>
        <meta name="description" content="${t.plainDescription}" />
        <link rel="icon" href="/pages/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/pages/page.css" />
        <script type="module" src="/bundles/ups-billing-provider.js"></script>
        <script type="module" src="/bundles/ups-invoice-table.js"></script>
        <script type="module" src="/bundles/ups-pay-form.js"></script>
        <script type="module" src="/pages/plain-invoices.js"></script>
      </head>
      <body>
        <header class="masthead">
          <h1>${t.plainTitle}</h1>
          <p>${t.plainIntro}</p>
          <a class="switch" href="?lang=${lang === 'fr' ? 'en' : 'fr'}" lang="${lang === 'fr' ? 'en' : 'fr'}"
            >${t.other}</a
          >
        </header>
        <main>
          <section id="sign-in" aria-labelledby="sign-in-title">
            <h2 id="sign-in-title">${t.signIn}</h2>
            <form id="sign-in-form" novalidate>
              <p class="field">
                <label for="user-id">${t.userId}</label>
                <input id="user-id" name="userId" autocomplete="username" required />
              </p>
              <p class="field">
                <label for="password">${t.password}</label>
                <input
                  id="password"
                  name="password"
                  type="password"
                  autocomplete="current-password"
                  required
                  aria-describedby="password-hint"
                />
                <span id="password-hint" class="hint">${t.hint}</span>
              </p>
              <p id="sign-in-error" class="error" role="alert"></p>
              <button type="submit">${t.signIn}</button>
            </form>
          </section>
          <section id="billing" hidden aria-labelledby="billing-title">
            <div class="toolbar">
              <h2 id="billing-title">${t.invoices}</h2>
              <p id="who"></p>
              <button id="sign-out" type="button">${t.signOut}</button>
            </div>
            <ups-billing-provider id="provider" api-base="/api/v1">
              <ups-invoice-table id="invoices" view="account"></ups-invoice-table>
              <dialog id="pay-dialog" aria-label="${t.pay}">
                <form method="dialog" class="dialog-close"><button>${t.close}</button></form>
                <ups-pay-form id="pay-form"></ups-pay-form>
              </dialog>
            </ups-billing-provider>
            <p id="status" class="status" role="status"></p>
          </section>
        </main>
      </body>
    </html>`;
}

/** Mounts the pages, their assets and the bundles on `app`. */
export function mountPages(app: Hono, options: PagesOptions): void {
  const bundleRoot = resolve(options.bundleRoot);

  app.get('/guest', (c) => {
    // One bundle, so one copy of Lit: the strictest policy, without 'allow-duplicates'.
    setPageHeaders(c, options.cardFrameUrl(), false);
    return c.html(guestPage(langOf(c)));
  });
  app.get('/plain/invoices', (c) => {
    setPageHeaders(c, options.cardFrameUrl(), true);
    return c.html(plainInvoicesPage(langOf(c)));
  });

  app.get('/pages/page.css', async (c) =>
    c.body(await asset('page.css'), 200, {
      'content-type': 'text/css; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    }),
  );
  // The demo portal's icon, so that a browser asking for one gets it rather than a 404 in the console.
  app.get('/pages/favicon.svg', async (c) =>
    c.body(await asset('../../demo/public/favicon.svg'), 200, {
      'content-type': 'image/svg+xml',
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=86400',
    }),
  );
  app.get('/pages/plain-invoices.js', async (c) =>
    c.body(await asset('plain-invoices.js'), 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    }),
  );

  app.get('/bundles/:file', async (c) => {
    const name = c.req.param('file');
    // Only bundle names: nothing else of the folder, and no way out of it.
    if (!BUNDLE_NAME.test(name)) return c.notFound();
    let body: string;
    try {
      body = await readFile(resolve(bundleRoot, name), 'utf8');
    } catch {
      return c.notFound();
    }
    return c.body(body, 200, {
      'content-type': name.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8',
      'x-content-type-options': 'nosniff',
      // Bundles keep their names across versions: revalidate rather than cache blindly.
      'cache-control': 'no-cache',
      // Another origin's page may load the bundle as a module script (CORS mode).
      'access-control-allow-origin': '*',
    });
  });
}
