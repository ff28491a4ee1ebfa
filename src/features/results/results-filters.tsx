import { Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { formatCount } from '../../lib/format';
import type { ClassFilter, classCounts } from './sort-results';

const ALL = 'all';
const NO_CLASS = 'no-class';
const ERROR = 'error';
const CLASS_PREFIX = 'class:';

function filterValue(filter: ClassFilter): string {
  return filter.kind === 'class' ? CLASS_PREFIX + filter.category : filter.kind;
}

function parseFilter(value: string): ClassFilter {
  if (value.startsWith(CLASS_PREFIX))
    return { kind: 'class', category: value.slice(CLASS_PREFIX.length) };
  if (value === NO_CLASS || value === ERROR) return { kind: value };
  return { kind: 'all' };
}

interface ResultsFiltersProps {
  counts: ReturnType<typeof classCounts>;
  filter: ClassFilter;
  onFilter: (filter: ClassFilter) => void;
  query: string;
  onQuery: (query: string) => void;
  shown: number;
  total: number;
}

export function ResultsFilters({
  counts,
  filter,
  onFilter,
  query,
  onQuery,
  shown,
  total,
}: ResultsFiltersProps) {
  const options = [
    { value: ALL, label: 'All classes' },
    ...counts.classes.map(({ category, documents }) => ({
      value: CLASS_PREFIX + category,
      label: `${category} (${formatCount(documents)})`,
    })),
    ...(counts.noClass > 0
      ? [{ value: NO_CLASS, label: `No class (${formatCount(counts.noClass)})` }]
      : []),
    ...(counts.errors > 0
      ? [{ value: ERROR, label: `Errors (${formatCount(counts.errors)})` }]
      : []),
  ];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <NativeSelect
        label="Filter by class"
        data={options}
        value={filterValue(filter)}
        onChange={(event) => onFilter(parseFilter(event.currentTarget.value))}
        w={220}
      />
      <TextInput
        label="Search results"
        placeholder="Id, class, warning or error"
        type="search"
        value={query}
        onChange={(event) => onQuery(event.currentTarget.value)}
        w={260}
      />
      <Text size="sm" c="dimmed" aria-live="polite" pb={6}>
        Showing {formatCount(shown)} of {formatCount(total)} documents
      </Text>
    </Group>
  );
}
