import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_API_VERSION, isApiVersion } from '../../service/api-profiles';
import type { ApiVersion, AuthScheme, LabelMode } from '../../service/model';
import {
  deviceStorage,
  readRememberedKey,
  REMEMBERED_KEY_NAME,
  writeRememberedKey,
  type DeviceStorage,
} from './remembered-key';

export interface ConnectionSettings {
  endpoint: string;
  key: string;
  rememberKey: boolean;
  /** `key`: the resource's key; `bearer`: a Microsoft Entra access token. */
  authMethod: AuthScheme;
  /** The access token: in this tab's memory only, never stored, not even with Remember key. */
  token: string;
  /** Sign in with Microsoft: the directory (tenant) and the app registration's client ID. */
  tenantId: string;
  clientId: string;
  /** Call the service through the app's own origin (the local proxy) instead of directly. */
  useProxy: boolean;
  apiVersion: ApiVersion;
  labelMode: LabelMode;
  projectName: string;
  deploymentName: string;
  modelId: string;
  language: string;
  jobName: string;
}

export type ConnectionField = Exclude<
  keyof ConnectionSettings,
  'rememberKey' | 'useProxy' | 'authMethod'
>;

interface ConnectionActions {
  setField: (field: ConnectionField, value: string) => void;
  setRememberKey: (remember: boolean) => void;
  setUseProxy: (useProxy: boolean) => void;
  setAuthMethod: (authMethod: AuthScheme) => void;
  forgetKey: () => void;
  forgetToken: () => void;
  replaceSettings: (settings: Partial<ConnectionSettings>) => void;
}

/** The settings' entry: never the key nor the token (see remembered-key.ts for the key). */
export const CONNECTION_STORAGE_NAME = 'classify-console:connection';

export const EMPTY_CONNECTION: ConnectionSettings = {
  endpoint: '',
  key: '',
  rememberKey: false,
  authMethod: 'key',
  token: '',
  tenantId: '',
  clientId: '',
  useProxy: false,
  apiVersion: DEFAULT_API_VERSION,
  labelMode: 'single',
  projectName: '',
  deploymentName: '',
  modelId: '',
  language: '',
  jobName: '',
};

type Secrets = Pick<ConnectionSettings, 'key' | 'rememberKey' | 'token'>;
type StoredSettings = Omit<ConnectionSettings, keyof Secrets>;
type ConnectionState = ConnectionSettings & { actions: ConnectionActions };

const TEXT_FIELDS = [
  'endpoint',
  'tenantId',
  'clientId',
  'projectName',
  'deploymentName',
  'modelId',
  'language',
  'jobName',
] as const;

/** What a stored settings entry may set: the fields it knows, with values that fit, never a secret. */
function storedSettings(persisted: unknown): Partial<StoredSettings> {
  const read = (field: string): unknown =>
    typeof persisted === 'object' && persisted !== null ? Reflect.get(persisted, field) : undefined;
  const settings: Partial<StoredSettings> = {};
  for (const field of TEXT_FIELDS) {
    const value = read(field);
    if (typeof value === 'string') settings[field] = value;
  }
  const useProxy = read('useProxy');
  if (typeof useProxy === 'boolean') settings.useProxy = useProxy;
  const authMethod = read('authMethod');
  if (authMethod === 'key' || authMethod === 'bearer') settings.authMethod = authMethod;
  const labelMode = read('labelMode');
  if (labelMode === 'single' || labelMode === 'multi') settings.labelMode = labelMode;
  const apiVersion = read('apiVersion');
  if (typeof apiVersion === 'string' && isApiVersion(apiVersion)) settings.apiVersion = apiVersion;
  return settings;
}

/** Version 1 kept the remembered key inside the settings. */
function legacyKey(persisted: unknown): string | undefined {
  if (typeof persisted !== 'object' || persisted === null) return undefined;
  const key: unknown = Reflect.get(persisted, 'key');
  return Reflect.get(persisted, 'rememberKey') === true && typeof key === 'string'
    ? key
    : undefined;
}

interface ConnectionStoreOptions {
  /** localStorage, or a stand-in shared by two "tabs" in a test. */
  storage?: DeviceStorage | undefined;
  /** Where the other tabs' writes are heard (`window`'s `storage` events). */
  events?: Pick<Window, 'addEventListener'>;
}

/**
 * The connection settings of this tab. Two entries on the device: the settings (everything but
 * the key and the token), written on every change, and the remembered key, written only when the
 * user ticks Remember key, types a key while it is ticked, unticks it or presses Forget key. So a
 * tab with a stale copy of the key can edit the settings without bringing a forgotten key back.
 * Both follow other tabs' writes (`storage` events): one source of truth for the whole device.
 */
export function createConnectionStore({ storage, events }: ConnectionStoreOptions = {}) {
  const device = () => storage ?? deviceStorage();
  // True while another tab's write is applied here: it is theirs, not to be written back.
  let following = false;
  // Once erased, nothing this page still does may write the settings back before it reloads.
  let erased = false;
  const settingsStorage: StateStorage = {
    getItem: (name) => device()?.getItem(name) ?? null,
    setItem: (name, value) => {
      if (following || erased || device()?.getItem(name) === value) return;
      device()?.setItem(name, value);
    },
    removeItem: (name) => device()?.removeItem(name),
  };

  const store = create<ConnectionState>()(
    persist(
      (set) => ({
        ...EMPTY_CONNECTION,
        actions: {
          setField: (field, value) => set({ [field]: value }),
          setRememberKey: (rememberKey) => set({ rememberKey }),
          setUseProxy: (useProxy) => set({ useProxy }),
          setAuthMethod: (authMethod) => set({ authMethod }),
          forgetKey: () => set({ key: '', rememberKey: false }),
          forgetToken: () => set({ token: '' }),
          replaceSettings: (settings) => set(settings),
        },
      }),
      {
        name: CONNECTION_STORAGE_NAME,
        version: 2,
        storage: createJSONStorage(() => settingsStorage),
        // Never the key, never the token: the rest survives a reload.
        partialize: ({
          actions: _actions,
          key: _key,
          rememberKey: _rememberKey,
          token: _token,
          ...settings
        }): StoredSettings => settings,
        // Version 1 kept the remembered key inside the settings: it moves to its own entry, so a
        // user who ticked Remember key keeps it.
        migrate: (persisted) => {
          const key = legacyKey(persisted);
          if (key !== undefined && readRememberedKey(device()) === undefined) {
            writeRememberedKey(device(), key);
          }
          return storedSettings(persisted);
        },
        merge: (persisted, current) => {
          const remembered = readRememberedKey(device());
          return {
            ...current,
            // No entry (erased in another tab): back to a first visit's settings.
            ...(persisted === undefined ? storedSettings(EMPTY_CONNECTION) : {}),
            ...storedSettings(persisted),
            ...(remembered !== undefined ? { key: remembered, rememberKey: true } : {}),
          };
        },
      },
    ),
  );

  // Only a change of the key or of Remember key, made in this tab, writes the key's entry.
  store.subscribe((state, previous) => {
    if (following || erased) return;
    if (state.key === previous.key && state.rememberKey === previous.rememberKey) return;
    writeRememberedKey(device(), state.rememberKey ? state.key : undefined);
  });

  const follow = (change: () => void) => {
    following = true;
    try {
      change();
    } finally {
      following = false;
    }
  };

  /** Another tab wrote: its settings, and the remembered key as it now stands, become this tab's. */
  function followOtherTab(name: string | null): void {
    if (name === null || name === CONNECTION_STORAGE_NAME) {
      follow(() => void store.persist.rehydrate());
    }
    if (name === null || name === REMEMBERED_KEY_NAME) {
      const remembered = readRememberedKey(device());
      follow(() => {
        if (remembered !== undefined) store.setState({ key: remembered, rememberKey: true });
        // Forgotten elsewhere: a key this tab had from the device goes too; one typed here only stays.
        else if (store.getState().rememberKey) store.setState({ key: '', rememberKey: false });
      });
    }
  }

  (events ?? (typeof window === 'undefined' ? undefined : window))?.addEventListener(
    'storage',
    (event) => followOtherTab(event.key),
  );

  /** Erase all data on this device, the connection's part: the settings and the remembered key. */
  function erase(): void {
    erased = true;
    store.persist.clearStorage();
    writeRememberedKey(device(), undefined);
  }

  return Object.assign(store, { erase });
}

const useConnectionStore = createConnectionStore();

export function useConnectionSettings(): ConnectionSettings {
  return useConnectionStore(useShallow(({ actions: _actions, ...settings }) => settings));
}

export function useConnectionField<F extends keyof ConnectionSettings>(
  field: F,
): ConnectionSettings[F] {
  return useConnectionStore((state) => state[field]);
}

export function useConnectionActions(): ConnectionActions {
  return useConnectionStore((state) => state.actions);
}

/** Whether persisted settings were found, so a first visit can open on the demo. */
export function hasSavedConnection(): boolean {
  return deviceStorage()?.getItem(CONNECTION_STORAGE_NAME) != null;
}

/** For start-up code outside React. */
export function applyConnectionSettings(settings: Partial<ConnectionSettings>): void {
  useConnectionStore.getState().actions.replaceSettings(settings);
}

/** The settings as they stand, for code outside React (the runs' key lookup). */
export function readConnectionSettings(): ConnectionSettings {
  const { actions: _actions, ...settings } = useConnectionStore.getState();
  return settings;
}

/** Calls back whenever a setting changes (the key among them). */
export function subscribeToConnection(listener: () => void): () => void {
  return useConnectionStore.subscribe(listener);
}

/**
 * Erase all data on this device, the connection's part: the settings and the remembered key leave
 * the device, and this page writes neither again (its memory keeps its copy until the reload).
 */
export function eraseConnection(): void {
  useConnectionStore.erase();
}
