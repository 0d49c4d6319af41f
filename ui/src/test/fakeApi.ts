import { vi, type Mock } from 'vitest';
import type { Api, AppInfo, EngineStatus, Project, StorageHost } from '../api';

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

/** A stateful stand-in for the backend; override any method per test. */
export function createFakeApi(overrides: Partial<Api> = {}): FakeApi {
  let current: Project = projects[0] ?? { id: 'p-0', name: 'default', created_at: '' };
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
  };
  const impl: Api = { ...defaults, ...overrides };
  return {
    engineStatus: vi.fn(impl.engineStatus),
    appInfo: vi.fn(impl.appInfo),
    listProjects: vi.fn(impl.listProjects),
    currentProject: vi.fn(impl.currentProject),
    setCurrentProject: vi.fn(impl.setCurrentProject),
    listStorageHosts: vi.fn(impl.listStorageHosts),
  };
}
