import type { SortKey } from '../api';

export const queryKeys = {
  engineStatus: ['engine-status'] as const,
  appInfo: ['app-info'] as const,
  projects: ['projects'] as const,
  currentProject: ['current-project'] as const,
  storageHosts: ['storage-hosts'] as const,
  /** Every folder list; invalidate this after any change to folders. */
  folders: ['folders'] as const,
  folderList: (trash: boolean) => ['folders', { trash }] as const,
  /** Every listing of one folder; invalidate this after changing its contents. */
  folderContents: (folder: string) => ['folder-contents', folder] as const,
  dirPage: (
    folder: string,
    path: string,
    sort: SortKey,
    descending: boolean,
    offset: number,
  ) => ['folder-contents', folder, 'list', { path, sort, descending, offset }] as const,
  /** Every session query; invalidate this after any change to sessions. */
  sessions: ['sessions'] as const,
  sessionList: (all: boolean) => ['sessions', 'list', { all }] as const,
  session: (id: string) => ['sessions', 'one', id] as const,
  sessionLogs: (id: string) => ['sessions', 'logs', id] as const,
  sessionUsage: (id: string) => ['sessions', 'usage', id] as const,
  engineLimits: ['engine-limits'] as const,
  /** Whether the host has a terminal emulator to run `docker exec -it` in. */
  systemTerminal: ['system-terminal'] as const,
  images: ['images'] as const,
  launchCheck: (request: string) => ['launch-check', request] as const,
  textFile: (folder: string, path: string) => ['folder-contents', folder, 'text', path] as const,
  settings: ['settings'] as const,
  notices: ['notices'] as const,
};
