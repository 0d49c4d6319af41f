import { vi, type Mock } from 'vitest';
import type {
  Api,
  AppInfo,
  DirEntry,
  EngineStatus,
  FileDropEvent,
  Folder,
  LaunchCheck,
  LaunchRequest,
  PlannedMount,
  OpenSessionRequest,
  Project,
  Session,
  SessionNotice,
  StorageHost,
  TerminalExit,
  TerminalInfo,
  TerminalSize,
  UiSettings,
} from '../api';

export type FakeApi = { [K in keyof Api]: Mock<Api[K]> };

export const connectedStatus: EngineStatus = {
  state: 'connected',
  info: {
    endpoint: 'unix:///var/run/docker.sock',
    name: 'docker-desktop',
    version: '20.10.24',
    api_version: '1.41',
    os: 'Debian GNU/Linux 12 (bookworm)',
    kernel_version: '6.1.0-18-amd64',
    cpus: 8,
    memory_bytes: 16 * 1024 ** 3,
  },
};

export const unreachableStatus: EngineStatus = {
  state: 'unreachable',
  endpoint: 'unix:///run/user/1000/docker.sock',
  error: { code: 'engine_unreachable', message: 'connection refused (os error 111)' },
  hint: 'Start Docker Desktop, or run `sudo systemctl start docker`.',
};

export const projects: Project[] = [
  { id: 'p-1', name: 'default', created_at: '2025-01-10T09:00:00Z' },
  { id: 'p-2', name: 'research', created_at: '2025-02-01T12:30:00Z' },
];

export const storageHosts: StorageHost[] = [
  {
    name: 'local',
    path: '/home/alex/.local/share/berth/storage/local',
    created_at: '2025-01-10T09:00:00Z',
    usage: { total_bytes: 512 * 1024 ** 3, used_bytes: 384 * 1024 ** 3, free_bytes: 128 * 1024 ** 3 },
  },
  {
    name: 'usb',
    path: '/media/alex/backup/berth',
    created_at: '2025-03-02T08:15:00Z',
    usage: null,
  },
];

export const appInfo: AppInfo = {
  version: '0.1.0',
  data_dir: '/home/alex/.local/share/berth',
  database_path: '/home/alex/.local/share/berth/berth.db',
  schema_version: 3,
};

/** A ready `rw` general user folder on `local`, with any field overridden. */
export function folder(name: string, overrides: Partial<Folder> = {}): Folder {
  return {
    id: `f-${name}`,
    name,
    host: 'local',
    usage_mode: 'general',
    permission: 'rw',
    type: 'user',
    project: null,
    status: 'ready',
    automount: name.startsWith('.'),
    created_at: '2025-04-01T10:00:00Z',
    trashed_at: null,
    size_bytes: 2048,
    ...overrides,
  };
}

/** A file entry of `size` bytes, or a directory with `kind: 'dir'`. */
export function entry(name: string, overrides: Partial<DirEntry> = {}): DirEntry {
  return { name, kind: 'file', size: 1200, modified: '2025-05-02T14:30:00Z', ...overrides };
}

/** A running interactive session, with any field overridden. */
export function session(name: string, overrides: Partial<Session> = {}): Session {
  return {
    id: `0b7c2f4e-${name}`,
    name,
    project: 'default',
    type: 'interactive',
    image: 'python:3.12',
    status: 'RUNNING',
    status_reason: null,
    exit_code: null,
    container_id: `c-${name}`,
    created_at: '2025-06-01T10:00:00Z',
    ended_at: null,
    spec: {
      name,
      type: 'interactive',
      image: 'python:3.12',
      command: null,
      cpus: 2,
      memory_bytes: 4 * 1024 ** 3,
      shm_bytes: 64 * 1024 ** 2,
      env: [],
      ports: [],
      gpus: 0,
    },
    mounts: [],
    published_ports: [],
    history: [
      { status: 'PENDING', reason: null, at: '2025-06-01T10:00:00Z' },
      { status: 'PREPARING', reason: null, at: '2025-06-01T10:00:01Z' },
      { status: 'RUNNING', reason: null, at: '2025-06-01T10:00:02Z' },
    ],
    ...overrides,
  };
}

/** Where a mount request lands, by the core's rule (without its refusals). */
function plannedTarget(folder: string, alias: string): string {
  if (alias === '') return `/home/work/${folder}`;
  return alias.startsWith('/') ? alias : `/home/work/${alias}`;
}

/** A launch check that finds no problem: the planned mounts, automount ones after. */
export function acceptedCheck(request: LaunchRequest, automount: string[] = []): LaunchCheck {
  const mounts: PlannedMount[] = request.mounts.map((mount) => ({
    folder_id: `f-${mount.folder}`,
    folder_name: mount.folder,
    target: plannedTarget(mount.folder, mount.alias),
    read_only: mount.read_only,
    automount: false,
  }));
  for (const name of automount) {
    mounts.push({
      folder_id: `f-${name}`,
      folder_name: name,
      target: `/home/work/${name}`,
      read_only: false,
      automount: true,
    });
  }
  return { name: request.spec.name ?? 'generated-name', mounts, problems: [] };
}

/** What a fresh installation starts with. */
export const defaultSettings: UiSettings = {
  terminal_font_size: 14,
  terminal_theme: 'system',
  desktop_notifications: true,
};

/** A notice about the session `name`, with any field overridden. */
export function notice(
  kind: SessionNotice['kind'],
  name: string,
  overrides: Partial<SessionNotice> = {},
): SessionNotice {
  return {
    id: `n-${kind}-${name}`,
    kind,
    session_id: `0b7c2f4e-${name}`,
    session_name: name,
    exit_code: kind === 'ended' ? 0 : null,
    reason: kind === 'failed' ? 'image not found' : null,
    at: '2025-06-01T10:00:02Z',
    ...overrides,
  };
}

/** The backend's events, by name, each with the handlers listening to it. */
interface FakeEvents {
  settings: Set<(settings: UiSettings) => void>;
  notice: Set<(notice: SessionNotice) => void>;
  openSession: Set<(request: OpenSessionRequest) => void>;
}

const eventHandlers = new WeakMap<FakeApi, FakeEvents>();

function handlersOf(api: FakeApi): FakeEvents {
  const found = eventHandlers.get(api);
  if (!found) throw new Error('not a fake API made by createFakeApi');
  return found;
}

/** Delivers `berth://settings` to whatever listens through `api.onSettingsChanged`. */
export function emitSettings(api: FakeApi, settings: UiSettings): void {
  for (const handler of handlersOf(api).settings) handler(settings);
}

/** Delivers `berth://notice` to whatever listens through `api.onNotice`. */
export function emitNotice(api: FakeApi, sessionNotice: SessionNotice): void {
  for (const handler of handlersOf(api).notice) handler(sessionNotice);
}

/** Delivers `berth://open-session` to whatever listens through `api.onOpenSession`. */
export function emitOpenSession(api: FakeApi, request: OpenSessionRequest): void {
  for (const handler of handlersOf(api).openSession) handler(request);
}

/** How many handlers listen to an event, so tests can wait for a subscription. */
export function listenerCount(api: FakeApi, event: keyof FakeEvents): number {
  return handlersOf(api)[event].size;
}

/** Registers a handler the way the real subscriptions do: resolved once listening. */
function subscribeTo<T>(handlers: Set<(payload: T) => void>, handler: (payload: T) => void) {
  handlers.add(handler);
  return Promise.resolve(() => {
    handlers.delete(handler);
  });
}

/** One shell of the fake backend, with what the UI sent it. */
export interface FakeTerminal {
  info: TerminalInfo;
  /** Everything written to it, one entry per `writeTerminal` call. */
  writes: string[];
  /** Every size it was given, the opening one first. */
  sizes: TerminalSize[];
  /** Output so far, replayed to each view that attaches (the saved screen). */
  screen: string;
  closed: boolean;
  /** The view attached now: where output goes and how its attach promise settles. */
  view: { onOutput: (bytes: Uint8Array) => void; settle: (exit: TerminalExit | null) => void } | null;
}

const terminalRegistries = new WeakMap<FakeApi, Map<string, FakeTerminal>>();

function terminalsOf(api: FakeApi): Map<string, FakeTerminal> {
  const found = terminalRegistries.get(api);
  if (!found) throw new Error('not a fake API made by createFakeApi');
  return found;
}

/** The fake shell `id`; throws if the UI never opened it. */
export function fakeTerminal(api: FakeApi, id: string): FakeTerminal {
  const found = terminalsOf(api).get(id);
  if (!found) throw new Error(`no fake terminal ${id}`);
  return found;
}

/** Every fake shell, in the order they were opened or seeded. */
export function fakeTerminals(api: FakeApi): FakeTerminal[] {
  return [...terminalsOf(api).values()];
}

/** A shell that already exists when the window opens, as `sessionTerminals` reports it. */
export function seedTerminal(
  api: FakeApi,
  sessionId: string,
  id: string,
  screen = '',
  exit: TerminalExit | null = null,
): FakeTerminal {
  const created: FakeTerminal = {
    info: { id, session_id: sessionId, session_name: sessionId, command: ['bash'], exit },
    writes: [],
    sizes: [],
    screen,
    closed: false,
    view: null,
  };
  terminalsOf(api).set(id, created);
  return created;
}

/** The shell prints `text`: kept on its screen and sent to the attached view. */
export function terminalOutput(api: FakeApi, id: string, text: string): void {
  const target = fakeTerminal(api, id);
  target.screen += text;
  target.view?.onOutput(new TextEncoder().encode(text));
}

/** The shell ends: the attached view's `attachTerminal` resolves with `exit`. */
export function endTerminal(api: FakeApi, id: string, exit: TerminalExit): void {
  const target = fakeTerminal(api, id);
  target.info = { ...target.info, exit };
  const view = target.view;
  target.view = null;
  view?.settle(exit);
}

function fakeTerminalBackend(terminals: Map<string, FakeTerminal>) {
  let opened = 0;
  const find = (id: string): FakeTerminal | Promise<never> =>
    terminals.get(id) ??
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Tauri rejects with a plain payload.
    Promise.reject({ code: 'terminal_not_found', message: `no terminal ${id}` });
  const methods: Pick<
    Api,
    | 'openTerminal'
    | 'attachTerminal'
    | 'writeTerminal'
    | 'resizeTerminal'
    | 'closeTerminal'
    | 'sessionTerminals'
  > = {
    openTerminal: (sessionId, size) => {
      const id = `term-${++opened}`;
      const created: FakeTerminal = {
        info: { id, session_id: sessionId, session_name: sessionId, command: ['bash'], exit: null },
        writes: [],
        sizes: [size],
        screen: '',
        closed: false,
        view: null,
      };
      terminals.set(id, created);
      return Promise.resolve(created.info);
    },
    attachTerminal: (id, onOutput) => {
      const target = find(id);
      if (target instanceof Promise) return target;
      // Like the backend: the view attached before is detached (resolves null).
      target.view?.settle(null);
      target.view = null;
      if (target.screen !== '') onOutput(new TextEncoder().encode(target.screen));
      if (target.info.exit) return Promise.resolve(target.info.exit);
      return new Promise((resolve) => {
        target.view = { onOutput, settle: resolve };
      });
    },
    writeTerminal: (id, data) => {
      const target = find(id);
      if (target instanceof Promise) return target;
      target.writes.push(data);
      return Promise.resolve();
    },
    resizeTerminal: (id, size) => {
      const target = find(id);
      if (target instanceof Promise) return target;
      target.sizes.push(size);
      return Promise.resolve();
    },
    closeTerminal: (id) => {
      const target = find(id);
      if (target instanceof Promise) return target;
      target.closed = true;
      terminals.delete(id);
      const view = target.view;
      target.view = null;
      view?.settle({ code: null, reason: 'closed' });
      return Promise.resolve();
    },
    sessionTerminals: (sessionId) =>
      Promise.resolve(
        [...terminals.values()]
          .filter((one) => one.info.session_id === sessionId)
          .map((one) => one.info),
      ),
  };
  return methods;
}

const dropHandlers = new WeakMap<FakeApi, Set<(event: FileDropEvent) => void>>();

/** Delivers a drag-and-drop event to whatever is listening through `api.onFileDrop`. */
export function dropFiles(api: FakeApi, event: FileDropEvent): void {
  for (const handler of dropHandlers.get(api) ?? []) handler(event);
}

/** A stateful stand-in for the backend; override any method per test. */
export function createFakeApi(overrides: Partial<Api> = {}): FakeApi {
  let current: Project = projects[0] ?? { id: 'p-0', name: 'default', created_at: '' };
  let transfers = 0;
  const handlers = new Set<(event: FileDropEvent) => void>();
  const terminals = new Map<string, FakeTerminal>();
  const events: FakeEvents = { settings: new Set(), notice: new Set(), openSession: new Set() };
  let settings = defaultSettings;
  const defaults: Api = {
    engineStatus: () => Promise.resolve(connectedStatus),
    appInfo: () => Promise.resolve(appInfo),
    listProjects: () => Promise.resolve(projects),
    currentProject: () => Promise.resolve(current),
    setCurrentProject: (name) => {
      const found = projects.find((project) => project.name === name);
      if (!found) {
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Tauri rejects with a plain payload, and the UI must cope with exactly that.
        return Promise.reject({ code: 'not_found', message: `no project named ${name}` });
      }
      current = found;
      return Promise.resolve(found);
    },
    listStorageHosts: () => Promise.resolve(storageHosts),
    listFolders: () => Promise.resolve([]),
    checkFolderName: () => Promise.resolve(),
    createFolder: (name, options) =>
      Promise.resolve(
        folder(name, {
          host: options.host ?? 'local',
          usage_mode: options.usage_mode,
          permission: options.permission,
          type: options.type,
          project: options.type === 'project' ? current.name : null,
          size_bytes: null,
        }),
      ),
    renameFolder: (_name, newName) => Promise.resolve(folder(newName)),
    trashFolder: (name) => Promise.resolve(folder(name, { status: 'trashed' })),
    restoreFolder: (name) => Promise.resolve(folder(name)),
    purgeFolder: () => Promise.resolve(),
    refreshFolderSize: () => Promise.resolve(4096),
    openFolderOnHost: () => Promise.resolve(),
    fsList: () => Promise.resolve({ entries: [], total: 0 }),
    fsMkdir: () => Promise.resolve(),
    fsRename: () => Promise.resolve(),
    fsRemove: () => Promise.resolve(),
    fsReadText: () => Promise.resolve(''),
    fsWriteText: () => Promise.resolve(),
    pickFiles: () => Promise.resolve([]),
    pickDirectory: () => Promise.resolve(null),
    pickSavePath: () => Promise.resolve(null),
    uploadConflicts: () => Promise.resolve([]),
    startUpload: () => Promise.resolve(`t-${++transfers}`),
    startDownload: () => Promise.resolve(`t-${++transfers}`),
    cancelTransfer: () => Promise.resolve(),
    listSessions: () => Promise.resolve([]),
    sessionInfo: (id) => Promise.resolve(session(id)),
    engineLimits: () => Promise.resolve({ cpus: 8, memory_bytes: 16 * 1024 ** 3, nvidia_runtime: false }),
    listImages: () =>
      Promise.resolve([
        { id: 'sha256:1', tags: ['python:3.12'], size_bytes: 1024 ** 3, created: 1_700_000_000 },
        { id: 'sha256:2', tags: ['ubuntu:24.04'], size_bytes: 80 * 1024 ** 2, created: 1_690_000_000 },
      ]),
    checkLaunch: (request) => Promise.resolve(acceptedCheck(request)),
    startSession: (request) =>
      Promise.resolve(session(request.spec.name ?? 'generated-name', { status: 'PENDING' })),
    terminateSession: (id) => Promise.resolve(session(id, { status: 'TERMINATED' })),
    renameSession: (_id, name) => Promise.resolve(session(name)),
    sessionLogs: () => Promise.resolve(''),
    sessionUsage: () =>
      Promise.resolve({
        cpu_percent: 12.5,
        memory_bytes: 64 * 1024 ** 2,
        memory_limit_bytes: 1024 ** 3,
        network_rx_bytes: 2048,
        network_tx_bytes: 1024,
        block_read_bytes: 0,
        block_write_bytes: 4096,
      }),
    openTerminalWindow: () => Promise.resolve(),
    getSettings: () => Promise.resolve(settings),
    setSettings: (next) => {
      settings = next;
      // The backend broadcasts every change, to the window that made it too.
      for (const handler of events.settings) handler(next);
      return Promise.resolve(next);
    },
    listNotices: () => Promise.resolve([]),
    clearNotices: () => Promise.resolve(),
    onSettingsChanged: (handler) => subscribeTo(events.settings, handler),
    onNotice: (handler) => subscribeTo(events.notice, handler),
    onOpenSession: (handler) => subscribeTo(events.openSession, handler),
    ...fakeTerminalBackend(terminals),
    systemTerminalAvailable: () => Promise.resolve(false),
    openSystemTerminal: () => Promise.resolve(),
    openUrl: () => Promise.resolve(),
    readClipboard: () => Promise.resolve(''),
    writeClipboard: () => Promise.resolve(),
    onFileDrop: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
  const impl: Api = { ...defaults, ...overrides };
  const fake: Partial<Record<keyof Api, Mock>> = {};
  for (const key of Object.keys(impl) as (keyof Api)[]) fake[key] = vi.fn(impl[key]);
  const api = fake as FakeApi;
  dropHandlers.set(api, handlers);
  terminalRegistries.set(api, terminals);
  eventHandlers.set(api, events);
  return api;
}
