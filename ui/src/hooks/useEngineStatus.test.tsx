import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../api';
import { connectedStatus, createFakeApi, unreachableStatus } from '../test/fakeApi';
import { ENGINE_POLL_MS, engineStateOf, useEngineStatus } from './useEngineStatus';

function setup(api = createFakeApi()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiProvider api={api}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </ApiProvider>
  );
  return { api, ...renderHook(() => useEngineStatus(), { wrapper }) };
}

describe('useEngineStatus', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls the engine every 10 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { api } = setup();
    await waitFor(() => {
      expect(api.engineStatus).toHaveBeenCalledTimes(1);
    });

    expect(ENGINE_POLL_MS).toBe(10_000);
    await vi.advanceTimersByTimeAsync(ENGINE_POLL_MS - 500);
    expect(api.engineStatus).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(api.engineStatus).toHaveBeenCalledTimes(2);
  });

  it('follows the engine as it goes down and comes back', async () => {
    const api = createFakeApi();
    api.engineStatus.mockResolvedValueOnce(unreachableStatus);
    const { result } = setup(api);

    await waitFor(() => {
      expect(engineStateOf(result.current)).toBe('unreachable');
    });
    api.engineStatus.mockResolvedValue(connectedStatus);
    await result.current.refetch();
    await waitFor(() => {
      expect(engineStateOf(result.current)).toBe('connected');
    });
  });
});
