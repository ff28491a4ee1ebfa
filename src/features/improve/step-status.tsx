import { Alert, Code, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { StepLive } from './improve-flow';

/** A step's failure, announced; or its wait when the service throttles, counted down. */
export function StepStatus({ step, label }: { step: StepLive; label: string }) {
  const [now, setNow] = useState(() => Date.now());
  const until = step.throttledUntil;
  useEffect(() => {
    if (until === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [until]);
  if (step.phase === 'failed' || (step.phase === 'cancelled' && step.failure)) {
    const failure = step.failure;
    return (
      <Alert role="alert" color="red" title={failure?.title ?? `${label} failed.`}>
        <Stack gap={4}>
          {failure?.quote ? (
            <Text size="sm">
              The service said: <Code>{failure.quote}</Code>
            </Text>
          ) : null}
          {failure?.hint ? <Text size="sm">{failure.hint}</Text> : null}
          {failure?.corsRule ? (
            <Code block aria-label="CORS rule to add">
              {[
                `Allowed origins: ${failure.corsRule.allowedOrigins}`,
                `Allowed methods: ${failure.corsRule.allowedMethods}`,
                `Allowed headers: ${failure.corsRule.allowedHeaders}`,
                `Exposed headers: ${failure.corsRule.exposedHeaders}`,
                `Max age: ${failure.corsRule.maxAgeInSeconds}`,
              ].join('\n')}
            </Code>
          ) : null}
        </Stack>
      </Alert>
    );
  }
  if (step.phase === 'unsure') {
    return (
      <Alert role="alert" color="yellow" title={`${label}: the request may have been sent`}>
        <Text size="sm">
          The page was closed while the request was on its way, so whether the service received it
          is unknown. Check the project before sending it again.
        </Text>
      </Alert>
    );
  }
  if (until !== undefined && until > now) {
    return (
      <Text size="sm" role="status">
        The service asked the app to slow down (HTTP 429): going on in{' '}
        {Math.ceil((until - now) / 1000)} s, by itself.
      </Text>
    );
  }
  return null;
}
