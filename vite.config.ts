import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { visualizer } from 'rollup-plugin-visualizer';
import type { Plugin, PluginOption } from 'vite';
import { defineConfig } from 'vitest/config';
import { createLocalProxy } from './scripts/local-proxy.ts';

/** Where the page may send requests: Azure AI hosts, loopback emulators, and the demo's origin. */
const CONNECT_SOURCES = [
  "'self'",
  'https://*.cognitiveservices.azure.com',
  'https://*.api.cognitive.microsoft.com',
  'http://localhost:*',
  'http://127.0.0.1:*',
  'https://localhost:*',
  'https://127.0.0.1:*',
  // Blob storage: a project's documents are uploaded to its container (#21).
  'https://*.blob.core.windows.net',
  // The demo service: a reserved domain its service worker answers for (src/demo/demo-settings.ts).
  'https://demo.classify-console.invalid',
];

/**
 * CLASSIFY_CONNECT_SRC at build time: more origins the app may call (API Management, private
 * endpoints, custom domains), separated by spaces, e.g. `https://api.contoso.com https://*.contoso.net`.
 */
export function extraConnectSources(value = process.env.CLASSIFY_CONNECT_SRC ?? ''): string[] {
  const sources = value.split(/\s+/).filter(Boolean);
  for (const source of sources) {
    if (!/^https:\/\/(\*\.)?[a-z0-9.-]+(:(\d+|\*))?$/i.test(source)) {
      throw new Error(
        `CLASSIFY_CONNECT_SRC: "${source}" is not an https origin such as https://api.contoso.com or https://*.contoso.net.`,
      );
    }
  }
  return sources;
}

/**
 * What the page may do: its own scripts only, calls to the Azure AI hosts, loopback and the origins
 * of CLASSIFY_CONNECT_SRC, no plugins, no framing. Styles may be inline: Mantine sets CSS variables at
 * run time.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src ${[...CONNECT_SOURCES, ...extraConnectSources()].join(' ')}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The same-origin proxy, served by both `vite` (dev) and `vite preview`. */
function localProxy(): Plugin {
  return {
    name: 'classify-console:local-proxy',
    configureServer: (server) => void server.middlewares.use(createLocalProxy()),
    configurePreviewServer: (server) => void server.middlewares.use(createLocalProxy()),
  };
}

/** The policy goes into the built page only: the dev server injects inline scripts of its own. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'classify-console:csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * @mantine/hooks' `useId` is replaced by src/components/stable-id.ts, which keeps React's id instead of
 * swapping it for a random one on mount (a synchronous second render of every field; see the file).
 * A `load` hook, because Mantine imports the module by a relative path from its own index. The dev
 * server's dependency pre-bundling runs it too (optimizeDeps below).
 */
const MANTINE_USE_ID = /[\\/]@mantine[\\/]hooks[\\/]esm[\\/]use-id[\\/]use-id\.mjs$/;
function mantineStableIds() {
  const stableId = resolve(import.meta.dirname, 'src/components/stable-id.ts');
  return {
    name: 'classify-console:mantine-stable-ids',
    load: (id: string) =>
      MANTINE_USE_ID.test(id)
        ? `export { useStableId as useId } from ${JSON.stringify(stableId)};`
        : undefined,
  } satisfies Plugin;
}

/** `ANALYZE=1 npm run build` writes dist/stats.html: what each chunk holds, gzip sizes included. */
function bundleReport(): PluginOption {
  if (!process.env.ANALYZE) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- its types name Rollup's, absent under Vite 8.
  return visualizer({
    filename: process.env.ANALYZE_FILE ?? 'dist/stats.html',
    template: process.env.ANALYZE_FILE?.endsWith('.json') ? 'raw-data' : 'treemap',
    gzipSize: true,
  });
}

export default defineConfig({
  plugins: [react(), mantineStableIds(), localProxy(), contentSecurityPolicy(), bundleReport()],
  optimizeDeps: { rolldownOptions: { plugins: [mantineStableIds()] } },
  resolve: {
    // MSW's cookie store needs no public-suffix list for the demo (see the file).
    alias: [
      // The stores' hook reads the state as it stands during hydration too (see the file).
      { find: /^zustand$/, replacement: resolve(import.meta.dirname, 'src/zustand-hydratable.ts') },
      {
        find: /^tldts$/,
        replacement: resolve(import.meta.dirname, 'src/demo/registrable-domain.ts'),
      },
    ],
  },
  preview: {
    headers: {
      'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
  test: {
    environment: 'node',
    setupFiles: ['src/test/setup.ts'],
    // Component tests render Mantine in happy-dom: a second or two on a quiet 2-core machine, but
    // 5 s (the default) was seen exceeded while browsers ran beside them. A hang still fails.
    testTimeout: 20_000,
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'eslint-rules/**/*.test.js'],
  },
});
