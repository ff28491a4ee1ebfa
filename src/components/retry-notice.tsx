import { Alert, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ServiceError } from '../service/errors';
import { retryDelay } from '../service/polling';

interface RetryNoticeProps {
  /** The failure React Query is about to retry (its `failureReason`). */
  reason: unknown;
  /** Failures so far. Key the notice by it so that each new wait restarts the countdown. */
  failureCount: number;
}

/** Counts down from mount; the caller keys this component by failure, so each wait restarts it. */
function useSecondsLeft(waitMs: number): number {
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((startedAt + waitMs - now) / 1000));
}

/** Says, while it happens, that the app is waiting out a throttle or a transient failure. */
export function RetryNotice({ reason, failureCount }: RetryNoticeProps) {
  const error = reason instanceof ServiceError ? reason : undefined;
  // The wait is the one React Query uses (same function); without jitter's exact value, its upper bound.
  const waitMs = error?.retryAfterMs ?? retryDelay(failureCount - 1, undefined, () => 1);
  const seconds = useSecondsLeft(waitMs);
  const throttled = error?.status === 429;
  return (
    <Alert color="yellow" variant="light" role="status">
      <Text size="sm">
        {throttled
          ? `Throttled, retrying in ${seconds} s`
          : `${error?.message ?? 'The request failed.'} Retrying in ${seconds} s (attempt ${failureCount + 1}).`}
      </Text>
    </Alert>
  );
}
