import './improve-styles';
import { Card, Divider, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { profileOf, type ApiVersion } from '../../service/api-profiles';
import type { ClassificationProjectKind } from '../../service/authoring';
import { openSasContainer } from '../../service/blob-upload';
import type { Credentials } from '../../service/http';
import type { LabelMode } from '../../service/model';
import { readSasUrl } from '../../service/storage-sas';
import { comparedModel } from './compared-model';
import { DeploySection } from './deploy-section';
import { DocumentsSection } from './documents-section';
import type { StepName } from './failure-words';
import type { ImproveStore } from './improve-flow';
import { deploymentsQuery, improveKeys, modelsQuery } from './improve-queries';
import { mergeProject } from './merge-project';
import { ProjectSection } from './project-section';
import { TrainSection } from './train-section';
import { useImproveChoices, useImproveChoicesActions } from './improve-choices-store';
import { summarize, trainingSet } from './training-set';
import { useImproveFlow } from './use-improve-flow';
import { usePreviousProject } from './use-previous-project';

/** One document of the open run, with its gold label(s) and a reviewer's correction. */
export interface ImproveItem {
  index: number;
  id: string;
  text: string;
  language?: string | undefined;
  labels?: readonly string[] | undefined;
  correction?: readonly string[] | undefined;
}

interface ImproveRegionProps {
  run: {
    id: string;
    labelMode: LabelMode;
    labelled: boolean;
    endpoint: string;
    apiVersion: ApiVersion;
    projectName: string;
    deploymentName: string;
  };
  items: readonly ImproveItem[];
  /** The connection's credentials when they are for the run's endpoint; undefined otherwise. */
  credentials: Credentials | undefined;
  store: ImproveStore;
  /** A container SAS URL the field starts with (the demo's own); the user's is never kept. */
  offeredSasUrl?: string | undefined;
  /** A job of the region changed the project (trained, deployed, swapped): reads go stale. */
  onProjectChanged?: () => void;
  /** Rerun this run's documents on a deployment (a new run, opened); none: the region says how. */
  onRerun?: (deploymentName: string) => void;
}

const CHANGING_STEPS: readonly StepName[] = ['import', 'train', 'deploy', 'swap'];

const PROJECT_KINDS: Record<LabelMode, ClassificationProjectKind> = {
  single: 'CustomSingleLabelClassification',
  multi: 'CustomMultiLabelClassification',
};

function download(name: string, value: unknown) {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Region "Improve the model": the run's corrections (and gold labels) become training data in its
 * project, merged, never replacing; then train, deploy and swap, each step a job followed here.
 */
export function ImproveRegion({
  run,
  items,
  credentials,
  store,
  offeredSasUrl,
  onProjectChanged,
  onRerun,
}: ImproveRegionProps) {
  const headingId = useId();
  const profile = profileOf(run.apiVersion);
  // Kept across reloads, per run (improve-choices-store.ts); the SAS URL is not, by design.
  const { includeGold, addAs } = useImproveChoices(run.id);
  const { choose } = useImproveChoicesActions();
  const [sasUrl, setSasUrl] = useState(offeredSasUrl ?? '');
  const queryClient = useQueryClient();

  const set = useMemo(
    () =>
      trainingSet(
        { id: run.id, labelMode: run.labelMode },
        items,
        items.flatMap((item) =>
          item.correction ? [{ index: item.index, labels: item.correction }] : [],
        ),
        { includeGold, addAs },
      ),
    [items, run.id, run.labelMode, includeGold, addAs],
  );

  const target = {
    endpoint: run.endpoint,
    authoringVersion: profile.deletion.authoringVersion,
    projectName: run.projectName,
  };
  const { flow, state } = useImproveFlow(
    `${run.id}\n${credentials?.endpoint ?? ''}\n${credentials?.key ?? ''}\n${run.projectName}`,
    credentials && profile.generation === 'ga'
      ? { credentials, target, store, origin: window.location.origin }
      : undefined,
  );

  const previousProject = usePreviousProject(store, state.previousProject);

  const merge = useMemo(
    () => (state.exported ? mergeProject(state.exported, set.documents) : undefined),
    [state.exported, set.documents],
  );
  const projectClasses = state.exported
    ? (state.exported.assets?.classes ?? []).map((item) => item.category)
    : undefined;
  const summary = summarize(set, projectClasses);
  const sas = sasUrl.trim() ? readSasUrl(sasUrl) : undefined;
  const projectContainer = state.exported?.metadata.storageInputContainerName;
  const containerMismatch =
    sas &&
    'facts' in sas &&
    projectContainer !== undefined &&
    sas.facts.containerName !== projectContainer
      ? `The SAS URL is for container “${sas.facts.containerName}”, but the project reads its documents from “${projectContainer}”.`
      : undefined;

  const canRead = credentials !== undefined && profile.generation === 'ga';
  const deployments = useQuery({
    ...deploymentsQuery(credentials ?? { endpoint: run.endpoint, key: '' }, run.projectName),
    enabled: canRead,
  });
  const models = useQuery({
    ...modelsQuery(credentials ?? { endpoint: run.endpoint, key: '' }, run.projectName),
    enabled: canRead,
  });
  const modelOf = (deploymentName: string) => {
    const deployment = deployments.data?.find((item) => item.deploymentName === deploymentName);
    if (!deployment) return undefined;
    return (
      models.data?.find((model) => model.modelId === deployment.modelId)?.label ??
      deployment.modelId
    );
  };

  // A job that changed the project (or what a deployment serves) makes every read of it stale.
  const changed = CHANGING_STEPS.filter((step) => state.steps[step].phase === 'succeeded').join();
  useEffect(() => {
    if (!changed) return;
    void queryClient.invalidateQueries({
      queryKey: improveKeys.project(run.endpoint, run.projectName),
    });
    onProjectChanged?.();
  }, [changed, queryClient, run.endpoint, run.projectName, onProjectChanged]);

  const trainedLabel =
    state.steps.train.phase === 'succeeded' ? state.steps.train.record?.modelLabel : undefined;

  return (
    <Card component="section" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={3} id={headingId}>
          Improve the model
        </Title>
        {profile.generation !== 'ga' ? (
          <Text size="sm">
            This run used the 2021 preview API ({run.apiVersion}), whose authoring API has no
            import, training or deployment. Choose a GA API version in the connection settings and
            rerun to improve the model from here.
          </Text>
        ) : (
          <>
            <Text size="sm">
              Corrections from the review (and, if you choose, gold labels) become training data in
              project {run.projectName}: merged into what it holds, never replacing it. Then train,
              deploy to a deployment of your choice, compare, and swap when you are sure.
            </Text>
            {!credentials ? (
              <Text size="sm" role="status">
                Enter the key (or sign in) for {run.endpoint} in the connection form to read and
                change the project.
              </Text>
            ) : null}
            <DocumentsSection
              includeGold={includeGold}
              onIncludeGold={(next) => choose(run.id, { includeGold: next })}
              canIncludeGold={run.labelled}
              addAs={addAs}
              onAddAs={(next) => choose(run.id, { addAs: next })}
              set={set}
              summary={summary}
            />
            <Divider />
            <ProjectSection
              state={state}
              canWrite={flow !== undefined}
              sasUrl={sasUrl}
              onSasUrl={setSasUrl}
              sas={sas}
              containerMismatch={containerMismatch}
              merge={merge}
              onReadProject={() => void flow?.readProject()}
              onImport={() => {
                if (!flow || !state.exported || !merge) return;
                const url = sasUrl.trim();
                void flow.addToTrainingData(state.exported, set.documents, merge.project, () =>
                  openSasContainer(url),
                );
              }}
              previousProject={previousProject}
              onDownloadPrevious={() => {
                const previous = previousProject;
                if (previous)
                  download(
                    `${previous.projectName}-before-${new Date(previous.exportedAt).toISOString().slice(0, 10)}.json`,
                    previous.file,
                  );
              }}
            />
            <Divider />
            <TrainSection
              state={state}
              credentials={flow ? credentials : undefined}
              projectName={run.projectName}
              projectKind={PROJECT_KINDS[run.labelMode]}
              authoringVersion={target.authoringVersion}
              compared={comparedModel(
                state.steps.train.record,
                run.deploymentName,
                modelOf(run.deploymentName),
              )}
              onTrain={(options) => {
                // What the run's deployment serves now is what the new model is compared with.
                const served = modelOf(run.deploymentName);
                void flow?.train(
                  options,
                  served ? { deploymentName: run.deploymentName, modelLabel: served } : undefined,
                );
              }}
              onCancel={() => void flow?.cancelTraining()}
            />
            <Divider />
            <DeploySection
              state={state}
              canWrite={flow !== undefined}
              projectName={run.projectName}
              modelLabel={trainedLabel}
              deployments={deployments.data ?? []}
              modelOf={modelOf}
              onDeploy={(name, label) => void flow?.deploy(name, label)}
              onSwap={(first, second) => {
                const [one, other] = [modelOf(first), modelOf(second)];
                void flow?.swap(first, second, one && other ? [one, other] : undefined);
              }}
              rerunHint={(name) =>
                onRerun
                  ? `Rerun on ${name} sends these documents to it as a new run; Compare with there shows what the new model changes.`
                  : `To see what it changes on these documents, set the deployment to ${name} in the connection form, Rerun this run, then Compare with this one.`
              }
              {...(onRerun ? { onRerun } : {})}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}
