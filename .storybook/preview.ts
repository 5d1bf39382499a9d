import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { darkTheme } from '../src/context/billing-provider.js';
import { withBilling } from '../stories/support/with-billing.js';

// The manifest the analyzer makes from the classes and their doc comments (`npm run analyze`): the docs tables come from it.
setCustomElementsManifest(manifest);

/*
 * A dark story's canvas turns dark too: the decorator marks <html> with the
 * theme (on the canvas only: a docs page keeps its own look), and the dark
 * tokens on <html> reach the stories without a provider (the guest pay form).
 */
const canvasTheme = new CSSStyleSheet();
canvasTheme.replaceSync(`
  html[data-ups-theme='dark'] { ${darkTheme.cssText} }
  html[data-ups-theme='dark'] body { background: var(--ups-color-surface); }
  @media (prefers-color-scheme: dark) {
    html[data-ups-theme='auto'] { ${darkTheme.cssText} }
    html[data-ups-theme='auto'] body { background: var(--ups-color-surface); }
  }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, canvasTheme];

const preview: Preview = {
  decorators: [withBilling],
  // A docs page per element, its tables filled from the manifest.
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Locale of the elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
        ],
        dynamicTitle: true,
      },
    },
    // The provider's theme; a story can pin one with `globals: { theme: 'dark' }`.
    theme: {
      description: "Theme of the elements (the provider's theme attribute)",
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'auto', title: 'Auto (system)', icon: 'contrast' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  parameters: { layout: 'padded' },
};

export default preview;
