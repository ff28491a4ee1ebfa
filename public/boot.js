// Runs before the first paint (a classic script in <head>; the CSP allows no inline one).
// 1. The color scheme, as Mantine's ColorSchemeScript would set it: the choice kept by the header's
//    Color scheme menu (src/app/root.tsx), else the system's.
// 2. A returning visitor has settings of their own: the prerendered first screen (the demo, see
//    scripts/prerender.ts) would show the wrong values, so it stays hidden until React renders.
(function () {
  var html = document.documentElement;
  var stored = null;
  var returning = false;
  try {
    stored = localStorage.getItem('classify-console:color-scheme');
    returning = localStorage.getItem('classify-console:connection') !== null;
  } catch {
    // Storage disabled: the system's scheme and the first visit's screen.
  }
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  var scheme = stored === 'light' || stored === 'dark' ? stored : dark ? 'dark' : 'light';
  html.setAttribute('data-mantine-color-scheme', scheme);
  if (returning) html.setAttribute('data-returning', '');
})();
