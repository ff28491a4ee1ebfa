import { Alert, List } from '@mantine/core';
import type { ImportProblem } from './imported-documents';

function ProblemList({ problems }: { problems: ImportProblem[] }) {
  if (problems.length === 1) return problems[0]?.message;
  return (
    <List size="sm" spacing={4}>
      {problems.map((problem) => (
        <List.Item key={problem.message}>{problem.message}</List.Item>
      ))}
    </List>
  );
}

/** Blocking problems as an alert; what was only left out or guessed, as a quieter note. */
export function ImportProblems({
  problems,
  title = 'These documents cannot be used yet',
}: {
  problems: ImportProblem[];
  title?: string;
}) {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  return (
    <>
      {errors.length > 0 ? (
        <Alert color="red" variant="light" title={title}>
          <ProblemList problems={errors} />
        </Alert>
      ) : null}
      {warnings.length > 0 ? (
        <Alert color="yellow" variant="light" role="status" title="Good to know">
          <ProblemList problems={warnings} />
        </Alert>
      ) : null}
    </>
  );
}
