import '../../components/data-styles';
import '../../components/overlay-styles';
import { Button, Kbd, Modal, Table } from '@mantine/core';
import { useEffect, useEffectEvent, type RefObject } from 'react';

interface ReviewKeyHandlers {
  /** `j` (1) / `k` (-1). */
  move: (step: 1 | -1) => void;
  /** `Enter`, when the focus is not on a control that Enter works already. */
  open: () => void;
  /** `Escape`. */
  close: () => void;
  /** `1`–`9`: the nth class; `0`: clear. */
  correct: (digit: number) => void;
  /** `?`. */
  help: () => void;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const CONTROLS = new Set(['BUTTON', 'A', 'INPUT', 'TEXTAREA', 'SELECT', 'SUMMARY']);

function isElement(target: EventTarget | null): target is HTMLElement {
  return target instanceof HTMLElement;
}

/**
 * The review keys, heard on the page while the focus is in the Results section or nowhere in
 * particular (the page body): typing in a field, or working another panel, is never taken over.
 */
export function useReviewKeys(
  sectionRef: RefObject<HTMLElement | null>,
  handlers: ReviewKeyHandlers,
): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const { target } = event;
    if (!isElement(target)) return;
    if (TYPING.has(target.tagName) || target.isContentEditable) return;
    const section = sectionRef.current;
    if (target !== document.body && !section?.contains(target)) return;
    const { key } = event;
    if (key === 'j' || key === 'k') handlers.move(key === 'j' ? 1 : -1);
    else if (key === 'Enter') {
      if (CONTROLS.has(target.tagName) || target.getAttribute('role') === 'button') return;
      handlers.open();
    } else if (key === 'Escape') handlers.close();
    else if (key === '?') handlers.help();
    else if (/^[0-9]$/.test(key)) handlers.correct(Number(key));
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}

const SHORTCUTS: [string[], string][] = [
  [['j'], 'Next row'],
  [['k'], 'Previous row'],
  [['Enter'], 'Open the row’s detail'],
  [['1', '9'], 'In the detail: set the corrected label to that class (again: clear it)'],
  [['0'], 'In the detail: clear the correction'],
  [['Esc'], 'Close the detail'],
  [['?'], 'Show these shortcuts'],
];

export function ShortcutsButton({ onOpen }: { onOpen: () => void }) {
  return (
    <Button variant="subtle" size="xs" onClick={onOpen} aria-keyshortcuts="?">
      Keyboard shortcuts
    </Button>
  );
}

export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts">
      <Table>
        <Table.Tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <Table.Tr key={what}>
              <Table.Th scope="row">
                {keys.length === 2 ? (
                  <>
                    <Kbd>{keys[0]}</Kbd>–<Kbd>{keys[1]}</Kbd>
                  </>
                ) : (
                  <Kbd>{keys[0]}</Kbd>
                )}
              </Table.Th>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
