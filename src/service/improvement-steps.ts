/**
 * What each step of improving a project's model leaves behind: the one shape that the improve flow
 * writes and a run's record keeps (so a reload follows the same job and sends nothing twice).
 */

/** One step of improving the project's model from a run (issue #21), in the order they happen. */
export const IMPROVE_STEPS = ['export', 'upload', 'import', 'train', 'deploy', 'swap'] as const;
export type ImproveStep = (typeof IMPROVE_STEPS)[number];

/**
 * - sending: the request may be on its way (found like this after a reload: it may have gone out).
 * - accepted: the service answered 202; `jobUrl` is followed until it ends.
 * - succeeded / failed / cancelled: it ended; `error` says why it failed.
 */
export interface ImproveStepRecord {
  state: 'sending' | 'accepted' | 'succeeded' | 'failed' | 'cancelled';
  jobUrl?: string;
  acceptedAt?: number;
  /** What was asked: the model label, the deployment, the two swapped deployments. */
  modelLabel?: string;
  deploymentName?: string;
  swapped?: [string, string];
  /** Train only: what the run's deployment served when training was sent, to compare with. */
  baseline?: { deploymentName: string; modelLabel: string };
  /** Swap only: the models the two deployments served before it, in `swapped`'s order. */
  swappedModels?: [string, string];
  /** Why it failed, in words (with the service's code). */
  error?: string;
  /** Upload only: the blobs already in the container, never sent again. */
  uploaded?: string[];
}
