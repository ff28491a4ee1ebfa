import { useEffect, useState } from 'react';
import type { ImproveStore, SavedImprovement } from './improve-flow';

type PreviousProject = NonNullable<SavedImprovement['previousProject']>;

/**
 * The project file exported before this run's import, read from where the run keeps it
 * (IndexedDB in the app). It needs no key and no flow: after a reload, before the key is typed
 * again, the user can still download it and roll back.
 */
export function usePreviousProject(
  store: ImproveStore,
  fromFlow: PreviousProject | undefined,
): PreviousProject | undefined {
  const [saved, setSaved] = useState<{ store: ImproveStore; previous?: PreviousProject }>();
  useEffect(() => {
    let live = true;
    void store.load().then(
      (improvement) => {
        if (live)
          setSaved({
            store,
            ...(improvement?.previousProject ? { previous: improvement.previousProject } : {}),
          });
      },
      // Unreadable storage: nothing to offer, and the flow says why if it fails too.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [store]);
  // Another run's store: what was read for the last one is not this run's.
  return fromFlow ?? (saved?.store === store ? saved.previous : undefined);
}
