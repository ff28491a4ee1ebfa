import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_API_VERSION } from '../../service/api-profiles';
import type { ApiVersion, AuthScheme, LabelMode } from '../../service/model';

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

const STORAGE_NAME = 'classify-console:connection';

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

const useConnectionStore = create<ConnectionSettings & { actions: ConnectionActions }>()(
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
      name: STORAGE_NAME,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      // The key is stored only when the user asked for it, the token never; the rest survives a reload.
      partialize: ({ actions: _actions, key, token: _token, ...settings }) =>
        settings.rememberKey ? { ...settings, key } : settings,
    },
  ),
);

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
  return localStorage.getItem(STORAGE_NAME) !== null;
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
