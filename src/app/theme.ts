import { createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8: white on it is 5.0:1 (Mantine's default shade 6 is 3.6:1, shade 7 4.2:1).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Every dialog: a close button with a name, and a header that is not a second page `banner`.
    Modal: {
      defaultProps: {
        closeButtonProps: { 'aria-label': 'Close' },
        attributes: { header: { role: 'none' } },
      },
    },
  },
});

/**
 * Text dark (light) enough to read, at least 4.5:1 where it sits, in both schemes: hints
 * (Mantine's dimmed grey is 3.3:1 on white, 4.0:1 on its dark body), links, and coloured text
 * and light badges (green on its light tint is 3.8:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = (mantine) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-anchor': mantine.colors.blue[8],
  };
  for (const [name, shades] of Object.entries(mantine.colors)) {
    if (name === 'dark' || name === 'gray') continue;
    const ink = darken(shades[9], 0.3);
    light[`--mantine-color-${name}-light-color`] = ink;
    light[`--mantine-color-${name}-text`] = ink;
  }
  return {
    variables: {},
    light,
    dark: {
      '--mantine-color-dimmed': '#a3a3a3',
      '--mantine-color-anchor': mantine.colors.blue[3],
    },
  };
};
