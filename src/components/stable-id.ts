import { useId } from 'react';

/**
 * `useId` of @mantine/hooks as the app builds it (vite.config.ts, `mantineStableIds`). Mantine's
 * own starts from React's id and swaps it for a random one in a layout effect: every input, menu
 * and popover then rendered twice on mount, the second time synchronously. On the first screen that
 * was a ~60 ms task right after hydration; in a big run, a re-render of each panel that mounted.
 * React's id is already unique in the page and the same in the server render, so it is kept.
 */
export function useStableId(staticId?: string): string {
  const reactId = useId();
  return staticId ?? `mantine-${reactId.replace(/:/g, '')}`;
}
