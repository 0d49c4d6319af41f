import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectedStatus, createFakeApi, unreachableStatus } from '../test/fakeApi';
import { renderHookWithApi } from '../test/renderHookWithApi';
import { ENGINE_POLL_MS, engineStateOf, useEngineStatus } from './useEngineStatus';

function setup(api = createFakeApi()) {
  return renderHookWithApi(() => useEngineStatus(), api);
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
