import './lib/zod-config';
import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { isDemoOrigin, openOnDemoIfFirstVisit, startDemo } from './app/demo';
import { createQueryClient } from './app/query-client';
import { createRuns } from './app/runs';
import { theme } from './app/theme';
import { RunsProvider } from './features/runs/runs-context';
import { setRequestGate } from './service/http';

// The demo's service worker starts before the first request to the demo origin, and never otherwise.
setRequestGate(async (url) => {
  if (isDemoOrigin(url)) await startDemo();
});

openOnDemoIfFirstVisit();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

const queryClient = createQueryClient();
// Runs left unfinished by the last page carry on now, each where it was.
const runs = createRuns(queryClient);

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RunsProvider coordinator={runs}>
          <App />
        </RunsProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
