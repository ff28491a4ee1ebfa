import { queryOptions, useQuery } from '@tanstack/react-query';
import { authoringReadsVersionOf, type ApiVersion } from '../../service/api-profiles';
import {
  listTrainingConfigVersions,
  readProjectSettings,
  type ClassificationProjectKind,
} from '../../service/authoring';
import type { Credentials } from '../../service/http';
import type { LabelMode } from '../../service/model';
import { RESOURCE_QUERY_DEFAULTS, resourceKeys } from './resource-keys';
import { credentialTag } from './resource-queries';

/**
 * The Model panel's reads that depend on the authoring version: the project's settings (its
 * confidence threshold, which the newer versions return) and the training config versions with
 * their expiry dates. Keyed under the resource, so Refresh reads them again; never the secret.
 */

const NONE: Credentials = { endpoint: '', key: '' };

const KINDS: Record<LabelMode, ClassificationProjectKind> = {
  single: 'CustomSingleLabelClassification',
  multi: 'CustomMultiLabelClassification',
};

const scopeOf = (credentials: Credentials) =>
  [credentials.endpoint, credentialTag(credentials)] as const;

function projectSettingsQuery(
  credentials: Credentials,
  projectName: string,
  authoringVersion: string,
) {
  return queryOptions({
    queryKey: [
      ...resourceKeys.project(scopeOf(credentials), projectName),
      'settings',
      authoringVersion,
    ] as const,
    queryFn: ({ signal }) =>
      readProjectSettings(credentials, projectName, authoringVersion, signal),
    ...RESOURCE_QUERY_DEFAULTS,
  });
}

function trainingConfigVersionsQuery(
  credentials: Credentials,
  labelMode: LabelMode,
  authoringVersion: string,
) {
  return queryOptions({
    queryKey: [
      ...resourceKeys.resource(scopeOf(credentials)),
      'training-config-versions',
      labelMode,
      authoringVersion,
    ] as const,
    queryFn: ({ signal }) =>
      listTrainingConfigVersions(credentials, KINDS[labelMode], authoringVersion, signal),
    ...RESOURCE_QUERY_DEFAULTS,
  });
}

/** Both reads for the deployment the panel shows, through the chosen version's authoring version. */
export function useModelPanelReads(options: {
  credentials: Credentials | undefined;
  projectName: string;
  apiVersion: ApiVersion;
  labelMode: LabelMode;
  enabled: boolean;
}) {
  const { credentials, projectName, apiVersion, labelMode, enabled } = options;
  const authoringVersion = authoringReadsVersionOf(apiVersion);
  const on = enabled && credentials !== undefined;
  const settings = useQuery({
    ...projectSettingsQuery(credentials ?? NONE, projectName, authoringVersion),
    enabled: on,
  });
  const configVersions = useQuery({
    ...trainingConfigVersionsQuery(credentials ?? NONE, labelMode, authoringVersion),
    enabled: on,
  });
  return { authoringVersion, settings, configVersions };
}
