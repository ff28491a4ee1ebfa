import { Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { formatCount } from '../../lib/format';
import type { ClassFilter, classCounts, ResultsSort } from './sort-results';

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

const LEAST_CONFIDENT: ResultsSort = { column: 'confidence', direction: 'ascending' };
const SMALLEST_MARGIN: ResultsSort = { column: 'margin', direction: 'ascending' };

type Order = 'input' | 'least-confident' | 'smallest-margin' | 'column';

function orderOf(sort: ResultsSort | undefined): Order {
  if (!sort) return 'input';
  if (sort.direction === 'ascending' && sort.column === 'confidence') return 'least-confident';
  if (sort.direction === 'ascending' && sort.column === 'margin') return 'smallest-margin';
  return 'column';
}

function sortOf(order: Order, current: ResultsSort | undefined): ResultsSort | undefined {
  if (order === 'least-confident') return LEAST_CONFIDENT;
  if (order === 'smallest-margin') return SMALLEST_MARGIN;
  return order === 'column' ? current : undefined;
}

/** The review queue's orders beside the column headers' sorts. */
function OrderSelect({
  sort,
  onSort,
  withMargin,
}: {
  sort: ResultsSort | undefined;
  onSort: (sort: ResultsSort | undefined) => void;
  withMargin: boolean;
}) {
  const order = orderOf(sort);
  const options = [
    { value: 'input', label: 'Input order' },
    { value: 'least-confident', label: 'Least confident first' },
    ...(withMargin ? [{ value: 'smallest-margin', label: 'Smallest margin first' }] : []),
    ...(order === 'column' ? [{ value: 'column', label: 'As sorted by a column' }] : []),
  ];
  return (
    <NativeSelect
      label="Order"
      data={options}
      value={order}
      onChange={(event) => {
        const value = event.currentTarget.value;
        const next: Order =
          value === 'least-confident' || value === 'smallest-margin' || value === 'column'
            ? value
            : 'input';
        onSort(sortOf(next, sort));
      }}
      w={220}
    />
  );
}

interface ResultsFiltersProps {
  sort: ResultsSort | undefined;
  onSort: (sort: ResultsSort | undefined) => void;
  /** "Smallest margin first" is offered for single label only. */
  withMargin: boolean;
  counts: ReturnType<typeof classCounts>;
  filter: ClassFilter;
  onFilter: (filter: ClassFilter) => void;
  query: string;
  onQuery: (query: string) => void;
  shown: number;
  total: number;
}

export function ResultsFilters({
  sort,
  onSort,
  withMargin,
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
      <OrderSelect sort={sort} onSort={onSort} withMargin={withMargin} />
      <TextInput
        label="Search results"
        placeholder="Text, id, class, warning or error"
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
