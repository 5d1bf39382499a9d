/**
 * The card frame as Storybook serves it (see .storybook/card-frame.ts): the
 * production frame script, unchanged, with one difference — its `fetch`
 * goes to the reference server running in the story's page, since there
 * is no server process behind Storybook.
 *
 * This works only because Storybook serves the frame from its own origin,
 * the same as the preview page's, so `parent` is reachable. In production
 * the frame is on the billing server's origin: the page cannot reach into
 * it, nor it into the page; they only exchange messages, whose origins
 * both sides check (unchanged here: both origins are Storybook's).
 */
import './card-frame-fetch.js';
import '../../server/card-frame/frame.js';
