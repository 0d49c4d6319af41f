// Re-exports every generated type, so new Rust types need no edit here.
export type * from './bindings';
export type { Api, DownloadRequest, FileDropEvent, ListQuery, UploadRequest } from './types';
export type { OpenSessionRequest } from './types';
export { ApiError, toApiError } from './errors';
export { tauriApi } from './tauri';
export { ApiProvider, useApi } from './context';
