import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { withBilling } from '../stories/support/with-billing.js';

// The manifest the analyzer makes from the classes and their doc comments (`npm run analyze`): the docs tables come from it.
setCustomElementsManifest(manifest);

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
  },
  initialGlobals: { locale: 'en' },
  parameters: { layout: 'padded' },
};

export default preview;
