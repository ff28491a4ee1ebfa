import { isCommand, USAGE, UsageError } from './cli-args';
import { EXIT } from './run-outcome';

/**
 * The command line (`npm run cli -- <command>`): the app's own runner in Node (`run`), and the same
 * rules spread over workers on Redis with BullMQ (`enqueue`, `worker`, `collect`). A composition
 * root like src/app: it wires features together; nothing imports it.
 */
async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? EXIT.usage : EXIT.done;
  }
  if (!isCommand(command)) throw new UsageError(`Unknown command “${command}”.\n\n${USAGE}`);
  switch (command) {
    case 'run':
      return (await import('./run-command')).runCommand(args);
    case 'enqueue':
      return (await import('./queue/enqueue-command')).enqueueCommand(args);
    case 'worker':
      return (await import('./queue/worker-command')).workerCommand(args);
    case 'collect':
      return (await import('./queue/collect-command')).collectCommand(args);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT.usage);
    }
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(EXIT.failures);
  },
);
