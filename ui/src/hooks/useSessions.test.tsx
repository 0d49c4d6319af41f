import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, session } from '../test/fakeApi';
import { renderHookWithApi } from '../test/renderHookWithApi';
import { FAST_POLL_MS, SLOW_POLL_MS, useSessions } from './useSessions';

function setup(api = createFakeApi()) {
  return renderHookWithApi(() => useSessions(), api);
}

describe('useSessions', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists ended sessions too', async () => {
    const { api, result } = setup();
    await waitFor(() => {
      expect(result.current.isSuccess).toBe(true);
    });
    expect(api.listSessions).toHaveBeenCalledWith(true);
  });

  it('polls every second while a session is on its way, every three seconds otherwise', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = createFakeApi();
    api.listSessions.mockResolvedValue([session('launching', { status: 'PREPARING' })]);
    setup(api);
    await waitFor(() => {
      expect(api.listSessions).toHaveBeenCalledTimes(1);
    });

    await vi.advanceTimersByTimeAsync(FAST_POLL_MS + 100);
    expect(api.listSessions).toHaveBeenCalledTimes(2);

    // Once it runs, the pace drops.
    api.listSessions.mockResolvedValue([session('launching')]);
    await vi.advanceTimersByTimeAsync(FAST_POLL_MS + 100);
    expect(api.listSessions).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(SLOW_POLL_MS - 500);
    expect(api.listSessions).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(api.listSessions).toHaveBeenCalledTimes(4);
  });
});
