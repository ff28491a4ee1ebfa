import '../../components/overlay-styles';
import { Autocomplete, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  expiryStatus,
  type AuthoringDeployment,
  type AuthoringProject,
} from '../../service/authoring';
import type { Credentials } from '../../service/http';
import type { LabelMode } from '../../service/model';
import { deploymentsQuery, modelsQuery, projectsQuery, resourceScopeKey } from './resource-queries';
import type { DeploymentFieldProps, NameFieldProps, ProjectFieldProps } from './name-field-props';
import { READING_PROJECTS, SuggestionsLine, useFocusFromStandIn } from './name-field-stand-in';
import { formatDay, formatWhen, unknownNameWarning } from './resource-names';

/** Placeholder credentials for a disabled query; never sent. */
const NONE: Credentials = { endpoint: '', key: '' };
const NAME_PATTERN = /^[A-Za-z0-9_.-]{1,50}$/;
const PROJECT_SETTLE_MS = 400;

function useProjects(credentials: Credentials | undefined) {
  return useQuery({ ...projectsQuery(credentials ?? NONE), enabled: credentials !== undefined });
}

/** The deployments of the project being typed, read once the name stops changing. */
export function useDeployments(credentials: Credentials | undefined, projectName: string) {
  const [settled] = useDebouncedValue(projectName.trim(), PROJECT_SETTLE_MS);
  const projects = useProjects(credentials);
  const known = projects.data?.some((project) => project.projectName === settled) ?? true;
  const enabled = credentials !== undefined && NAME_PATTERN.test(settled) && known;
  const deployments = useQuery({
    ...deploymentsQuery(credentials ?? NONE, settled),
    enabled,
  });
  const models = useQuery({ ...modelsQuery(credentials ?? NONE, settled), enabled });
  return { projectName: settled, enabled, deployments, models };
}

const KIND_WORDS: Record<LabelMode, string> = { single: 'single label', multi: 'multi label' };

function projectDetail(project: AuthoringProject): string {
  return `${project.language}${project.multilingual ? ' (multilingual)' : ''} · ${KIND_WORDS[project.labelMode]} · trained ${formatWhen(project.lastTrainedAt)}`;
}

const EXPIRY_WORDS = { ok: '', soon: ' (soon)', expired: ' (expired)' } as const;

function deploymentDetail(deployment: AuthoringDeployment, modelLabel: string | undefined): string {
  const expiry = EXPIRY_WORDS[expiryStatus(deployment.expiresOn)];
  return `model ${modelLabel ?? deployment.modelId} · expires ${formatDay(deployment.expiresOn)}${expiry}`;
}

function Suggestion({ name, detail }: { name: string; detail: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{name}</Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Stack>
  );
}

function Described({ text, warning }: { text: string; warning: string | undefined }) {
  return (
    <>
      {text}
      {warning ? (
        <Text component="span" size="xs" c="orange.9" display="block">
          ⚠ {warning}
        </Text>
      ) : null}
    </>
  );
}

interface SuggestingFieldProps extends Omit<NameFieldProps, 'credentials'> {
  label: 'Project name' | 'Deployment name';
  what: 'project' | 'deployment';
  /** What the resource has, each name with its line of detail; undefined until it is read. */
  suggestions: ReadonlyMap<string, string> | undefined;
  onOptionSubmit?: (name: string) => void;
}

/** Free text with the resource's names as suggestions, and a hint when the name is not one. */
function SuggestingField({
  label,
  what,
  suggestions,
  description,
  onOptionSubmit,
  ...field
}: SuggestingFieldProps) {
  const ref = useFocusFromStandIn(label);
  const names = suggestions ? [...suggestions.keys()] : undefined;
  const warning = unknownNameWarning(field.value, names, what);
  return (
    <Autocomplete
      ref={ref}
      label={label}
      description={<Described text={description} warning={warning} />}
      spellCheck={false}
      {...field}
      {...(onOptionSubmit ? { onOptionSubmit } : {})}
      data={names ?? []}
      renderOption={({ option }) => (
        <Suggestion name={option.value} detail={suggestions?.get(option.value) ?? ''} />
      )}
      // The list is mounted only while open: Mantine keeps a closed one in the page (display:
      // none), and positioning it forced a layout of the page as each field mounted.
      comboboxProps={{ hideDetached: false, keepMounted: false }}
    />
  );
}

/** Project name: free text, with the resource's classification projects as suggestions. */
export function ProjectField({ credentials, onKind, ...field }: ProjectFieldProps) {
  const projects = useProjects(credentials);
  const byName = new Map((projects.data ?? []).map((project) => [project.projectName, project]));
  return (
    <SuggestingField
      label="Project name"
      what="project"
      suggestions={
        projects.data
          ? new Map([...byName].map(([name, project]) => [name, projectDetail(project)]))
          : undefined
      }
      onOptionSubmit={(name) => {
        const project = byName.get(name);
        if (project) onKind(project.labelMode);
      }}
      {...field}
    />
  );
}

/** Deployment name: free text, with the chosen project's deployments as suggestions. */
export function DeploymentField({ credentials, projectName, ...field }: DeploymentFieldProps) {
  const { deployments, models } = useDeployments(credentials, projectName);
  const labelOf = (modelId: string) =>
    models.data?.find((model) => model.modelId === modelId)?.label;
  return (
    <SuggestingField
      label="Deployment name"
      what="deployment"
      suggestions={
        deployments.data
          ? new Map(
              deployments.data.map((deployment) => [
                deployment.deploymentName,
                deploymentDetail(deployment, labelOf(deployment.modelId)),
              ]),
            )
          : undefined
      }
      {...field}
    />
  );
}

/** How the suggestions stand, and a Refresh that reads the resource again. */
export function ResourceSuggestionsStatus({
  credentials,
}: {
  credentials: Credentials | undefined;
}) {
  const queryClient = useQueryClient();
  const projects = useProjects(credentials);
  if (!credentials) return null;
  let text: string;
  if (projects.isPending) text = READING_PROJECTS;
  else if (projects.isError)
    text = `Could not read the projects on this resource: ${projects.error.message}`;
  else {
    const count = projects.data.length;
    text = `Suggestions from this resource: ${count} classification project${count === 1 ? '' : 's'}.`;
  }
  return (
    <SuggestionsLine
      text={text}
      failed={projects.isError}
      refreshing={projects.isFetching}
      onRefresh={() =>
        void queryClient.invalidateQueries({ queryKey: resourceScopeKey(credentials) })
      }
    />
  );
}
