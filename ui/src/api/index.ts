// Re-exports every generated type, so new Rust types need no edit here.
export type * from './bindings';
export type { Api } from './types';
export { ApiError, toApiError } from './errors';
export {
  appInfo,
  currentProject,
  engineStatus,
  listProjects,
  listStorageHosts,
  setCurrentProject,
  tauriApi,
} from './tauri';
export { ApiProvider, useApi } from './context';
