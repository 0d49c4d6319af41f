import { invoke, isTauri, type InvokeArgs } from '@tauri-apps/api/core';
import type { AppInfo, EngineStatus, Project, StorageHost } from './bindings';
import { ApiError, toApiError } from './errors';
import type { Api } from './types';

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  // In a plain browser (`npm run dev` without Tauri) there is no IPC bridge;
  // say so instead of surfacing a TypeError from deep inside invoke().
  if (!isTauri()) {
    throw new ApiError(
      'no_backend',
      'The Berth backend is not available. Open Berth through the desktop app.',
    );
  }
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

export const tauriApi: Api = {
  engineStatus,
  appInfo,
  listProjects,
  currentProject,
  setCurrentProject,
  listStorageHosts,
};
