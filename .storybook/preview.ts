import type { Preview } from '@storybook/web-components-vite';
import { withBilling } from '../stories/support/with-billing.js';

const preview: Preview = {
  decorators: [withBilling],
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
