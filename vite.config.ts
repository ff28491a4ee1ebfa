import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { createLocalProxy } from './scripts/local-proxy.ts';

/**
 * What the page may do: its own scripts only, calls to https endpoints (any Azure resource) and to
 * loopback emulators over http, no plugins, no framing. Styles may be inline: Mantine sets CSS
 * variables at run time.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
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

export default defineConfig({
  plugins: [react(), localProxy(), contentSecurityPolicy()],
  preview: {
    headers: {
      'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
  },
});
