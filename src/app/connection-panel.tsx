import { ConnectionForm } from '../features/connection/connection-form';
import { useConnectionSettings } from '../features/connection/connection-store';
import type { FieldErrors } from '../features/connection/validate-connection';
import {
  DeploymentField,
  ProjectField,
  ResourceSuggestionsStatus,
} from '../features/resource/name-fields';
import { useResourceCredentials } from './resource-credentials';

/** The connection form, its project and deployment fields suggesting what the resource has. */
export function ConnectionPanel({ errors }: { errors: FieldErrors }) {
  const credentials = useResourceCredentials(useConnectionSettings());
  return (
    <ConnectionForm
      errors={errors}
      pickers={{
        status: <ResourceSuggestionsStatus credentials={credentials} />,
        project: (field) => <ProjectField credentials={credentials} {...field} />,
        deployment: (field) => <DeploymentField credentials={credentials} {...field} />,
      }}
    />
  );
}
