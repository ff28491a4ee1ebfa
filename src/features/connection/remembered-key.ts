/**
 * The key the user asked this device to remember, in an entry of its own: only Remember key (and
 * a key typed while it is ticked) writes it, only Forget key or unticking removes it. The
 * settings entry never holds it, so no edit of the other settings can bring it back.
 */

export const REMEMBERED_KEY_NAME = 'classify-console:key';

export type DeviceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or nothing where there is none (Node) or it is disabled (reading it throws). */
export function deviceStorage(): DeviceStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The remembered key, or undefined when none is (a damaged entry counts as none). */
export function readRememberedKey(storage: DeviceStorage | undefined): string | undefined {
  try {
    const stored = storage?.getItem(REMEMBERED_KEY_NAME);
    if (!stored) return undefined;
    const parsed: unknown = JSON.parse(stored);
    const key: unknown =
      typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'key') : undefined;
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers `key`, or forgets the remembered one when it is undefined. */
export function writeRememberedKey(
  storage: DeviceStorage | undefined,
  key: string | undefined,
): void {
  try {
    if (key === undefined) storage?.removeItem(REMEMBERED_KEY_NAME);
    else storage?.setItem(REMEMBERED_KEY_NAME, JSON.stringify({ key }));
  } catch {
    // Storage full or disabled: the key stays in this tab's memory, as without Remember key.
  }
}
