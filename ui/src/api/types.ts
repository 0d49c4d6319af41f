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

  /** Listens for files dragged onto the window; returns the function that stops listening. */
  onFileDrop: (handler: (event: FileDropEvent) => void) => () => void;
}
