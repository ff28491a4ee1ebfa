import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { isDemoOrigin, openOnDemoIfFirstVisit, startDemo } from './app/demo';
import { createQueryClient } from './app/query-client';
import { theme } from './app/theme';
import { settleUnsentJobs } from './features/jobs/batch-runner';
import { setRequestGate } from './service/http';

// The demo's service worker starts before the first request to the demo origin, and never otherwise.
setRequestGate(async (url) => {
  if (isDemoOrigin(url)) await startDemo();
});

openOnDemoIfFirstVisit();
// Jobs a reloaded page never sent cannot be sent now: their texts were in the old page's memory.
settleUnsentJobs();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={createQueryClient()}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
