import './app/mantine-styles';
import './app/app.css';
import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { isDemoOrigin, openOnDemoIfFirstVisit, startDemo } from './app/demo';
import { ReplaceWithDemo } from './app/header-menus';
import { loadRunsWhenIdle } from './app/lazy-runs';
import { reloadWhenErasedElsewhere } from './app/erase-signal';
import { createQueryClient } from './app/query-client';
import { Root } from './app/root';
import { whenIdle } from './lib/when-idle';
import { setRequestGate } from './service/request-gate';

// The demo's service worker starts before the first request to the demo origin, and never otherwise.
setRequestGate(async (url) => {
  if (isDemoOrigin(url)) await startDemo();
});

openOnDemoIfFirstVisit();

// Erase all data on this device in another tab: this one reloads rather than write back its copy.
reloadWhenErasedElsewhere();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

const queryClient = createQueryClient();

// A transition: React renders the first screen in slices of a few milliseconds, yielding to the
// browser between them, instead of one long task that would hold up input. Until it commits, the
// prerendered first screen (index.html, inert) stays on show.
startTransition(() => createRoot(root).render(<Root queryClient={queryClient} />));

// Runs left unfinished by the last page carry on, each where it was, once the form is on screen.
loadRunsWhenIdle(queryClient);

// The header's dialog (Try the demo asks first) is fetched while the user reads the form.
whenIdle(() => void ReplaceWithDemo.preload());
