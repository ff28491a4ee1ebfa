import type { ServiceError } from '../../../service/errors';
import type { LiveFeed } from './live-feed';
import type { RunSecret } from './run-service';

/** The form's secret, unless it is the one the service refused last (sending it again is futile). */
export function usableSecret(
  secret: RunSecret | undefined,
  refusedKey: string | undefined,
): RunSecret | undefined {
  return secret && secret.key !== refusedKey ? secret : undefined;
}

/**
 * Whether a run waits for a key or token, worked out here only: the form has none, or only the
 * one the service refused (401). The wait is said on the run (RunLive) and lifted by another key.
 */
export class KeyWait {
  /** The key or token the service refused last; another one lifts the wait. */
  private refusedKey: string | undefined;

  constructor(
    /** The key (or token) for the run's endpoint when the form holds one. */
    private readonly secret: () => RunSecret | undefined,
    private readonly feed: LiveFeed,
  ) {}

  /** The form's secret, refused or not: a cancel is only tried, and its failure changes nothing. */
  current(): RunSecret | undefined {
    return this.secret();
  }

  usable(): RunSecret | undefined {
    return usableSecret(this.secret(), this.refusedKey);
  }

  /** No usable secret, and jobs need one to be sent or polled: the run says it waits for one. */
  wait(): void {
    this.feed.set({ waitingForKey: true });
  }

  /**
   * The service answered 401 to `secret`: every job stays as it is, and the run waits for another
   * secret. Unless the form holds another one already, typed while the request was out (a key typed
   * keystroke by keystroke is sent as its first characters): the refusal is then of a key no longer
   * in use, no key change will come to lift a wait, and the run goes on with the new one. True then.
   */
  refused(error: ServiceError, secret: RunSecret): boolean {
    this.refusedKey = secret.key;
    if (this.changed()) return true;
    this.feed.set({ authRefused: error, waitingForKey: true });
    return false;
  }

  /** The form's key changed: true, and the wait is over, when the new one may be used. */
  changed(): boolean {
    if (!this.usable()) return false;
    this.refusedKey = undefined;
    this.feed.set({ waitingForKey: false, authRefused: undefined });
    return true;
  }
}
