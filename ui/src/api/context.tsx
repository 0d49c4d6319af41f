import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { toApiError } from './errors';
import { tauriApi } from './tauri';
import type { Api } from './types';

const ApiContext = createContext<Api>(tauriApi);

/**
 * Wraps every method so callers can rely on rejections being `ApiError`,
 * whatever the provided implementation rejects with.
 */
function withNormalisedErrors(api: Api): Api {
  const guard =
    <Args extends unknown[], R>(fn: (...args: Args) => Promise<R>) =>
    async (...args: Args): Promise<R> => {
      try {
        return await fn(...args);
      } catch (reason) {
        throw toApiError(reason);
      }
    };
  return {
    engineStatus: guard(() => api.engineStatus()),
    appInfo: guard(() => api.appInfo()),
    listProjects: guard(() => api.listProjects()),
    currentProject: guard(() => api.currentProject()),
    setCurrentProject: guard((name: string) => api.setCurrentProject(name)),
    listStorageHosts: guard(() => api.listStorageHosts()),
  };
}

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  const value = useMemo(() => withNormalisedErrors(api), [api]);
  return <ApiContext value={value}>{children}</ApiContext>;
}

export function useApi(): Api {
  return useContext(ApiContext);
}
