import { Button, Group, Text, TextInput } from '@mantine/core';
import { useLayoutEffect, useRef } from 'react';
import type { NameFieldProps } from './name-field-props';

/** The stand-in that had the focus when the chunk came in: its successor takes it over. */
let focusedStandIn: { label: string; caret: number | null } | undefined;

export function NameFieldStandIn({
  label,
  value,
  onChange,
  error,
  required,
  description,
}: Pick<NameFieldProps, 'value' | 'onChange' | 'error' | 'required' | 'description'> & {
  label: string;
}) {
  return (
    <TextInput
      label={label}
      description={description}
      spellCheck={false}
      required={required}
      error={error}
      value={value}
      onChange={(event) => {
        focusedStandIn = { label, caret: event.currentTarget.selectionStart };
        onChange(event.currentTarget.value);
      }}
      onFocus={(event) => {
        focusedStandIn = { label, caret: event.currentTarget.selectionStart };
      }}
      onBlur={() => {
        focusedStandIn = undefined;
      }}
    />
  );
}

/** For the loaded field: takes the focus (and caret) over from its stand-in, if it had them. */
export function useFocusFromStandIn(label: string) {
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const input = ref.current;
    if (!input || focusedStandIn?.label !== label) return;
    const { caret } = focusedStandIn;
    focusedStandIn = undefined;
    input.focus();
    if (caret !== null) input.setSelectionRange(caret, caret);
  }, [label]);
  return ref;
}

interface SuggestionsLineProps {
  text: string;
  failed?: boolean;
  refreshing?: boolean;
  /** Undefined while the pickers' chunk loads: Refresh cannot act yet. */
  onRefresh: (() => void) | undefined;
}

/** How the suggestions stand, and Refresh: the same line before and after the pickers load. */
export function SuggestionsLine({ text, failed, refreshing, onRefresh }: SuggestionsLineProps) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="xs" c={failed ? 'red' : 'dimmed'} role="status" miw={0}>
        {text}
      </Text>
      <Button
        variant="subtle"
        size="compact-xs"
        loading={refreshing}
        aria-disabled={onRefresh ? undefined : true}
        onClick={onRefresh}
        // The line's words wrap on a phone; the button is never cut ("Refr…").
        style={{ flexShrink: 0 }}
      >
        Refresh
      </Button>
    </Group>
  );
}

export const READING_PROJECTS = 'Reading the projects on this resource…';
