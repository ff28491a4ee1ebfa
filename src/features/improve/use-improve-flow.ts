import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ImproveFlow, type FlowDeps, type FlowState } from './improve-flow';

const EMPTY: FlowState = {
  steps: {
    export: { phase: 'idle' },
    upload: { phase: 'idle' },
    import: { phase: 'idle' },
    train: { phase: 'idle' },
    deploy: { phase: 'idle' },
    swap: { phase: 'idle' },
  },
};
const noop = () => () => undefined;

/**
 * The open run's flow: made when the run, endpoint, secret or project change, resumed at once
 * (a reload follows its saved jobs again), stopped when the region goes away.
 */
export function useImproveFlow(
  identity: string,
  deps: FlowDeps | undefined,
): { flow: ImproveFlow | undefined; state: FlowState } {
  const depsRef = useRef(deps);
  useEffect(() => {
    depsRef.current = deps;
  });
  const [flow, setFlow] = useState<ImproveFlow>();
  const ready = deps !== undefined;
  useEffect(() => {
    const current = depsRef.current;
    if (!ready || !current) return;
    const made = new ImproveFlow(current);
    setFlow(made);
    void made.resume();
    return () => {
      made.dispose();
      setFlow(undefined);
    };
  }, [identity, ready]);
  const state = useSyncExternalStore(flow?.subscribe ?? noop, flow?.getState ?? (() => EMPTY));
  return { flow, state };
}
