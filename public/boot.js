// Runs before the first paint (a classic script in <head>; the CSP allows no inline one).
// 1. The color scheme, as Mantine's ColorSchemeScript would set it: the choice kept by the header's
//    Color scheme menu (src/app/root.tsx), else the system's.
// 2. A returning visitor (anything kept but the color scheme; the rule of src/app/first-visit.ts)
//    has settings of their own: the prerendered first screen (the demo, see scripts/prerender.ts)
//    would show the wrong values, so it stays hidden until React renders the page afresh.
(function () {
  var html = document.documentElement;
  var schemeKey = 'classify-console:color-scheme';
  var stored = null;
  var returning = false;
  try {
    stored = localStorage.getItem(schemeKey);
    for (var index = 0; index < localStorage.length; index += 1) {
      var key = localStorage.key(index);
      if (key && key.indexOf('classify-console:') === 0 && key !== schemeKey) returning = true;
    }
  } catch {
    // Storage disabled: the system's scheme and the first visit's screen.
  }
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  var scheme = stored === 'light' || stored === 'dark' ? stored : dark ? 'dark' : 'light';
  html.setAttribute('data-mantine-color-scheme', scheme);
  if (returning) html.setAttribute('data-returning', '');
})();
