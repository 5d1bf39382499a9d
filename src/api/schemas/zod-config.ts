/**
 * Configures zod for pages with a strict Content-Security-Policy.
 *
 * zod compiles object parsers with `new Function` unless `jitless` is set,
 * and it probes for that ability when the first object schema is created; a
 * CSP without 'unsafe-eval' reports the probe as a violation even though
 * zod catches it. Every schema module imports this module first, so the flag
 * is set before any schema exists. Parsing stays correct, slightly slower.
 */
import { config } from 'zod/mini';

config({ jitless: true });
