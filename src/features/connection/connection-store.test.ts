// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CONNECTION_STORAGE_NAME, createConnectionStore } from './connection-store';
import { REMEMBERED_KEY_NAME } from './remembered-key';

/**
 * One device's localStorage shared by tabs: a write in one tab fires a `storage` event in every
 * other tab, never in its own, as browsers do.
 */
function device() {
  const items = new Map<string, string>();
  const tabs: EventTarget[] = [];
  const tabStorage = () => {
    const events = new EventTarget();
    tabs.push(events);
    const tell = (key: string, oldValue: string | null, newValue: string | null) => {
      for (const other of tabs) {
        if (other !== events)
          other.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue }));
      }
    };
    const storage = {
      getItem: (name: string) => items.get(name) ?? null,
      setItem: (name: string, value: string) => {
        const old = items.get(name) ?? null;
        items.set(name, value);
        tell(name, old, value);
      },
      removeItem: (name: string) => {
        const old = items.get(name) ?? null;
        items.delete(name);
        tell(name, old, null);
      },
    };
    return { storage, events };
  };
  const tab = () => createConnectionStore(tabStorage());
  return { items, tab, tabStorage };
}

const ENDPOINT = 'https://contoso.cognitiveservices.azure.com';

describe('the connection settings across tabs', () => {
  it('keeps the key out of the settings entry, in an entry of its own only when remembered', () => {
    const { items, tab } = device();
    const page = tab();
    page.getState().actions.setField('endpoint', ENDPOINT);
    page.getState().actions.setField('key', 'secret-1');
    expect(items.get(CONNECTION_STORAGE_NAME)).toContain(ENDPOINT);
    expect(items.has(REMEMBERED_KEY_NAME)).toBe(false);

    page.getState().actions.setRememberKey(true);
    expect(items.get(REMEMBERED_KEY_NAME)).toContain('secret-1');
    page.getState().actions.setField('key', 'secret-2');
    expect(items.get(REMEMBERED_KEY_NAME)).toContain('secret-2');
    expect(items.get(CONNECTION_STORAGE_NAME)).not.toContain('secret');

    const reloaded = tab();
    expect(reloaded.getState()).toMatchObject({
      endpoint: ENDPOINT,
      key: 'secret-2',
      rememberKey: true,
    });
  });

  it('Forget key in one tab is not undone by an edit in another tab that had the key', () => {
    const { items, tab } = device();
    const tabA = tab();
    tabA.getState().actions.setField('endpoint', ENDPOINT);
    tabA.getState().actions.setField('key', 'secret-1');
    tabA.getState().actions.setRememberKey(true);
    const tabB = tab();
    expect(tabB.getState().key).toBe('secret-1');

    tabA.getState().actions.forgetKey();
    // Tab B follows: the key it had from the device is gone from its memory too.
    expect(tabB.getState()).toMatchObject({ key: '', rememberKey: false });
    tabB.getState().actions.setField('endpoint', 'https://fabrikam.cognitiveservices.azure.com');

    expect(items.has(REMEMBERED_KEY_NAME)).toBe(false);
    const reloaded = tab();
    expect(reloaded.getState()).toMatchObject({
      endpoint: 'https://fabrikam.cognitiveservices.azure.com',
      key: '',
      rememberKey: false,
    });
  });

  it('an edit in a tab that never heard of the Forget does not write the key either', () => {
    const { items, tab } = device();
    const tabA = tab();
    tabA.getState().actions.setField('key', 'secret-1');
    tabA.getState().actions.setRememberKey(true);
    // A tab loaded with the key, whose storage events are lost: its copy stays stale.
    const deaf = createConnectionStore({
      storage: {
        getItem: (name) => items.get(name) ?? null,
        setItem: (name, value) => void items.set(name, value),
        removeItem: (name) => void items.delete(name),
      },
      events: new EventTarget(),
    });
    tabA.getState().actions.forgetKey();
    expect(deaf.getState().key).toBe('secret-1');
    deaf.getState().actions.setField('projectName', 'Tickets');
    deaf.getState().actions.setUseProxy(true);
    expect(items.has(REMEMBERED_KEY_NAME)).toBe(false);
    expect(tab().getState().key).toBe('');
  });

  it('follows the settings another tab writes, and keeps a key typed only in this tab', () => {
    const { tab } = device();
    const tabA = tab();
    const tabB = tab();
    tabB.getState().actions.setField('key', 'typed-in-b');
    tabA.getState().actions.setField('endpoint', ENDPOINT);
    tabA.getState().actions.setField('projectName', 'Tickets');
    expect(tabB.getState()).toMatchObject({
      endpoint: ENDPOINT,
      projectName: 'Tickets',
      key: 'typed-in-b',
    });
    // Remember key in A reaches B; Forget key in A takes it from B again.
    tabA.getState().actions.setField('key', 'secret-a');
    tabA.getState().actions.setRememberKey(true);
    expect(tabB.getState()).toMatchObject({ key: 'secret-a', rememberKey: true });
    tabA.getState().actions.forgetKey();
    expect(tabB.getState()).toMatchObject({ key: '', rememberKey: false });
  });

  it('keeps the token in its tab: never stored, never taken from another tab', () => {
    const { items, tab } = device();
    const tabA = tab();
    const tabB = tab();
    tabA.getState().actions.setField('token', 'eyJ.token-a.x');
    tabB.getState().actions.setField('token', 'eyJ.token-b.x');
    tabA.getState().actions.setField('endpoint', ENDPOINT);
    expect(tabB.getState().token).toBe('eyJ.token-b.x');
    expect([...items.values()].join()).not.toContain('token-');
  });

  it('moves a key remembered by version 1 into its own entry, so the user keeps it', () => {
    const { items, tab } = device();
    items.set(
      CONNECTION_STORAGE_NAME,
      JSON.stringify({
        state: { endpoint: ENDPOINT, key: 'old-secret', rememberKey: true, labelMode: 'multi' },
        version: 1,
      }),
    );
    const page = tab();
    expect(page.getState()).toMatchObject({
      endpoint: ENDPOINT,
      key: 'old-secret',
      rememberKey: true,
      labelMode: 'multi',
    });
    expect(items.get(CONNECTION_STORAGE_NAME)).not.toContain('old-secret');
    expect(items.get(REMEMBERED_KEY_NAME)).toContain('old-secret');
  });

  it('does not take a key that version 1 held without Remember key, nor damaged values', () => {
    const { items, tab } = device();
    items.set(
      CONNECTION_STORAGE_NAME,
      JSON.stringify({
        state: {
          endpoint: ENDPOINT,
          key: 'stray',
          rememberKey: false,
          apiVersion: 'nope',
          labelMode: 7,
        },
        version: 1,
      }),
    );
    const page = tab();
    expect(page.getState()).toMatchObject({ endpoint: ENDPOINT, key: '', labelMode: 'single' });
    expect(page.getState().apiVersion).not.toBe('nope');
    expect(items.has(REMEMBERED_KEY_NAME)).toBe(false);
  });

  it('goes back to a first visit when another tab erases the settings and the key', () => {
    const { items, tab, tabStorage } = device();
    const tabA = tab();
    tabA.getState().actions.setField('endpoint', ENDPOINT);
    tabA.getState().actions.setField('key', 'secret-1');
    tabA.getState().actions.setRememberKey(true);
    const tabB = tab();
    const { storage } = tabStorage();
    for (const name of [...items.keys()]) storage.removeItem(name);
    expect(tabB.getState()).toMatchObject({ endpoint: '', key: '', rememberKey: false });
  });

  it('erases its settings and the remembered key, and writes neither again', () => {
    const { items, tab } = device();
    const tabA = tab();
    tabA.getState().actions.setField('endpoint', ENDPOINT);
    tabA.getState().actions.setField('key', 'secret-1');
    tabA.getState().actions.setRememberKey(true);
    const tabB = tab();
    tabA.erase();
    expect(items.size).toBe(0);
    tabA.getState().actions.setField('key', 'secret-2');
    tabA.getState().actions.setField('projectName', 'Tickets');
    expect(items.size).toBe(0);
    expect(tabB.getState()).toMatchObject({ endpoint: '', key: '', rememberKey: false });
  });
});
