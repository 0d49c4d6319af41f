import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { toApiError } from './errors';
import { tauriApi } from './tauri';
import type { Api } from './types';

const ApiContext = createContext<Api>(tauriApi);

type AnyMethod = (...args: unknown[]) => unknown;

/**
 * Wraps every method so callers can rely on rejections being `ApiError`,
 * whatever the provided implementation rejects with. Methods that return no
 * promise (event subscriptions) pass through unchanged.
 */
function withNormalisedErrors(api: Api): Api {
  const wrapped: Partial<Record<keyof Api, AnyMethod>> = {};
  for (const key of Object.keys(api) as (keyof Api)[]) {
    const method = api[key] as AnyMethod;
    wrapped[key] = (...args: unknown[]) => {
      const result = method(...args);
      return result instanceof Promise
        ? result.catch((reason: unknown) => {
            throw toApiError(reason);
          })
        : result;
    };
  }
  return wrapped as unknown as Api;
}

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  const value = useMemo(() => withNormalisedErrors(api), [api]);
  return <ApiContext value={value}>{children}</ApiContext>;
}

export function useApi(): Api {
  return useContext(ApiContext);
}
