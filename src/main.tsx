import './app/mantine-styles';
import './app/app.css';
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { openOnDemoIfFirstVisit, prepareForRequest } from './app/demo';
import { ReplaceWithDemo } from './app/header-menus';
import { loadRunsWhenIdle } from './app/lazy-runs';
import { reloadWhenErasedElsewhere } from './app/erase-signal';
import { isFirstVisit } from './app/first-visit';
import { createQueryClient } from './app/query-client';
import { Root } from './app/root';
import { whenIdle } from './lib/when-idle';
import { setRequestGate } from './service/request-gate';

// The demo's service worker starts before the first request to the demo origin, and never
// otherwise; it stops answering once only other services are used (see prepareForRequest).
setRequestGate(prepareForRequest);

// Read before the demo fills the form (which keeps the settings on the device).
const firstVisit = isFirstVisit(() => localStorage);
openOnDemoIfFirstVisit();

// Erase all data on this device in another tab: this one reloads rather than write back its copy.
reloadWhenErasedElsewhere();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

const queryClient = createQueryClient();

/**
 * The first screen as the build prerendered it (scripts/prerender.ts) is inert until React owns it:
 * before, nothing in it may take input that React would not know of (a typed character, a click on
 * Submit job). From here on it is the live page.
 */
function goLive(container: HTMLElement) {
  container.removeAttribute('inert');
  container.removeAttribute('aria-hidden');
  container.removeAttribute('data-prerendered');
}

// A transition: React renders the first screen in slices of a few milliseconds, yielding to the
// browser between them, instead of one long task that would hold up input.
if (firstVisit && root.hasAttribute('data-prerendered')) {
  // A first visit: the prerendered markup is what React renders, so React adopts it (hydrates)
  // instead of drawing the page again. The same nodes stay on screen and go live.
  startTransition(() => {
    hydrateRoot(root, <Root queryClient={queryClient} onLive={() => goLive(root)} />);
  });
} else {
  // Kept settings differ from the demo's: public/boot.js has kept the prerendered screen hidden,
  // and React renders the page afresh from what was kept.
  root.replaceChildren();
  goLive(root);
  startTransition(() => createRoot(root).render(<Root queryClient={queryClient} />));
}

// Runs left unfinished by the last page carry on, each where it was, once the form is on screen.
loadRunsWhenIdle(queryClient);

// The header's dialog (Try the demo asks first) is fetched while the user reads the form.
whenIdle(() => void ReplaceWithDemo.preload());
