import type { AppInfo, EngineStatus, Project, StorageHost } from './bindings';

/**
 * Everything the UI may ask of the backend. Components reach it through
 * `useApi()`, so tests can supply a fake without touching Tauri.
 * Every method rejects with an `ApiError`. Members are function-typed
 * properties so implementations can be plain objects of free functions.
 */
export interface Api {
  engineStatus: () => Promise<EngineStatus>;
  appInfo: () => Promise<AppInfo>;
  listProjects: () => Promise<Project[]>;
  currentProject: () => Promise<Project>;
  setCurrentProject: (name: string) => Promise<Project>;
  listStorageHosts: () => Promise<StorageHost[]>;
}
