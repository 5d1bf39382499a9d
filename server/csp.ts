/**
 * The Content-Security-Policy of the pages the server serves, built from
 * `csp.json` at the repository root: the same file documents what a host
 * page needs (docs/INTEGRATION.md), so the headers and the documentation
 * cannot drift apart. Node only (reads the file once).
 */
import { readFileSync } from 'node:fs';

export interface CspFile {
  version: number;
  directives: Record<string, string[]>;
  trustedTypesPolicies: string[];
  severalBundles: Record<string, string[]>;
  origins: Record<string, string>;
  notes: Record<string, string>;
}

export const CSP: CspFile = JSON.parse(readFileSync(new URL('../csp.json', import.meta.url), 'utf8')) as CspFile;

export interface CspOptions {
  /** Where the card frame is served; its origin joins `frame-src` when it is absolute. */
  cardFrameUrl?: string | undefined;
  /** The page loads more than one single-file bundle (one copy of Lit each). */
  severalBundles?: boolean | undefined;
  /** Trusted Types policies the host page creates itself (e.g. Vue's `vue`), besides the library's. */
  hostPolicies?: readonly string[] | undefined;
}

/** The directives as a map, with the page's additions; `trusted-types` from the policy list. */
export function cspDirectives(options: CspOptions = {}): Map<string, string[]> {
  const directives = new Map(Object.entries(CSP.directives).map(([name, sources]) => [name, [...sources]]));
  directives.set('trusted-types', [...CSP.trustedTypesPolicies, ...(options.hostPolicies ?? [])]);
  if (options.severalBundles) {
    for (const [name, sources] of Object.entries(CSP.severalBundles)) {
      directives.set(name, [...(directives.get(name) ?? []), ...sources]);
    }
  }
  const frame =
    options.cardFrameUrl && /^https?:\/\//.test(options.cardFrameUrl) ? new URL(options.cardFrameUrl).origin : '';
  if (frame) directives.get('frame-src')!.push(frame);
  return directives;
}

/** The header value: `name source source; name source…`. */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  return [...cspDirectives(options)].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** Parses a header value back into a map, for tests and for hosts checking their own headers. */
export function parseContentSecurityPolicy(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
