import { renderToString } from 'react-dom/server';
import { openOnDemoIfFirstVisit } from './app/demo';
import { createQueryClient } from './app/query-client';
import { Root } from './app/root';

/**
 * The first screen of a first visit (the form on the demo), as HTML, for the build to put in
 * index.html (scripts/prerender.ts): the browser paints it before any script has run. Parts that
 * come later (menus, pickers, runs) render as their stand-ins. Run with an empty localStorage.
 */
export function prerenderFirstVisit(): string {
  openOnDemoIfFirstVisit();
  return renderToString(<Root queryClient={createQueryClient()} />);
}
