import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode, useLayoutEffect } from 'react';
import { App } from './app';
import { cssVariablesResolver, theme } from './theme';

/** Where the header's Color scheme choice is kept (public/boot.js reads it before the first paint). */
export const COLOR_SCHEME_KEY = 'classify-console:color-scheme';

// Light, dark or the system's, as last chosen in the header (auto until then).
const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_KEY });

/**
 * The whole page, as the browser renders it and as the build prerenders it. `onLive`: called once
 * the page is committed (hydrated, on a first visit), before the browser paints it.
 */
export function Root({ queryClient, onLive }: { queryClient: QueryClient; onLive?: () => void }) {
  useLayoutEffect(() => onLive?.(), [onLive]);
  return (
    <StrictMode>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        colorSchemeManager={colorSchemeManager}
        defaultColorScheme="auto"
      >
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>
  );
}
