import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ApiProvider } from '../api';
import { createFakeApi, type FakeApi } from './fakeApi';

/**
 * Renders a hook with the fake API and a fresh query client that does not
 * retry, as a hook's own tests need; returns the API with the result.
 */
export function renderHookWithApi<T>(hook: () => T, api: FakeApi = createFakeApi()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiProvider api={api}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </ApiProvider>
  );
  return { api, ...renderHook(hook, { wrapper }) };
}
