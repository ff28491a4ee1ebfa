/** Resolves, when the request may leave, to what to call once its answer is in (or it failed). */
type RequestGate = (url: URL) => Promise<(() => void) | undefined>;
let gate: RequestGate = () => Promise.resolve(undefined);

// Apart from http.ts so that setting it up front does not load the client (and its schemas).

/** Lets the app prepare something (the demo's service worker) before a request leaves. */
export function setRequestGate(next: RequestGate): void {
  gate = next;
}

export const requestGate = (): RequestGate => gate;
