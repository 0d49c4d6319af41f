import { Channel, invoke, isTauri, type InvokeArgs } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { getCurrentWebviewWindow } from '@tauri-apps/api/webviewWindow';
import type {
  AppInfo,
  EngineLimits,
  EngineStatus,
  Folder,
  FolderOptions,
  ImageInfo,
  LaunchCheck,
  LaunchRequest,
  Project,
  Session,
  StorageHost,
  TerminalExit,
  TerminalInfo,
  TerminalSize,
} from './bindings';
import { ApiError, toApiError } from './errors';
import type {
  DirPage,
  SessionNotice,
  SessionUsage,
  TransferUpdate,
  UiSettings,
} from './bindings';
import type {
  Api,
  DownloadRequest,
  FileDropEvent,
  ListQuery,
  OpenSessionRequest,
  UploadRequest,
} from './types';

function noBackend(): ApiError {
  return new ApiError(
    'no_backend',
    'The Berth backend is not available. Open Berth through the desktop app.',
  );
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  // In a plain browser (`npm run dev` without Tauri) there is no IPC bridge;
  // say so instead of surfacing a TypeError from deep inside invoke().
  if (!isTauri()) throw noBackend();
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toApiError(reason);
  }
}

export const engineStatus = (): Promise<EngineStatus> => call('engine_status');
export const appInfo = (): Promise<AppInfo> => call('app_info');
export const listProjects = (): Promise<Project[]> => call('list_projects');
export const currentProject = (): Promise<Project> => call('current_project');
export const setCurrentProject = (name: string): Promise<Project> =>
  call('set_current_project', { name });
export const listStorageHosts = (): Promise<StorageHost[]> => call('list_storage_hosts');

export const listFolders = (trash: boolean): Promise<Folder[]> => call('list_folders', { trash });
export const checkFolderName = (name: string): Promise<void> =>
  call('check_folder_name', { name });
export const createFolder = (name: string, options: FolderOptions): Promise<Folder> =>
  call('create_folder', { name, options });
export const renameFolder = (name: string, newName: string): Promise<Folder> =>
  call('rename_folder', { name, newName });
export const trashFolder = (name: string): Promise<Folder> => call('trash_folder', { name });
export const restoreFolder = (name: string): Promise<Folder> => call('restore_folder', { name });
export const purgeFolder = (name: string, confirm: string): Promise<void> =>
  call('purge_folder', { name, confirm });
export const refreshFolderSize = (name: string): Promise<number> =>
  call('refresh_folder_size', { name });
export const openFolderOnHost = (folder: string): Promise<void> =>
  call('open_folder_on_host', { folder });

export const fsList = (query: ListQuery): Promise<DirPage> => call('fs_list', { ...query });
export const fsMkdir = (folder: string, path: string): Promise<void> =>
  call('fs_mkdir', { folder, path });
export const fsRename = (folder: string, from: string, to: string): Promise<void> =>
  call('fs_rename', { folder, from, to });
export const fsRemove = (folder: string, paths: string[]): Promise<void> =>
  call('fs_remove', { folder, paths });
export const fsReadText = (folder: string, path: string): Promise<string> =>
  call('fs_read_text', { folder, path });
export const fsWriteText = (folder: string, path: string, content: string): Promise<void> =>
  call('fs_write_text', { folder, path, content });

export const pickFiles = (): Promise<string[]> => call('pick_files');
export const pickDirectory = (): Promise<string | null> => call('pick_directory');
export const pickSavePath = (suggestedName: string): Promise<string | null> =>
  call('pick_save_path', { suggestedName });

export const uploadConflicts = (folder: string, dir: string, sources: string[]): Promise<string[]> =>
  call('upload_conflicts', { folder, dir, sources });

// The channel is created before the call, so no update can arrive unheard,
// even one sent before the command resolves with the transfer's id.
export const startUpload = (
  request: UploadRequest,
  onProgress: (update: TransferUpdate) => void,
): Promise<string> =>
  call('start_upload', { ...request, onProgress: new Channel<TransferUpdate>(onProgress) });
export const startDownload = (
  request: DownloadRequest,
  onProgress: (update: TransferUpdate) => void,
): Promise<string> =>
  call('start_download', { ...request, onProgress: new Channel<TransferUpdate>(onProgress) });
export const cancelTransfer = (id: string): Promise<void> => call('cancel_transfer', { id });

export const listSessions = (all: boolean): Promise<Session[]> => call('list_sessions', { all });
export const sessionInfo = (id: string): Promise<Session> => call('session_info', { id });
export const engineLimits = (): Promise<EngineLimits> => call('engine_limits');
export const listImages = (): Promise<ImageInfo[]> => call('list_images');
export const checkLaunch = (request: LaunchRequest): Promise<LaunchCheck> =>
  call('check_launch', { request });
export const startSession = (request: LaunchRequest): Promise<Session> =>
  call('start_session', { request });
export const terminateSession = (id: string): Promise<Session> =>
  call('terminate_session', { id });
export const renameSession = (id: string, name: string): Promise<Session> =>
  call('rename_session', { id, name });
export const sessionLogs = (id: string): Promise<string> => call('session_logs', { id });
export const sessionUsage = (id: string): Promise<SessionUsage> => call('session_usage', { id });

export const openTerminalWindow = (sessionId: string): Promise<void> =>
  call('open_terminal_window', { sessionId });

export const openTerminal = (sessionId: string, size: TerminalSize): Promise<TerminalInfo> =>
  call('open_terminal', { sessionId, size });
// Output arrives as raw binary messages (an ArrayBuffer each), not JSON, so
// bytes split mid-character reach xterm intact and it reassembles them.
export const attachTerminal = (
  terminalId: string,
  onOutput: (bytes: Uint8Array) => void,
): Promise<TerminalExit | null> =>
  call('attach_terminal', {
    terminalId,
    onOutput: new Channel<ArrayBuffer>((buffer) => {
      onOutput(new Uint8Array(buffer));
    }),
  });
export const writeTerminal = (terminalId: string, data: string): Promise<void> =>
  call('write_terminal', { terminalId, data });
export const resizeTerminal = (terminalId: string, size: TerminalSize): Promise<void> =>
  call('resize_terminal', { terminalId, size });
export const closeTerminal = (terminalId: string): Promise<void> =>
  call('close_terminal', { terminalId });
export const sessionTerminals = (sessionId: string): Promise<TerminalInfo[]> =>
  call('session_terminals', { sessionId });
export const systemTerminalAvailable = (): Promise<boolean> => call('system_terminal_available');
export const openSystemTerminal = (sessionId: string): Promise<void> =>
  call('open_system_terminal', { sessionId });
export const openUrl = (url: string): Promise<void> => call('open_url', { url });
export const readClipboard = (): Promise<string> => call('read_clipboard');
export const writeClipboard = (text: string): Promise<void> => call('write_clipboard', { text });

export const getSettings = (): Promise<UiSettings> => call('get_settings');
export const setSettings = (settings: UiSettings): Promise<UiSettings> =>
  call('set_settings', { settings });
export const listNotices = (): Promise<SessionNotice[]> => call('list_notices');
export const clearNotices = (): Promise<void> => call('clear_notices');

type Unlisten = () => void;

/**
 * Subscribes to a backend event. Outside Tauri nothing will ever arrive, so
 * listening quietly does nothing rather than failing the caller.
 */
async function subscribe<T>(
  register: (handler: (event: { payload: T }) => void) => Promise<Unlisten>,
  handler: (payload: T) => void,
): Promise<Unlisten> {
  if (!isTauri()) return () => undefined;
  try {
    return await register(({ payload }) => {
      handler(payload);
    });
  } catch (reason) {
    throw toApiError(reason);
  }
}

// Settings and notices are broadcast to every window.
export const onSettingsChanged = (handler: (settings: UiSettings) => void): Promise<Unlisten> =>
  subscribe<UiSettings>((h) => listen('berth://settings', h), handler);
export const onNotice = (handler: (notice: SessionNotice) => void): Promise<Unlisten> =>
  subscribe<SessionNotice>((h) => listen('berth://notice', h), handler);
// Addressed to one window: listening on this window only, so a terminal
// window never reacts to a request meant for the main one.
export const onOpenSession = (
  handler: (request: OpenSessionRequest) => void,
): Promise<Unlisten> =>
  subscribe<OpenSessionRequest>(
    (h) => getCurrentWebviewWindow().listen('berth://open-session', h),
    handler,
  );

/**
 * Forwards the webview's drag-and-drop events. Registration is asynchronous,
 * so the returned function also covers a listener that arrives after it was
 * called.
 */
export function onFileDrop(handler: (event: FileDropEvent) => void): () => void {
  if (!isTauri()) return () => undefined;
  let stopped = false;
  let unlisten: (() => void) | undefined;
  getCurrentWebview()
    .onDragDropEvent(({ payload }) => {
      const paths = payload.type === 'enter' || payload.type === 'drop' ? payload.paths : [];
      handler({ type: payload.type, paths });
    })
    .then((stop) => {
      if (stopped) stop();
      else unlisten = stop;
    })
    .catch((reason: unknown) => {
      // Nothing the user can act on: dropping files simply will not work,
      // and the upload buttons still do.
      console.warn('Could not listen for dropped files', reason);
    });
  return () => {
    stopped = true;
    unlisten?.();
  };
}

export const tauriApi: Api = {
  engineStatus,
  appInfo,
  listProjects,
  currentProject,
  setCurrentProject,
  listStorageHosts,
  listFolders,
  checkFolderName,
  createFolder,
  renameFolder,
  trashFolder,
  restoreFolder,
  purgeFolder,
  refreshFolderSize,
  openFolderOnHost,
  fsList,
  fsMkdir,
  fsRename,
  fsRemove,
  fsReadText,
  fsWriteText,
  pickFiles,
  pickDirectory,
  pickSavePath,
  uploadConflicts,
  startUpload,
  startDownload,
  cancelTransfer,
  listSessions,
  sessionInfo,
  engineLimits,
  listImages,
  checkLaunch,
  startSession,
  terminateSession,
  renameSession,
  sessionLogs,
  sessionUsage,
  openTerminalWindow,
  openTerminal,
  attachTerminal,
  writeTerminal,
  resizeTerminal,
  closeTerminal,
  sessionTerminals,
  systemTerminalAvailable,
  openSystemTerminal,
  openUrl,
  readClipboard,
  writeClipboard,
  getSettings,
  setSettings,
  listNotices,
  clearNotices,
  onSettingsChanged,
  onNotice,
  onOpenSession,
  onFileDrop,
};
