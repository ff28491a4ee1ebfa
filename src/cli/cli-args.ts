import { parseArgs } from 'node:util';
import { DEFAULT_API_VERSION, isApiVersion } from '../service/api-profiles';
import { API_VERSIONS } from '../service/api-versions';
import type { RunSecret } from '../features/runs/engine/run-service';
import type { RunSettings } from '../features/runs/store/run-model';
import { EMPTY_CONNECTION } from '../features/connection/connection-store';
import { validateConnection } from '../features/connection/validate-connection';

/** Bad input or settings: said in one message, and the command exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The flags `run` and `enqueue` share: what to classify, with which model, and where to write. */
const RUN_OPTIONS = {
  input: { type: 'string' },
  endpoint: { type: 'string' },
  'api-version': { type: 'string' },
  project: { type: 'string' },
  deployment: { type: 'string' },
  'model-id': { type: 'string' },
  language: { type: 'string' },
  'label-mode': { type: 'string' },
  'job-name': { type: 'string' },
  out: { type: 'string' },
} as const;

/** Flags of each command beyond the shared ones. */
const COMMAND_OPTIONS = {
  run: { ...RUN_OPTIONS, 'send-again-unsure': { type: 'boolean' } },
  enqueue: { ...RUN_OPTIONS, redis: { type: 'string' }, 'requests-per-minute': { type: 'string' } },
  worker: {
    redis: { type: 'string' },
    concurrency: { type: 'string' },
    'requests-per-minute': { type: 'string' },
    'lock-seconds': { type: 'string' },
  },
  collect: {
    redis: { type: 'string' },
    run: { type: 'string' },
    wait: { type: 'boolean' },
    out: { type: 'string' },
    'send-again-unsure': { type: 'boolean' },
  },
} as const;

export type CommandName = keyof typeof COMMAND_OPTIONS;

const SECRET_FLAGS = /^--?(key|token|api-key|subscription-key)(=|$)/i;

export const USAGE = `Usage:
  npm run cli -- run --input FILE|FOLDER --endpoint URL --project NAME --deployment NAME --out DIR [options]
  npm run cli -- enqueue --redis URL --input … (the flags of run, without --out) [--requests-per-minute N]
  npm run cli -- worker --redis URL [--concurrency N] [--requests-per-minute N]
  npm run cli -- collect --redis URL --run ID --out DIR [--wait]

Options of run and enqueue:
  --api-version V       ${API_VERSIONS.join(', ')} (default ${DEFAULT_API_VERSION})
  --model-id ID         instead of --project/--deployment, for ${API_VERSIONS.at(-1) ?? ''}
  --language CODE       the documents' language, such as en (default: the project's)
  --label-mode M        single or multi (default single)
  --job-name NAME       the job's display name
  --send-again-unsure   (run, collect) send again the jobs whose POST may have left unanswered

The key is read from LANGUAGE_KEY, or an access token from LANGUAGE_TOKEN; never from a flag.
Exit codes: 0 every document classified, 1 some documents failed or wait for a decision,
2 bad input or settings, 130 interrupted (run again with the same --out to resume).`;

/** The key or token from the environment; a secret on the command line is refused, not read. */
export function secretFromEnv(env: NodeJS.ProcessEnv): RunSecret {
  const key = env.LANGUAGE_KEY?.trim();
  const token = env.LANGUAGE_TOKEN?.trim().replace(/^Bearer\s+/i, '');
  if (key && token)
    throw new UsageError(
      'Set LANGUAGE_KEY or LANGUAGE_TOKEN, not both: which one to send is unclear.',
    );
  if (token) return { key: token, scheme: 'bearer' };
  if (key) return { key };
  throw new UsageError(
    'Set the key in LANGUAGE_KEY (or an access token in LANGUAGE_TOKEN): a secret is never taken from a flag.',
  );
}

function refuseSecretFlags(args: readonly string[]): void {
  const secretFlag = args.find((arg) => SECRET_FLAGS.test(arg));
  if (secretFlag)
    throw new UsageError(
      `${secretFlag.split('=')[0] ?? ''} is not taken: a key on the command line shows in the process list and the shell's history. Set LANGUAGE_KEY (or LANGUAGE_TOKEN) instead.`,
    );
}

/** One command's flags, strictly: an unknown flag or a stray word is refused, not ignored. */
export function commandFlags<C extends CommandName>(command: C, args: string[]) {
  refuseSecretFlags(args);
  try {
    return parseArgs({ args, options: COMMAND_OPTIONS[command], strict: true }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const FLAG_OF_FIELD: Record<string, string | undefined> = {
  endpoint: '--endpoint',
  key: 'LANGUAGE_KEY',
  token: 'LANGUAGE_TOKEN',
  projectName: '--project',
  deploymentName: '--deployment',
  modelId: '--model-id',
  language: '--language',
  jobName: '--job-name',
};

export interface RunFlags {
  input: string;
  settings: RunSettings;
}

/**
 * The run's settings from the flags, checked by the app's own rules (validate-connection.ts:
 * https endpoints, plain http on loopback only; the model fields the API version names).
 */
export function runFlags(
  values: Partial<Record<keyof typeof RUN_OPTIONS, string | undefined>>,
  /** The secret the run is sent with, checked too; none for `enqueue` (each worker has its own). */
  secret?: RunSecret,
): RunFlags {
  if (!values.input)
    throw new UsageError('Give the documents with --input FILE (or a folder of .txt files).');
  const apiVersion = values['api-version'] ?? DEFAULT_API_VERSION;
  if (!isApiVersion(apiVersion))
    throw new UsageError(
      `--api-version ${apiVersion} is not one the app speaks: ${API_VERSIONS.join(', ')}.`,
    );
  const labelMode = values['label-mode'] ?? 'single';
  if (labelMode !== 'single' && labelMode !== 'multi')
    throw new UsageError('--label-mode is single or multi.');
  const check = validateConnection(
    {
      ...EMPTY_CONNECTION,
      endpoint: values.endpoint ?? '',
      apiVersion,
      labelMode,
      authMethod: secret?.scheme === 'bearer' ? 'bearer' : 'key',
      key: secret ? (secret.scheme === 'bearer' ? '' : secret.key) : 'not-needed-here',
      token: secret?.scheme === 'bearer' ? secret.key : '',
      projectName: values.project ?? '',
      deploymentName: values.deployment ?? '',
      modelId: values['model-id'] ?? '',
      language: values.language ?? '',
      jobName: values['job-name'] ?? '',
    },
    true,
    undefined,
  );
  if (!check.ok) {
    const messages = Object.entries(check.errors).map(
      ([field, message]) => `${FLAG_OF_FIELD[field] ?? field}: ${message}`,
    );
    throw new UsageError(messages.join('\n'));
  }
  const { connection } = check;
  return {
    input: values.input,
    settings: {
      endpoint: connection.endpoint,
      resourceEndpoint: connection.resourceEndpoint,
      useProxy: false,
      apiVersion: connection.apiVersion,
      labelMode: connection.labelMode,
      projectName: connection.projectName,
      deploymentName: connection.deploymentName,
      modelId: connection.modelId,
      language: connection.language,
      jobName: connection.jobName,
    },
  };
}

/** A whole number within bounds, or the default when the flag is absent. */
export function countFlag(
  name: string,
  value: string | undefined,
  fallback: number,
  { min = 1, max = 100_000 } = {},
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new UsageError(`--${name} is a whole number from ${min} to ${max}; got “${value}”.`);
  return number;
}

export function requiredFlag(name: string, value: string | undefined): string {
  if (!value) throw new UsageError(`Give --${name}.`);
  return value;
}

export function isCommand(value: string | undefined): value is CommandName {
  return value !== undefined && Object.hasOwn(COMMAND_OPTIONS, value);
}
