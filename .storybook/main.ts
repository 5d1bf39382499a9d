import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook runs the real reference server inside the page (Hono on an
 * in-memory PGlite, seeded like the demo), so every story — in `npm run
 * storybook` and in the static build alike — talks to real server code with
 * no server beside it. See stories/support/browser-server.ts.
 */
const config: StorybookConfig = {
  framework: {
    name: '@storybook/web-components-vite',
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages read each element's attributes, properties, events, parts and custom properties from custom-elements.json.
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
};

export default config;
