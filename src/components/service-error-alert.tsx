import { Alert, List, Stack, Text } from '@mantine/core';
import { hintFor, ServiceError } from '../service/errors';
import type { ServiceProblem } from '../service/model';

function ProblemText({ problem }: { problem: ServiceProblem }) {
  return (
    <Stack gap={2}>
      <Text size="sm">
        {problem.message}{' '}
        <Text span c="dimmed" size="xs">
          ({problem.code})
        </Text>
      </Text>
      {problem.innerMessage && problem.innerMessage !== problem.message ? (
        <Text size="sm">
          {problem.innerMessage}{' '}
          {problem.innerCode ? (
            <Text span c="dimmed" size="xs">
              ({problem.innerCode})
            </Text>
          ) : null}
        </Text>
      ) : null}
    </Stack>
  );
}

interface ServiceErrorAlertProps {
  title: string;
  error: unknown;
  /** Several reasons at once, such as the errors of a failed job. */
  problems?: ServiceProblem[];
}

/** Every failure, announced: the service's own words, the deepest inner error, and what to do. */
export function ServiceErrorAlert({ title, error, problems = [] }: ServiceErrorAlertProps) {
  const serviceError = error instanceof ServiceError ? error : undefined;
  const message =
    serviceError?.problem || problems.length > 0
      ? undefined
      : error instanceof Error
        ? error.message
        : String(error);
  const shown = serviceError?.problem ? [serviceError.problem, ...problems] : problems;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Stack gap="xs">
        {message ? <Text size="sm">{message}</Text> : null}
        {shown.length === 1 && shown[0] ? <ProblemText problem={shown[0]} /> : null}
        {shown.length > 1 ? (
          <List size="sm" spacing={4}>
            {shown.map((problem, index) => (
              <List.Item key={index}>
                <ProblemText problem={problem} />
              </List.Item>
            ))}
          </List>
        ) : null}
        {serviceError ? (
          <Text size="sm" fw={500}>
            {hintFor(serviceError)}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
