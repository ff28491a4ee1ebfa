import {
  Button,
  Group,
  Progress,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClassificationProjectKind, EvaluationSummary } from '../../service/authoring';
import type { TrainOptions } from '../../service/authoring-writes';
import type { Credentials } from '../../service/http';
import type { ServedModel } from './compared-model';
import type { FlowState } from './improve-flow';
import { evaluationQuery, trainingConfigVersionsQuery } from './improve-queries';
import { nameProblem } from './naming-rules';
import { StepStatus } from './step-status';

interface TrainSectionProps {
  state: FlowState;
  credentials: Credentials | undefined;
  projectName: string;
  projectKind: ClassificationProjectKind;
  authoringVersion: string;
  /** The model the new one is compared with (compared-model.ts), once there is one. */
  compared: ServedModel | undefined;
  onTrain: (options: TrainOptions) => void;
  onCancel: () => void;
}

function defaultModelLabel(now = new Date()): string {
  return `model-${now.toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function EvaluationColumns({
  rows,
}: {
  rows: { name: string; summary: EvaluationSummary | undefined }[];
}) {
  const figure = (
    summary: EvaluationSummary | undefined,
    pick: (s: EvaluationSummary) => number,
  ) => (summary ? percent(pick(summary)) : '…');
  return (
    <Table aria-label="Evaluation from training" withTableBorder fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Model</Table.Th>
          <Table.Th>Micro F1</Table.Th>
          <Table.Th>Micro precision</Table.Th>
          <Table.Th>Micro recall</Table.Th>
          <Table.Th>Macro F1</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ name, summary }) => (
          <Table.Tr key={name}>
            <Table.Td>{name}</Table.Td>
            <Table.Td>{figure(summary, (s) => s.micro.f1)}</Table.Td>
            <Table.Td>{figure(summary, (s) => s.micro.precision)}</Table.Td>
            <Table.Td>{figure(summary, (s) => s.micro.recall)}</Table.Td>
            <Table.Td>{figure(summary, (s) => s.macro.f1)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Model label, training config version, evaluation split; the training's progress and result. */
export function TrainSection(props: TrainSectionProps) {
  const { state, credentials } = props;
  const train = state.steps.train;
  const [modelLabel, setModelLabel] = useState(defaultModelLabel);
  const [touched, setTouched] = useState(false);
  const [evaluation, setEvaluation] = useState<'percentage' | 'manual'>('percentage');
  const versions = useQuery({
    ...trainingConfigVersionsQuery(
      credentials ?? { endpoint: '', key: '' },
      props.projectKind,
      props.authoringVersion,
    ),
    enabled: credentials !== undefined,
  });
  const sorted = [...(versions.data ?? [])].sort((a, b) => b.version.localeCompare(a.version));
  const [chosenVersion, setChosenVersion] = useState<string | null>(null);
  const version = chosenVersion ?? sorted[0]?.version ?? null;
  const expiresOn = sorted.find((item) => item.version === version)?.expiresOn;
  const problem = nameProblem(modelLabel, 'Model label');
  const running = train.phase === 'sending' || train.phase === 'running';
  const progress = train.job?.training;
  const trainedLabel = train.record?.modelLabel;
  const succeeded = train.phase === 'succeeded' && trainedLabel !== undefined;

  const newEvaluation = useQuery({
    ...evaluationQuery(
      credentials ?? { endpoint: '', key: '' },
      props.projectName,
      trainedLabel ?? '',
    ),
    enabled: succeeded && credentials !== undefined,
  });
  const deployedEvaluation = useQuery({
    ...evaluationQuery(
      credentials ?? { endpoint: '', key: '' },
      props.projectName,
      props.compared?.modelLabel ?? '',
    ),
    enabled: succeeded && credentials !== undefined && props.compared !== undefined,
  });

  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-start">
        <TextInput
          label="Model label"
          description="Letters, digits and _ . - ; at most 50 characters."
          value={modelLabel}
          onChange={(event) => setModelLabel(event.currentTarget.value)}
          onBlur={() => setTouched(true)}
          error={touched ? problem : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        <Select
          label="Training config version"
          description={
            expiresOn ? `Models trained with it expire on ${expiresOn}.` : 'The newest, by default.'
          }
          data={sorted.map((item) => ({ value: item.version, label: item.version }))}
          value={version}
          onChange={setChosenVersion}
          allowDeselect={false}
          placeholder={versions.isPending ? 'Reading…' : 'latest'}
        />
        <Radio.Group
          label="Evaluation"
          value={evaluation}
          onChange={(value) => setEvaluation(value === 'manual' ? 'manual' : 'percentage')}
        >
          <Stack gap={4} mt={4}>
            <Radio value="percentage" label="80/20, split by the service" />
            <Radio value="manual" label="Manual: each document's Train or Test set" />
          </Stack>
        </Radio.Group>
      </Group>
      <Group gap="sm">
        <Button
          disabled={!credentials || running || problem !== undefined}
          onClick={() => {
            setTouched(true);
            if (problem) return;
            props.onTrain({
              modelLabel,
              trainingConfigVersion: version ?? 'latest',
              evaluation:
                evaluation === 'manual'
                  ? { kind: 'manual' }
                  : { kind: 'percentage', trainingPercent: 80 },
            });
          }}
        >
          Train model
        </Button>
        {running && train.record?.jobUrl ? (
          <Button variant="default" color="red" onClick={props.onCancel}>
            Cancel training
          </Button>
        ) : null}
      </Group>
      {train.phase !== 'idle' && train.phase !== 'failed' ? (
        <Stack gap={4} role="status">
          <Text size="sm">
            {train.phase === 'succeeded'
              ? `Model ${trainedLabel ?? ''} is trained.`
              : train.phase === 'cancelled'
                ? 'Training was cancelled.'
                : `Training ${trainedLabel ?? modelLabel}: ${train.job?.status ?? 'sending'}${
                    progress ? `, ${progress.trainingPercent}%` : ''
                  }${
                    progress?.evaluationPercent !== undefined
                      ? `, evaluation ${progress.evaluationPercent}%`
                      : ''
                  }${
                    progress?.estimatedEndAt
                      ? `; estimated end ${new Date(progress.estimatedEndAt).toLocaleTimeString()}`
                      : ''
                  }.`}
          </Text>
          {running && progress ? (
            <Progress value={progress.trainingPercent} aria-label="Training progress" />
          ) : null}
        </Stack>
      ) : null}
      <StepStatus step={train} label="Training" />
      {succeeded ? (
        <EvaluationColumns
          rows={[
            { name: `New: ${trainedLabel}`, summary: newEvaluation.data },
            ...(props.compared
              ? [
                  {
                    name: `Before, on ${props.compared.deploymentName}: ${props.compared.modelLabel}`,
                    summary: deployedEvaluation.data,
                  },
                ]
              : []),
          ]}
        />
      ) : null}
    </Stack>
  );
}
