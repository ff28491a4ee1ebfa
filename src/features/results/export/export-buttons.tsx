import { Button, Group } from '@mantine/core';
import type { ResultItem, ResultMark, ResultsRunSettings } from '../result-item';
import { downloadFile } from './download-file';
import { exportFileName } from './export-file-name';
import { labelsToCsv, resultsToCsv } from './results-csv';
import { resultsToJson } from './results-json';

export interface ExportButtonsProps {
  /** In input order: the files keep it, whatever the table's sort. */
  items: readonly ResultItem[];
  settings: ResultsRunSettings;
  marks: ReadonlyMap<string, ResultMark> | undefined;
  /** False while a batch is still running; what is done so far can be downloaded all the same. */
  complete: boolean;
}

// Excel reads a CSV file as UTF-8 only when it starts with a byte order mark.
const BOM = '\uFEFF';
const CSV = 'text/csv;charset=utf-8';

export function ExportButtons({ items, settings, marks, complete }: ExportButtonsProps) {
  const empty = items.length === 0;
  return (
    <Group gap="xs">
      <Button
        variant="default"
        size="xs"
        disabled={empty}
        onClick={() =>
          downloadFile([BOM, resultsToCsv(items, settings)], CSV, exportFileName('csv', new Date()))
        }
      >
        Download CSV
      </Button>
      <Button
        variant="default"
        size="xs"
        disabled={empty}
        onClick={() => {
          const exportedAt = new Date();
          downloadFile(
            [resultsToJson(items, settings, { complete, exportedAt }, marks)],
            'application/json',
            exportFileName('json', exportedAt),
          );
        }}
      >
        Download JSON
      </Button>
      <Button
        variant="default"
        size="xs"
        disabled={empty}
        title="id, text and label (the correction, else the gold label), for the documents import"
        onClick={() =>
          downloadFile([BOM, labelsToCsv(items)], CSV, exportFileName('csv', new Date(), 'labels'))
        }
      >
        Download labels
      </Button>
    </Group>
  );
}
