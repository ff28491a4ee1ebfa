import './app/mantine-styles';
import './app/app.css';
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { isDemoOrigin, openOnDemoIfFirstVisit, startDemo } from './app/demo';
import { loadRunsWhenIdle } from './app/lazy-runs';
import { createQueryClient } from './app/query-client';
import { cssVariablesResolver, theme } from './app/theme';
import { setRequestGate } from './service/request-gate';

// The demo's service worker starts before the first request to the demo origin, and never otherwise.
setRequestGate(async (url) => {
  if (isDemoOrigin(url)) await startDemo();
});

openOnDemoIfFirstVisit();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

const queryClient = createQueryClient();
// Light, dark or the system's, as last chosen in the header (auto until then).
const colorSchemeManager = localStorageColorSchemeManager({ key: 'classify-console:color-scheme' });

createRoot(root).render(
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
  </StrictMode>,
);

// Runs left unfinished by the last page carry on, each where it was, once the form is on screen.
loadRunsWhenIdle(queryClient);
