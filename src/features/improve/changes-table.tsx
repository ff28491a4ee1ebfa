import { Table, Text } from '@mantine/core';
import type { ChangeKind, ProjectMerge } from './merge-project';

const FIRST_ROWS = 10;
const WORDS: Record<ChangeKind, string> = {
  added: 'Added',
  relabelled: 'Relabelled',
  unchanged: 'Unchanged',
};

/** What the import would do to the project, counted, with its first rows (changes first). */
export function ChangesTable({ merge }: { merge: ProjectMerge }) {
  const order: ChangeKind[] = ['relabelled', 'added', 'unchanged'];
  const rows = [...merge.changes].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const { added, relabelled, unchanged } = merge.counts;
  return (
    <>
      <Text size="sm">
        {added} added, {relabelled} relabelled, {unchanged} unchanged. The project keeps all{' '}
        {merge.documentsBefore.toLocaleString('en-US')} documents it holds and will hold{' '}
        {merge.documentsAfter.toLocaleString('en-US')}, in {merge.classCount} classes.
      </Text>
      <Table aria-label="Changes to the project" striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Document</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th>Label before</Table.Th>
            <Table.Th>Label after</Table.Th>
            <Table.Th>Set</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, FIRST_ROWS).map((change) => (
            <Table.Tr key={change.location}>
              <Table.Td>{change.id}</Table.Td>
              <Table.Td>{WORDS[change.kind]}</Table.Td>
              <Table.Td>{change.before ? change.before.join(', ') || '—' : '—'}</Table.Td>
              <Table.Td>{change.after.join(', ')}</Table.Td>
              <Table.Td>{change.dataset ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        {rows.length > FIRST_ROWS ? (
          <Table.Caption>
            The first {FIRST_ROWS} of {rows.length.toLocaleString('en-US')} documents of this run.
          </Table.Caption>
        ) : null}
      </Table>
    </>
  );
}
