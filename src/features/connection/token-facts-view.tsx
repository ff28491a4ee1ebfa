import { Alert, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { tokenFacts, relativeTime } from './token-facts';
import { onFirstUse } from '../../lib/on-first-use';

/** The time, updated every `intervalMs` while mounted, so an expiry warning appears on its own. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const timeFormat = onFirstUse(
  () => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
);

/** Who a pasted token is for and when it expires, as its claims say (unverified), with warnings. */
export function TokenFactsView({ token }: { token: string }) {
  const now = useNow(5_000);
  if (!token.trim()) return null;
  const facts = tokenFacts(token, now);
  if (!facts.ok) return null;
  const { who, expiresAt, status, forCognitiveServices, timeProblem } = facts;
  return (
    <>
      <Text size="xs" c="dimmed">
        For {who ?? 'an unnamed account'}
        {expiresAt
          ? `, expires ${timeFormat().format(expiresAt)} (${relativeTime(expiresAt, now)})`
          : timeProblem
            ? ', expiry unknown'
            : ', with no expiry time'}
        . Read from the token’s claims without verifying it.
      </Text>
      {timeProblem ? (
        <Alert color="yellow" variant="light" role="alert" title="The token’s times cannot be read">
          {timeProblem} The service decides whether it is valid; if it refuses it, get a new token.
        </Alert>
      ) : null}
      {status === 'expired' ? (
        <Alert color="red" variant="light" role="alert" title="The access token has expired">
          The service will refuse it. Get a new one (for example with{' '}
          <code>az account get-access-token --resource https://cognitiveservices.azure.com</code>)
          and paste it here.
        </Alert>
      ) : null}
      {status === 'expiring' && expiresAt ? (
        <Alert color="yellow" variant="light" role="alert" title="The access token expires soon">
          It expires {relativeTime(expiresAt, now)}. Paste a new one before then to keep working.
        </Alert>
      ) : null}
      {!forCognitiveServices ? (
        <Alert
          color="yellow"
          variant="light"
          role="alert"
          title="Not a token for Azure AI Language"
        >
          Its audience is not https://cognitiveservices.azure.com, so the service will likely refuse
          it. Ask for a token for that resource.
        </Alert>
      ) : null}
    </>
  );
}
