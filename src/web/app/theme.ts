import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

// Shades around the house blue #0b5394 (index 7): white text on it reaches 8:1, well above WCAG AA.
const gehoordBlue: MantineColorsTuple = [
  '#e8f0f8',
  '#d0e0f0',
  '#a4c3e4',
  '#76a5d8',
  '#4f8bcd',
  '#3179c5',
  '#1d6bbd',
  '#0b5394',
  '#08487f',
  '#053b69',
];

export const theme = createTheme({
  colors: { gehoord: gehoordBlue },
  primaryColor: 'gehoord',
  primaryShade: 7,
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Liberation Sans", sans-serif',
  defaultRadius: 'sm',
  // Keyboard users always see where they are; mouse users are not distracted.
  focusRing: 'auto',
  headings: { fontWeight: '700' },
});

/** Mantine's default grey and red texts are too light for 4.5:1 on white; darker shades pass WCAG AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': 'var(--mantine-color-gehoord-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});
