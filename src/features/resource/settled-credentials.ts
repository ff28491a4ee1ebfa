import { useDebouncedValue } from '@mantine/hooks';
import type { Credentials } from '../../service/http';

/** How long the endpoint and secret must stay unchanged before the resource is read. */
const CREDENTIALS_SETTLE_MS = 600;

/**
 * The credentials once they have stopped changing, so typing an endpoint or a key does not send
 * an authoring read per keystroke.
 */
export function useSettledCredentials(
  credentials: Credentials | undefined,
): Credentials | undefined {
  const id = credentials
    ? `${credentials.endpoint}\n${credentials.scheme ?? 'key'}\n${credentials.key}`
    : '';
  const [settled] = useDebouncedValue(id, CREDENTIALS_SETTLE_MS);
  return credentials && settled === id ? credentials : undefined;
}
