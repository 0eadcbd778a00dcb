import type { Preview } from '@storybook/react-vite';
import { withTheme } from '../packages/react/test/theme-decorator.js';
import '../packages/react/src/styles.css';

// JSX lives in packages/react (where React resolves); this file only wires things up.
const preview: Preview = {
  parameters: {
    layout: 'padded',
  },
  // "Theme" toolbar: follow the OS, or force light / dark through data-theme.
  globalTypes: {
    theme: {
      description: 'Colour scheme',
      toolbar: { icon: 'contrast', items: ['system', 'light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'system' },
  decorators: [withTheme],
};

export default preview;
