import '../../components/data-styles';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { DEFAULT_API_VERSION, type ApiVersion } from '../../service/api-profiles';
import type {
  EvaluationSummary,
  ProjectSettings,
  TrainingConfigVersion,
} from '../../service/authoring';
import type { LabelMode } from '../../service/model';
import type { Credentials } from '../../service/http';
import {
  classRows,
  configVersionNotice,
  expiryNotice,
  projectThresholdFacts,
  RETIREMENTS,
  formatDelta,
  formatMetric,
  matrixLabels,
  type ClassFigures,
  type LiveFigures,
} from './model-facts';
import { useModelPanelReads } from './model-panel-queries';
import { useDeployments } from './resource-pickers';
import { evaluationQuery } from './resource-queries';
import { formatWhen } from './resource-names';

const NONE: Credentials = { endpoint: '', key: '' };

export interface ModelPanelProps {
  credentials: Credentials | undefined;
  projectName: string;
  deploymentName: string;
  /** Per-class figures from a labelled run, shown beside the training-time ones with the difference. */
  live?: LiveFigures | undefined;
  /** For tests: the time expiry is judged against. */
  now?: number | undefined;
  /** What the form still lacks before the deployment can be read, said in its place. */
  waitsFor?: string | undefined;
  /** The form's API version: its authoring version reads the project's settings. */
  apiVersion?: ApiVersion | undefined;
  labelMode?: LabelMode | undefined;
  /** The open run's threshold (0 to 1), when a run of this deployment is open. */
  runThreshold?: number | undefined;
  /** Makes the project's confidence threshold the open run's; absent when no such run is open. */
  onUseThreshold?: ((threshold: number) => void) | undefined;
}

const SUBJECTS = {
  model: 'Model',
  deployment: 'Deployment',
  config: 'Training config version',
} as const;

function NoticeLine({
  what,
  notice,
}: {
  what: keyof typeof SUBJECTS;
  notice: ReturnType<typeof expiryNotice>;
}) {
  if (notice.status === 'ok') return <Text size="sm">{notice.text}</Text>;
  const expired = notice.status === 'expired';
  return (
    // An expired model is an error the user must hear; one expiring soon is a standing note.
    <Alert
      role={expired ? 'alert' : 'note'}
      variant="light"
      color={expired ? 'red' : 'yellow'}
      title={`${SUBJECTS[what]} ${expired ? 'expired' : 'expiring soon'}`}
    >
      {notice.text}
    </Alert>
  );
}

function ExpiryLine({
  what,
  date,
  now,
}: {
  what: 'model' | 'deployment';
  date: string;
  now: number;
}) {
  return <NoticeLine what={what} notice={expiryNotice(what, date, now)} />;
}

function ConfigVersionLine({
  configVersion,
  versions,
  now,
}: {
  configVersion: string;
  versions: readonly TrainingConfigVersion[] | undefined;
  now: number;
}) {
  if (!versions) return null;
  return <NoticeLine what="config" notice={configVersionNotice(configVersion, versions, now)} />;
}

/** The project's own confidence threshold, offered as the open run's in one click. */
function ProjectThreshold({
  settings,
  authoringVersion,
  runThreshold,
  onUseThreshold,
}: {
  settings: ProjectSettings | undefined;
  authoringVersion: string;
  runThreshold: number | undefined;
  onUseThreshold: ((threshold: number) => void) | undefined;
}) {
  if (!settings) return null;
  const threshold = settings.confidenceThreshold;
  if (threshold === undefined) {
    return (
      <Text size="xs" c="dimmed">
        {authoringVersion.endsWith('-preview')
          ? 'The project has no confidence threshold of its own.'
          : `The project's confidence threshold is read with a preview API version (2024-11-15-preview or later); authoring ${authoringVersion} does not return it.`}
      </Text>
    );
  }
  const facts = projectThresholdFacts(threshold, runThreshold);
  return (
    <Group gap="sm" wrap="wrap">
      <Text size="sm">{facts.text}</Text>
      {onUseThreshold ? (
        facts.applied ? (
          <Text size="xs" c="dimmed">
            The open run is judged by it.
          </Text>
        ) : (
          <Button size="compact-sm" variant="light" onClick={() => onUseThreshold(threshold)}>
            Use it as the run's threshold
          </Button>
        )
      ) : (
        <Text size="xs" c="dimmed">
          Open a run of this deployment to judge it by this threshold.
        </Text>
      )}
    </Group>
  );
}

/** Retirements that come whatever the model: said once, linked to Microsoft's notices. */
function RetirementNote() {
  const { customTextClassification: ctc, languageStudio: studio } = RETIREMENTS;
  return (
    <Text size="xs" c="dimmed" role="note">
      <Anchor href={ctc.url} target="_blank" rel="noreferrer" size="xs" td="underline">
        {ctc.text}
      </Anchor>
      . {studio.text}; this app does not need it.
    </Text>
  );
}

function LiveCell({ training, live }: { training: number; live: number | undefined }) {
  if (live === undefined) return <Table.Td>—</Table.Td>;
  return (
    <Table.Td>
      {formatMetric(live)} ({formatDelta(training, live)})
    </Table.Td>
  );
}

function ClassTable({
  summary,
  live,
}: {
  summary: EvaluationSummary;
  live: LiveFigures | undefined;
}) {
  const rows = classRows(summary.classes, live);
  const metrics: (keyof ClassFigures)[] = ['precision', 'recall', 'f1'];
  const names = { precision: 'Precision', recall: 'Recall', f1: 'F1' } as const;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped withTableBorder aria-label="Evaluation from training, per class">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Class</Table.Th>
            {metrics.map((metric) => (
              <Table.Th key={metric} scope="col">
                {names[metric]}
              </Table.Th>
            ))}
            {live
              ? metrics.map((metric) => (
                  <Table.Th key={`live-${metric}`} scope="col">
                    Live {names[metric].toLowerCase()} (vs training)
                  </Table.Th>
                ))
              : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.name}>
              <Table.Th scope="row">{row.name}</Table.Th>
              {metrics.map((metric) => (
                <Table.Td key={metric}>{formatMetric(row.training[metric])}</Table.Td>
              ))}
              {live
                ? metrics.map((metric) => (
                    <LiveCell
                      key={`live-${metric}`}
                      training={row.training[metric]}
                      live={row.live?.[metric]}
                    />
                  ))
                : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TrainingConfusionMatrix({
  matrix,
  order,
}: {
  matrix: Record<string, Record<string, number>>;
  /** The per-class table's classes, in its order. */
  order: readonly string[];
}) {
  const labels = matrixLabels(matrix, order);
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder withColumnBorders aria-label="Confusion matrix from training">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Actual \ predicted</Table.Th>
            {labels.map((label) => (
              <Table.Th key={label} scope="col">
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {labels.map((actual) => (
            <Table.Tr key={actual}>
              <Table.Th scope="row">{actual}</Table.Th>
              {labels.map((predicted) => (
                <Table.Td key={predicted} fw={actual === predicted ? 700 : undefined}>
                  {matrix[actual]?.[predicted] ?? 0}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Evaluation({
  summary,
  live,
}: {
  summary: EvaluationSummary;
  live: LiveFigures | undefined;
}) {
  const { split, micro, macro } = summary;
  return (
    <Stack gap="xs">
      <Title order={3} size="h6">
        Evaluation from training
      </Title>
      <Text size="xs" c="dimmed">
        Measured by the service on{' '}
        {split.testingPercent !== undefined ? `${split.testingPercent}% of` : 'part of'} the
        labelled documents, held out from training. Micro F1 {formatMetric(micro.f1)}, macro F1{' '}
        {formatMetric(macro.f1)}.
      </Text>
      <ClassTable summary={summary} live={live} />
      {summary.confusionMatrix ? (
        <>
          <Title order={3} size="h6">
            Confusion matrix from training
          </Title>
          <TrainingConfusionMatrix
            matrix={summary.confusionMatrix}
            order={Object.keys(summary.classes)}
          />
        </>
      ) : null}
    </Stack>
  );
}

function ModelFacts({
  credentials,
  projectName,
  deploymentName,
  live,
  now,
  waitsFor,
  apiVersion = DEFAULT_API_VERSION,
  labelMode = 'single',
  runThreshold,
  onUseThreshold,
}: ModelPanelProps) {
  const [mountedAt] = useState(() => Date.now());
  const current = now ?? mountedAt;
  const {
    deployments,
    models,
    enabled,
    projectName: settled,
  } = useDeployments(credentials, projectName);
  const deployment = deployments.data?.find(
    (item) => item.deploymentName === deploymentName.trim(),
  );
  const model = deployment && models.data?.find((item) => item.modelId === deployment.modelId);
  const evaluation = useQuery({
    ...evaluationQuery(credentials ?? NONE, settled, model?.label ?? ''),
    enabled: credentials !== undefined && model !== undefined,
  });
  const reads = useModelPanelReads({
    credentials,
    projectName: settled,
    apiVersion,
    labelMode,
    enabled: enabled && deployment !== undefined,
  });

  if (!credentials || !projectName.trim() || !deploymentName.trim()) {
    return (
      <Text size="sm" c="dimmed">
        {waitsFor ?? 'Choose a project and a deployment to see the model it serves.'}
      </Text>
    );
  }
  if (!enabled)
    return (
      <Text size="sm" c="dimmed">
        {projectName} is not a project on this resource.
      </Text>
    );
  if (deployments.isPending || models.isPending)
    return <Loader size="sm" aria-label="Reading the model" />;
  const failure = deployments.error ?? models.error;
  if (failure) {
    return (
      <Text size="sm" c="red">
        Could not read the deployments: {failure.message}
      </Text>
    );
  }
  if (!deployment) {
    return (
      <Text size="sm" c="dimmed">
        {projectName} has no deployment {deploymentName} on this resource.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Table variant="vertical" withTableBorder aria-label="Model facts">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">Model</Table.Th>
            <Table.Td>{model?.label ?? deployment.modelId}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Training config version</Table.Th>
            <Table.Td>{deployment.trainingConfigVersion}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Trained</Table.Th>
            <Table.Td>{formatWhen(deployment.lastTrainedAt)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Deployed</Table.Th>
            <Table.Td>{formatWhen(deployment.lastDeployedAt)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {model ? <ExpiryLine what="model" date={model.expiresOn} now={current} /> : null}
      <ExpiryLine what="deployment" date={deployment.expiresOn} now={current} />
      <ConfigVersionLine
        configVersion={deployment.trainingConfigVersion}
        versions={reads.configVersions.data}
        now={current}
      />
      <ProjectThreshold
        settings={reads.settings.data}
        authoringVersion={reads.authoringVersion}
        runThreshold={runThreshold}
        onUseThreshold={onUseThreshold}
      />
      {evaluation.isPending && model ? (
        <Loader size="sm" aria-label="Reading the evaluation" />
      ) : null}
      {evaluation.isError ? (
        <Text size="sm" c="red">
          Could not read the evaluation: {evaluation.error.message}
        </Text>
      ) : null}
      {evaluation.data ? <Evaluation summary={evaluation.data} live={live} /> : null}
    </Stack>
  );
}

/** The region `Model`: what the chosen deployment serves, when it expires, and how it was evaluated. */
export function ModelPanel(props: ModelPanelProps) {
  const headingId = useId();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        Model
      </Title>
      <Stack gap="sm">
        <ModelFacts {...props} />
        <RetirementNote />
      </Stack>
    </Card>
  );
}
