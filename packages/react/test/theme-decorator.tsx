import type { Decorator } from '@storybook/react-vite';

/** Applies the toolbar's colour scheme through `data-theme` (none = follow the OS). */
export const withTheme: Decorator = (Story, context) => {
  const theme = context.globals['theme'] as string | undefined;
  return (
    <div data-theme={theme === 'light' || theme === 'dark' ? theme : undefined}>
      <Story />
    </div>
  );
};
