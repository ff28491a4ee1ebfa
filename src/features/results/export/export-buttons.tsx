import { Button, Group } from '@mantine/core';
import type { DocumentResult } from '../../../service/model';
import { downloadFile } from './download-file';
import { exportFileName } from './export-file-name';
import { resultsToCsv } from './results-csv';
import { resultsToJson, type ExportMeta } from './results-json';

export interface ExportButtonsProps {
  documents: DocumentResult[];
  meta: ExportMeta;
  /** False while a batch is still running; what is done so far can be downloaded all the same. */
  complete: boolean;
  labels?: Map<string, string>;
}

// Excel reads a CSV file as UTF-8 only when it starts with a byte order mark.
const BOM = '\uFEFF';

export function ExportButtons({ documents, meta, complete, labels }: ExportButtonsProps) {
  const empty = documents.length === 0;
  return (
    <Group gap="xs">
      <Button
        variant="default"
        size="xs"
        disabled={empty}
        onClick={() =>
          downloadFile(
            [BOM, resultsToCsv(documents, labels)],
            'text/csv;charset=utf-8',
            exportFileName('csv', new Date()),
          )
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
            [resultsToJson(documents, { ...meta, complete, exportedAt }, labels)],
            'application/json',
            exportFileName('json', exportedAt),
          );
        }}
      >
        Download JSON
      </Button>
    </Group>
  );
}
