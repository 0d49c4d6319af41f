import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionNotice } from '../../api';
import {
  createFakeApi,
  emitNotice,
  emitOpenSession,
  listenerCount,
  notice,
  session,
} from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';
import { NOTICES_SEEN_KEY } from './noticeSeen';

const ready = notice('ready', 'notebook', { id: 'n-1', at: '2025-06-01T10:00:00Z' });
const ended = notice('ended', 'train', { id: 'n-2', exit_code: 3, at: '2025-06-01T11:00:00Z' });
const failed = notice('failed', 'broken', {
  id: 'n-3',
  reason: 'image not found: nope:latest',
  at: '2025-06-01T12:00:00Z',
});

/** A backend that lists `notices` and knows each of their sessions. */
function withNotices(notices: SessionNotice[]) {
  const sessions = [
    session('notebook'),
    session('train', { type: 'batch', status: 'TERMINATED', exit_code: 3n }),
    session('broken', { status: 'ERROR', status_reason: 'image not found: nope:latest' }),
  ];
  return createFakeApi({
    listNotices: () => Promise.resolve(notices),
    listSessions: () => Promise.resolve(sessions),
    sessionInfo: (id) => {
      const found = sessions.find((s) => s.id === id);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Tauri rejects with a plain payload.
      return found ? Promise.resolve(found) : Promise.reject({ code: 'not_found', message: id });
    },
  });
}

function listedIds(): string[] {
  return within(screen.getByTestId('notice-list'))
    .queryAllByTestId(/^notice-(ready|ended|failed)-/)
    .map((item) => item.getAttribute('data-testid') ?? '');
}

async function unread(count: number) {
  await waitFor(() => {
    expect(screen.getByTestId('notice-bell')).toHaveAttribute('data-unread', String(count));
  });
}

describe('notification centre', () => {
  it('says so when there is nothing to tell', async () => {
    const { user } = renderApp();
    await unread(0);
    await user.click(screen.getByTestId('notice-bell'));
    expect(await screen.findByTestId('notice-empty')).toHaveTextContent('Nothing yet');
    expect(screen.queryByTestId('notice-clear')).not.toBeInTheDocument();
  });

  it('lists the notices newest first and counts those not seen yet', async () => {
    const { user } = renderApp({ api: withNotices([failed, ended, ready]) });
    await unread(3);
    expect(screen.getByTestId('notice-bell')).toHaveAccessibleName('Notifications, 3 new');

    await user.click(screen.getByTestId('notice-bell'));
    await screen.findByTestId('notice-list');
    expect(listedIds()).toEqual(['notice-failed-broken', 'notice-ended-train', 'notice-ready-notebook']);
    expect(screen.getByTestId('notice-failed-broken')).toHaveTextContent('broken failed');
    expect(screen.getByTestId('notice-failed-broken')).toHaveTextContent('image not found: nope:latest');
    expect(screen.getByTestId('notice-ended-train')).toHaveTextContent('exited with code 3');
    expect(screen.getByTestId('notice-ready-notebook')).toHaveTextContent('notebook is ready');
    // Opening the list is seeing them.
    await unread(0);
    expect(JSON.parse(window.localStorage.getItem(NOTICES_SEEN_KEY) ?? '[]')).toEqual([
      'n-3',
      'n-2',
      'n-1',
    ]);
  });

  it('adds each new notice at the top as it arrives, unread until the list is opened', async () => {
    const api = withNotices([ready]);
    // Seen before a reload: only what comes after counts.
    window.localStorage.setItem(NOTICES_SEEN_KEY, JSON.stringify(['n-1']));
    const { user } = renderApp({ api });
    await unread(0);
    await waitFor(() => {
      expect(listenerCount(api, 'notice')).toBe(1);
    });

    act(() => {
      emitNotice(api, ended);
    });
    await unread(1);
    act(() => {
      // The same notice twice is one notice.
      emitNotice(api, ended);
      emitNotice(api, failed);
    });
    await unread(2);

    await user.click(screen.getByTestId('notice-bell'));
    await screen.findByTestId('notice-list');
    expect(listedIds()).toEqual(['notice-failed-broken', 'notice-ended-train', 'notice-ready-notebook']);
    await unread(0);
  });

  it('refreshes the session list when a notice arrives, without waiting for the next poll', async () => {
    const api = withNotices([]);
    renderApp({ api });
    await waitFor(() => {
      expect(listenerCount(api, 'notice')).toBe(1);
    });
    await waitFor(() => {
      expect(api.listSessions).toHaveBeenCalled();
    });
    const before = api.listSessions.mock.calls.length;
    act(() => {
      emitNotice(api, ready);
    });
    await waitFor(() => {
      expect(api.listSessions.mock.calls.length).toBeGreaterThan(before);
    });
  });

  it('opens a terminal for a ready session', async () => {
    const api = withNotices([ready]);
    const { user } = renderApp({ api });
    await user.click(await screen.findByTestId('notice-bell'));
    await user.click(await screen.findByTestId('notice-action-ready-notebook'));
    await waitFor(() => {
      expect(api.openTerminalWindow).toHaveBeenCalledWith(ready.session_id);
    });
  });

  it('says why a terminal could not be opened', async () => {
    const api = withNotices([ready]);
    api.openTerminalWindow.mockRejectedValue({ code: 'not_running', message: 'the session ended' });
    const { user } = renderApp({ api });
    await user.click(await screen.findByTestId('notice-bell'));
    await user.click(await screen.findByTestId('notice-action-ready-notebook'));
    expect(
      await screen.findByText('Could not open a terminal: the session ended'),
    ).toBeInTheDocument();
  });

  it("opens an ended session's logs and a failed one's details in the drawer, from any page", async () => {
    const { user, router } = renderApp({ api: withNotices([failed, ended]), path: '/storage' });
    await user.click(await screen.findByTestId('notice-bell'));
    await user.click(await screen.findByTestId('notice-action-ended-train'));

    expect(await screen.findByTestId('page-sessions')).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?session=${ended.session_id}&tab=logs`);
    await waitFor(() => {
      expect(screen.getByTestId('session-drawer')).toHaveAttribute('data-session', 'train');
    });
    expect(await screen.findByTestId('session-logs-refresh')).toBeInTheDocument();

    await user.click(screen.getByTestId('notice-bell'));
    await user.click(await screen.findByTestId('notice-action-failed-broken'));
    await waitFor(() => {
      expect(screen.getByTestId('session-drawer')).toHaveAttribute('data-session', 'broken');
    });
    expect(router.state.location.search).toBe(`?session=${failed.session_id}&tab=overview`);
    expect(await screen.findByTestId('session-history')).toBeInTheDocument();
    expect(screen.queryByTestId('session-logs-refresh')).not.toBeInTheDocument();
  });

  it('clears the list', async () => {
    const api = withNotices([ended, ready]);
    const { user } = renderApp({ api });
    await user.click(await screen.findByTestId('notice-bell'));
    await screen.findByTestId('notice-ended-train');
    await user.click(screen.getByTestId('notice-clear'));
    await waitFor(() => {
      expect(api.clearNotices).toHaveBeenCalledTimes(1);
    });
    expect(await screen.findByTestId('notice-empty')).toBeInTheDocument();
    expect(screen.queryByTestId('notice-ended-train')).not.toBeInTheDocument();
  });
});

describe('berth://open-session', () => {
  it("opens the session's drawer on the asked tab, whatever page is showing", async () => {
    const api = withNotices([]);
    const { router } = renderApp({ api, path: '/settings' });
    await screen.findByTestId('page-settings');
    await waitFor(() => {
      expect(listenerCount(api, 'openSession')).toBe(1);
    });

    act(() => {
      emitOpenSession(api, { session_id: ended.session_id, tab: 'logs' });
    });
    expect(await screen.findByTestId('page-sessions')).toBeInTheDocument();
    expect(router.state.location.search).toContain('tab=logs');
    await waitFor(() => {
      expect(screen.getByTestId('session-drawer')).toHaveAttribute('data-session', 'train');
    });
    expect(await screen.findByTestId('session-logs-refresh')).toBeInTheDocument();
  });
});
