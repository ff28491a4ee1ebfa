import { NativeSelect, SimpleGrid } from '@mantine/core';
import { columnName, type ColumnChoice } from './table-documents';

interface ColumnPickerProps {
  columns: string[];
  choice: ColumnChoice;
  onChange: (choice: ColumnChoice) => void;
  disabled: boolean;
}

const NONE = '';

function toColumn(value: string): number | undefined {
  return value === NONE ? undefined : Number(value);
}

export function ColumnPicker({ columns, choice, onChange, disabled }: ColumnPickerProps) {
  const options = columns.map((_, column) => ({
    value: String(column),
    label: columnName(columns, column),
  }));
  const change = (field: keyof ColumnChoice, value: string) => {
    const column = toColumn(value);
    onChange({
      textColumn: field === 'textColumn' ? (column ?? choice.textColumn) : choice.textColumn,
      idColumn: field === 'idColumn' ? column : choice.idColumn,
      labelColumn: field === 'labelColumn' ? column : choice.labelColumn,
      languageColumn: field === 'languageColumn' ? column : choice.languageColumn,
    });
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
      <NativeSelect
        label="Text column"
        data={options}
        value={String(choice.textColumn)}
        disabled={disabled}
        onChange={(event) => change('textColumn', event.currentTarget.value)}
      />
      <NativeSelect
        label="ID column"
        description="Optional"
        data={[{ value: NONE, label: 'None: number them doc1, doc2, …' }, ...options]}
        value={choice.idColumn === undefined ? NONE : String(choice.idColumn)}
        disabled={disabled}
        onChange={(event) => change('idColumn', event.currentTarget.value)}
      />
      <NativeSelect
        label="Label column"
        description="Optional: kept to compare with the predicted class"
        data={[{ value: NONE, label: 'None' }, ...options]}
        value={choice.labelColumn === undefined ? NONE : String(choice.labelColumn)}
        disabled={disabled}
        onChange={(event) => change('labelColumn', event.currentTarget.value)}
      />
      <NativeSelect
        label="Language column"
        description="Optional: each row is sent with its own language, else the form's"
        // A short choice: a narrow select cut "None: the language above" to "None: the langu".
        data={[{ value: NONE, label: 'None' }, ...options]}
        value={choice.languageColumn === undefined ? NONE : String(choice.languageColumn)}
        disabled={disabled}
        onChange={(event) => change('languageColumn', event.currentTarget.value)}
      />
    </SimpleGrid>
  );
}
