import { build, preview } from 'vite';

/** The production build, served by `vite preview` on a free loopback port, for the scripts. */
export async function startApp() {
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview gave no URL');
  return { url, close: () => server.close() };
}
