import { deferred } from '../../components/deferred';
import type { Credentials } from '../../service/http';
import { NameFieldStandIn, READING_PROJECTS, SuggestionsLine } from './name-field-stand-in';
import type { DeploymentFieldProps, ProjectFieldProps } from './name-field-props';

/*
 * Project name and Deployment name suggest what the resource has, through Mantine's Autocomplete
 * and the authoring client: a chunk of their own. Until it is in, plain text fields with the same
 * label, value and messages stand in, so the form paints (and takes typing) at once.
 */

export const ProjectField = deferred(
  () => import('./resource-pickers').then(({ ProjectField }) => ProjectField),
  (props: ProjectFieldProps) => <NameFieldStandIn label="Project name" {...props} />,
);

export const DeploymentField = deferred(
  () => import('./resource-pickers').then(({ DeploymentField }) => DeploymentField),
  (props: DeploymentFieldProps) => <NameFieldStandIn label="Deployment name" {...props} />,
);

export const ResourceSuggestionsStatus = deferred(
  () =>
    import('./resource-pickers').then(({ ResourceSuggestionsStatus }) => ResourceSuggestionsStatus),
  ({ credentials }: { credentials: Credentials | undefined }) =>
    credentials ? <SuggestionsLine text={READING_PROJECTS} onRefresh={undefined} /> : null,
);
