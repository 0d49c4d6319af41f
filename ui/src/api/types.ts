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
  SessionNotice,
  SessionUsage,
  StorageHost,
  TerminalExit,
  TerminalInfo,
  TerminalSize,
  UiSettings,
} from './bindings';
import type {
  ConflictPolicy,
  DirPage,
  SortKey,
  TransferUpdate,
} from './bindings';

/** One page of a directory listing, `path` relative to the folder root (`""` is the root). */
export interface ListQuery {
  folder: string;
  path: string;
  sort: SortKey;
  descending: boolean;
  offset: number;
  limit: number;
}

/** Copies host files or directories (`sources`) into the folder directory `dir`. */
export interface UploadRequest {
  folder: string;
  dir: string;
  sources: string[];
  onConflict: ConflictPolicy;
}

/** Copies the folder entry `path` to the host path `dest` (the entry's full new path). */
export interface DownloadRequest {
  folder: string;
  path: string;
  dest: string;
  onConflict: ConflictPolicy;
}

/** Files dragged over the window from the desktop; `paths` is empty for `over` and `leave`. */
export interface FileDropEvent {
  type: 'enter' | 'over' | 'leave' | 'drop';
  paths: string[];
}

/** Asks the main window to show a session's drawer on one of its tabs. */
export interface OpenSessionRequest {
  session_id: string;
  tab: 'overview' | 'logs';
}

/**
 * Everything the UI may ask of the backend. Components reach it through
 * `useApi()`, so tests can supply a fake without touching Tauri.
 * Every method that returns a promise rejects with an `ApiError`. Members are
 * function-typed properties so implementations can be plain objects of free
 * functions.
 */
export interface Api {
  engineStatus: () => Promise<EngineStatus>;
  appInfo: () => Promise<AppInfo>;
  listProjects: () => Promise<Project[]>;
  currentProject: () => Promise<Project>;
  setCurrentProject: (name: string) => Promise<Project>;
  listStorageHosts: () => Promise<StorageHost[]>;

  /** Ready folders of the current project, or those in its trash. */
  listFolders: (trash: boolean) => Promise<Folder[]>;
  /** Resolves when `name` is free and allowed; rejects with the reason otherwise. */
  checkFolderName: (name: string) => Promise<void>;
  createFolder: (name: string, options: FolderOptions) => Promise<Folder>;
  renameFolder: (name: string, newName: string) => Promise<Folder>;
  trashFolder: (name: string) => Promise<Folder>;
  restoreFolder: (name: string) => Promise<Folder>;
  /** Deletes a trashed folder's data; `confirm` must repeat its name. */
  purgeFolder: (name: string, confirm: string) => Promise<void>;
  /** Recomputes the bytes a folder uses. */
  refreshFolderSize: (name: string) => Promise<number>;
  openFolderOnHost: (folder: string) => Promise<void>;

  fsList: (query: ListQuery) => Promise<DirPage>;
  /** Creates a directory and any missing parents. */
  fsMkdir: (folder: string, path: string) => Promise<void>;
  fsRename: (folder: string, from: string, to: string) => Promise<void>;
  /** Removes entries, directories with everything in them. */
  fsRemove: (folder: string, paths: string[]) => Promise<void>;
  fsReadText: (folder: string, path: string) => Promise<string>;
  fsWriteText: (folder: string, path: string, content: string) => Promise<void>;

  /** Native pickers; an empty list or `null` means the user cancelled. */
  pickFiles: () => Promise<string[]>;
  pickDirectory: () => Promise<string | null>;
  pickSavePath: (suggestedName: string) => Promise<string | null>;

  /** Names of `sources` that already exist in the folder directory `dir`. */
  uploadConflicts: (folder: string, dir: string, sources: string[]) => Promise<string[]>;
  /** Starts an upload and resolves with its id; progress arrives through `onProgress`. */
  startUpload: (request: UploadRequest, onProgress: (update: TransferUpdate) => void) => Promise<string>;
  startDownload: (
    request: DownloadRequest,
    onProgress: (update: TransferUpdate) => void,
  ) => Promise<string>;
  cancelTransfer: (id: string) => Promise<void>;

  /** Sessions of the current project, newest first; ended ones too when `all`. */
  listSessions: (all: boolean) => Promise<Session[]>;
  /** One session of the current project, by id, id prefix or name. */
  sessionInfo: (id: string) => Promise<Session>;
  /** What the engine can give a session (CPUs, memory). */
  engineLimits: () => Promise<EngineLimits>;
  /** Images present on the engine, newest first. */
  listImages: () => Promise<ImageInfo[]>;
  /** Checks a launch request without creating anything: every problem at once. */
  checkLaunch: (request: LaunchRequest) => Promise<LaunchCheck>;
  /** Records a session and resolves with it `PENDING`; the launch goes on in the background. */
  startSession: (request: LaunchRequest) => Promise<Session>;
  /** Stops and removes the session's container; resolves once it has ended. */
  terminateSession: (id: string) => Promise<Session>;
  renameSession: (id: string, name: string) => Promise<Session>;
  /** The session's output so far (its last MiB), as text. */
  sessionLogs: (id: string) => Promise<string>;
  /** One sample of a running session's CPU, memory, network and block I/O. */
  sessionUsage: (id: string) => Promise<SessionUsage>;

  /** Opens (or focuses) the terminal window of a running session. */
  openTerminalWindow: (sessionId: string) => Promise<void>;

  /** Starts a new shell with a TTY of `size` in the session's container. */
  openTerminal: (sessionId: string, size: TerminalSize) => Promise<TerminalInfo>;
  /**
   * Streams a shell's output to `onOutput`: first its saved screen (up to
   * 1 MiB of past output), then live bytes. Resolves with how the shell ended,
   * or with `null` once another view attached to the same shell instead.
   */
  attachTerminal: (
    terminalId: string,
    onOutput: (bytes: Uint8Array) => void,
  ) => Promise<TerminalExit | null>;
  /** Keystrokes or pasted text, as the terminal emulator produced them. */
  writeTerminal: (terminalId: string, data: string) => Promise<void>;
  resizeTerminal: (terminalId: string, size: TerminalSize) => Promise<void>;
  /** Ends the shell. */
  closeTerminal: (terminalId: string) => Promise<void>;
  /** The shells the backend still holds for a session, live and ended. */
  sessionTerminals: (sessionId: string) => Promise<TerminalInfo[]>;
  /** Whether the host has a terminal emulator `openSystemTerminal` can start. */
  systemTerminalAvailable: () => Promise<boolean>;
  /** Runs `docker exec -it` into the session in the host's terminal emulator. */
  openSystemTerminal: (sessionId: string) => Promise<void>;
  /** Opens an http(s) address in the host's browser, never inside the webview. */
  openUrl: (url: string) => Promise<void>;
  /** The system clipboard's text (`''` when it holds none). */
  readClipboard: () => Promise<string>;
  writeClipboard: (text: string) => Promise<void>;

  /** Preferences shared by every window. */
  getSettings: () => Promise<UiSettings>;
  /** Saves and broadcasts them; rejects with `invalid_setting` on a bad value. */
  setSettings: (settings: UiSettings) => Promise<UiSettings>;
  /** Notices of this run, newest first. */
  listNotices: () => Promise<SessionNotice[]>;
  clearNotices: () => Promise<void>;
  /**
   * Event subscriptions: each resolves, once listening, with the function
   * that stops it.
   */
  onSettingsChanged: (handler: (settings: UiSettings) => void) => Promise<() => void>;
  onNotice: (handler: (notice: SessionNotice) => void) => Promise<() => void>;
  /** A desktop notification's action asks this window to show a session. */
  onOpenSession: (handler: (request: OpenSessionRequest) => void) => Promise<() => void>;

  /** Listens for files dragged onto the window; returns the function that stops listening. */
  onFileDrop: (handler: (event: FileDropEvent) => void) => () => void;
}
