import { Alert, Stack } from '@mantine/core';
import { formatCount } from '../../lib/format';
import type { JobPoll } from '../../service/jobs';
import type { ResultNotices } from './result-problems';

/** How a job's results list was cut short, from its last poll. */
export type ResultsCut = Pick<JobPoll, 'pages' | 'truncatedBy'>;

const LISTED_IDS = 5;

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

function listIds(ids: string[]): string {
  const listed = ids.slice(0, LISTED_IDS).map((id) => `“${id}”`);
  const more = ids.length - listed.length;
  return more > 0 ? `${listed.join(', ')} and ${formatCount(more)} more` : listed.join(', ');
}

/** What does not add up in the results, said once above the table; each row carries its own flag. */
export function ResultsNotices({
  notices,
  cut,
}: {
  notices: ResultNotices;
  cut: ResultsCut | undefined;
}) {
  const { invalidConfidence, duplicateIds } = notices;
  if (!cut && invalidConfidence === 0 && duplicateIds.length === 0) return null;
  return (
    <Stack gap="xs">
      {cut ? (
        <Alert color="orange" variant="light" role="alert" title="These results are incomplete">
          {cut.truncatedBy === 'repeated-link'
            ? `Reading the results stopped after ${plural(cut.pages, 'page', 'pages')}: the service's link to the next page pointed back to a page already read.`
            : `Reading the results stopped after ${plural(cut.pages, 'page', 'pages')}, the most the app reads for one job, while the service still listed more.`}{' '}
          The table, the charts and the downloads hold only what was read.
        </Alert>
      ) : null}
      {invalidConfidence > 0 ? (
        <Alert color="yellow" variant="light" role="status" title="Confidences that make no sense">
          {plural(invalidConfidence, 'result has', 'results have')} a confidence outside 0 to 100%.
          Such a class is shown as “invalid”, is left out of the charts, sorting and top class, and
          is written to the downloads only as a flag, never as a score.
        </Alert>
      ) : null}
      {duplicateIds.length > 0 ? (
        <Alert color="yellow" variant="light" role="status" title="Ids given more than once">
          {plural(duplicateIds.length, 'id comes', 'ids come')} back for more than one result:{' '}
          {listIds(duplicateIds)}. Every result is shown and downloaded as the service sent it, so
          check which one is right.
        </Alert>
      ) : null}
    </Stack>
  );
}
