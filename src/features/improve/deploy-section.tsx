import { Autocomplete, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { AuthoringDeployment } from '../../service/authoring';
import type { FlowState } from './improve-flow';
import { nameProblem } from './naming-rules';
import { StepStatus } from './step-status';
import { TypedConfirmDialog } from '../../components/typed-confirm-dialog';

export const PRODUCTION = 'production';

interface DeploySectionProps {
  state: FlowState;
  canWrite: boolean;
  projectName: string;
  /** The model to deploy: the one this run trained. */
  modelLabel: string | undefined;
  deployments: readonly AuthoringDeployment[];
  /** A deployment's model label, from the project's models (its modelId otherwise). */
  modelOf: (deployment: string) => string | undefined;
  onDeploy: (deploymentName: string, modelLabel: string) => void;
  onSwap: (first: string, second: string) => void;
  /** What to do next once a deployment serves the new model. */
  rerunHint: (deploymentName: string) => string;
  /** Sends this run's documents to a deployment as a new run (Rerun, with that deployment). */
  onRerun?: (deploymentName: string) => void;
}

const busy = (phase: string) => phase === 'sending' || phase === 'running';

/** After a swap: what each deployment served before it, as saved when it was sent. */
function swappedWords(
  swapped: [string, string] | undefined,
  before: [string, string] | undefined,
): string {
  const [first = '', second = ''] = swapped ?? [];
  const done = `Swapped: ${first} and ${second} exchanged their models.`;
  return before
    ? `${done} ${first} now serves ${before[1]} (was ${before[0]}); ${second} now serves ${before[0]}.`
    : done;
}

/** Deploy the trained model, then (never automatically) swap it into production. */
export function DeploySection(props: DeploySectionProps) {
  const { state, modelLabel, projectName } = props;
  const deploy = state.steps.deploy;
  const swap = state.steps.swap;
  const [target, setTarget] = useState('staging');
  const [confirming, setConfirming] = useState<'deploy' | 'swap'>();
  const problem = nameProblem(target, 'Deployment name');
  const deployed = deploy.phase === 'succeeded' ? deploy.record?.deploymentName : undefined;
  const swapSecond = deployed && deployed !== PRODUCTION ? deployed : target;
  const canSwap =
    props.canWrite &&
    swapSecond !== PRODUCTION &&
    props.deployments.some((item) => item.deploymentName === PRODUCTION) &&
    props.deployments.some((item) => item.deploymentName === swapSecond);
  const sendDeploy = () => {
    if (modelLabel) props.onDeploy(target, modelLabel);
  };
  const now = { first: props.modelOf(PRODUCTION), second: props.modelOf(swapSecond) };
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Autocomplete
          label="Deploy to"
          description={modelLabel ? `Deploys model ${modelLabel}.` : 'Train a model first.'}
          data={props.deployments.map((item) => item.deploymentName)}
          value={target}
          onChange={setTarget}
          error={problem}
          // Mounted only while open, as the resource's name fields (resource-pickers.tsx).
          comboboxProps={{ keepMounted: false }}
        />
        <Button
          disabled={!props.canWrite || !modelLabel || problem !== undefined || busy(deploy.phase)}
          onClick={() => (target === PRODUCTION ? setConfirming('deploy') : sendDeploy())}
        >
          Deploy
        </Button>
        <Button
          variant="default"
          disabled={!canSwap || busy(swap.phase)}
          onClick={() => setConfirming('swap')}
        >
          Swap deployments
        </Button>
      </Group>
      {deploy.phase !== 'idle' && deploy.phase !== 'failed' ? (
        <Text size="sm" role="status">
          {deploy.phase === 'succeeded'
            ? `${deploy.record?.deploymentName ?? ''} now serves ${deploy.record?.modelLabel ?? ''}. ${props.rerunHint(deploy.record?.deploymentName ?? '')}`
            : `Deploying to ${deploy.record?.deploymentName ?? target}: ${deploy.job?.status ?? deploy.phase}…`}
        </Text>
      ) : null}
      {deploy.phase === 'succeeded' && deploy.record?.deploymentName && props.onRerun ? (
        <Group>
          <Button
            variant="light"
            onClick={() => props.onRerun?.(deploy.record?.deploymentName ?? target)}
          >
            Rerun on {deploy.record.deploymentName}
          </Button>
        </Group>
      ) : null}
      <StepStatus step={deploy} label="Deployment" />
      {swap.phase !== 'idle' && swap.phase !== 'failed' ? (
        <Text size="sm" role="status">
          {swap.phase === 'succeeded'
            ? swappedWords(swap.record?.swapped, swap.record?.swappedModels)
            : `Swapping: ${swap.job?.status ?? swap.phase}…`}
        </Text>
      ) : null}
      <StepStatus step={swap} label="Swap" />
      <TypedConfirmDialog
        opened={confirming === 'deploy'}
        title={`Deploy over ${PRODUCTION}?`}
        projectName={projectName}
        confirmLabel="Deploy"
        onCancel={() => setConfirming(undefined)}
        onConfirm={() => {
          setConfirming(undefined);
          sendDeploy();
        }}
      >
        <Text size="sm">
          {PRODUCTION} serves {props.modelOf(PRODUCTION) ?? 'a model'} now; after this, it serves{' '}
          {modelLabel}. Everything that calls {PRODUCTION} gets the new model.
        </Text>
      </TypedConfirmDialog>
      <TypedConfirmDialog
        opened={confirming === 'swap'}
        title="Swap deployments"
        projectName={projectName}
        confirmLabel="Swap deployments"
        onCancel={() => setConfirming(undefined)}
        onConfirm={() => {
          setConfirming(undefined);
          props.onSwap(PRODUCTION, swapSecond);
        }}
      >
        <List size="sm" aria-label="What each deployment serves">
          <List.Item>
            {PRODUCTION}: {now.first ?? 'unknown'} now, {now.second ?? 'unknown'} after.
          </List.Item>
          <List.Item>
            {swapSecond}: {now.second ?? 'unknown'} now, {now.first ?? 'unknown'} after.
          </List.Item>
        </List>
      </TypedConfirmDialog>
    </Stack>
  );
}
