import type { ConnectionSettings } from '../features/connection/connection-store';
import { checkCredentials } from '../features/connection/validate-connection';
import { useSettledCredentials } from '../features/resource/settled-credentials';
import type { Credentials } from '../service/http';

/** The connection form's credentials, once valid and settled: what the resource is read with. */
export function useResourceCredentials(settings: ConnectionSettings): Credentials | undefined {
  return useSettledCredentials(checkCredentials(settings));
}
