import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LaunchRequest } from '../api';
import { acceptedCheck, createFakeApi, folder, session } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

const running = session('train-gpt', {
  mounts: [
    { folder_id: 'f-data', folder: 'data', target: '/workspace', read_only: false },
    { folder_id: 'f-code', folder: 'code', target: '/home/work/code', read_only: true },
  ],
  published_ports: [{ container_port: 8888, host_ip: '127.0.0.1', host_port: 49153 }],
});
const launching = session('warming-up', { status: 'PREPARING', history: [] });
const failed = session('broken', {
  status: 'ERROR',
  status_reason: 'image not found: nope:latest',
  ended_at: '2025-06-01T10:01:00Z',
});
const done = session('finished-job', {
  type: 'batch',
  status: 'TERMINATED',
  status_reason: 'terminated',
  exit_code: 0n,
  ended_at: '2025-06-01T11:00:00Z',
});

function withSessions() {
  const all = [running, launching, failed, done];
  return createFakeApi({
    listSessions: () => Promise.resolve(all),
    sessionInfo: (id) => {
      const found = all.find((s) => s.id === id);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Tauri rejects with a plain payload.
      return found ? Promise.resolve(found) : Promise.reject({ code: 'not_found', message: id });
    },
  });
}

function rowNames(): string[] {
  return screen
    .queryAllByTestId(/^session-row-/)
    .map((row) => row.getAttribute('data-testid')?.replace('session-row-', '') ?? '');
}

describe('SessionsPage', () => {
  it('explains sessions while there are none', async () => {
    renderApp();
    expect(await screen.findByTestId('sessions-empty')).toHaveTextContent('No sessions yet');
  });

  it('splits live and ended sessions into Running and Finished', async () => {
    const { user } = renderApp({ api: withSessions() });
    await screen.findByTestId('session-row-train-gpt');
    expect(rowNames()).toEqual(['train-gpt', 'warming-up']);
    expect(screen.getByTestId('session-row-train-gpt')).toHaveTextContent('/workspace');
    expect(screen.getByTestId('session-row-train-gpt')).toHaveTextContent('2 CPU · 4.0 GiB');
    expect(screen.getByTestId('session-status-warming-up')).toHaveAttribute('data-status', 'PREPARING');
    // A transitional status spins.
    expect(screen.getByTestId('session-status-warming-up').querySelector('.anticon-spin')).not.toBeNull();

    await user.click(screen.getByTestId('sessions-tab-finished'));
    expect(rowNames()).toEqual(['broken', 'finished-job']);
    // Ended sessions cannot be terminated again.
    expect(screen.queryByTestId('session-terminate-broken')).not.toBeInTheDocument();
    await user.hover(within(screen.getByTestId('session-status-broken')).getByText('ERROR'));
    expect(await screen.findByText('image not found: nope:latest')).toBeInTheDocument();
  });

  it('opens the drawer with the mounts, ports, usage and history, and each folder in the explorer', async () => {
    const api = withSessions();
    const { user } = renderApp({ api });
    await user.click(await screen.findByTestId('session-open-train-gpt'));
    const drawer = await screen.findByTestId('session-drawer');
    await waitFor(() => {
      expect(drawer).toHaveAttribute('data-session', 'train-gpt');
    });
    expect(screen.getByTestId('session-mount-target-data')).toHaveTextContent('/workspace');
    expect(screen.getByTestId('session-mount-target-code')).toHaveTextContent('/home/work/code');
    expect(screen.getByTestId('session-mount-code')).toHaveTextContent('Read only');
    expect(screen.getByTestId('session-ports')).toHaveTextContent('8888 → 127.0.0.1:49153');
    expect(screen.getByTestId('session-history')).toHaveTextContent('RUNNING');
    // The drawer's own actions: the terminal, for a running session.
    expect(
      within(screen.getByTestId('session-drawer-actions')).getByTestId('session-open-terminal'),
    ).toBeEnabled();
    // Live usage of the running session, sampled from the engine.
    expect(await screen.findByTestId('session-usage-memory')).toHaveTextContent('64.0 MiB / 1.0 GiB');
    expect(screen.getByTestId('session-usage-cpu')).toHaveTextContent('12.5 %');
    expect(api.sessionUsage).toHaveBeenCalledWith(running.id);

    await user.click(screen.getByTestId('session-mount-open-data'));
    expect(await screen.findByTestId('explorer')).toBeInTheDocument();
  });

  it('shows the logs from the row action, and refreshes them', async () => {
    const api = withSessions();
    api.sessionLogs.mockResolvedValue('epoch 1\nepoch 2\n');
    const { user } = renderApp({ api });
    await user.click(await screen.findByTestId('session-logs-train-gpt'));
    expect(await screen.findByTestId('session-logs')).toHaveTextContent('epoch 2');
    expect(api.sessionLogs).toHaveBeenCalledWith(running.id);

    api.sessionLogs.mockResolvedValue('epoch 1\nepoch 2\nepoch 3\n');
    await user.click(screen.getByTestId('session-logs-refresh'));
    await waitFor(() => {
      expect(screen.getByTestId('session-logs')).toHaveTextContent('epoch 3');
    });
  });

  it('terminates after a confirmation', async () => {
    const api = withSessions();
    const { user } = renderApp({ api });
    await user.click(await screen.findByTestId('session-terminate-train-gpt'));
    expect(api.terminateSession).not.toHaveBeenCalled();
    await user.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => {
      expect(api.terminateSession).toHaveBeenCalledWith(running.id);
    });
    expect(await screen.findByText('Session train-gpt terminated')).toBeInTheDocument();
  });

  it('renames from the drawer', async () => {
    const api = withSessions();
    const { user } = renderApp({ api });
    await user.click(await screen.findByTestId('session-open-train-gpt'));
    const name = await screen.findByTestId('session-drawer-name');
    await user.click(within(name).getByRole('button'));
    const input = await screen.findByRole('textbox');
    await user.clear(input);
    await user.type(input, 'train-gpt-2');
    // Leaving the field saves it, as Enter does.
    await user.tab();
    await waitFor(() => {
      expect(api.renameSession).toHaveBeenCalledWith(running.id, 'train-gpt-2');
    });
  });
});

describe('launcher', () => {
  const folders = [folder('data'), folder('code', { permission: 'ro' }), folder('.local')];

  /** Refuses `/etc` as the core does, and mounts `.local` automatically. */
  function launcherApi() {
    return createFakeApi({
      listFolders: (trash) => Promise.resolve(trash ? [] : folders),
      checkLaunch: (request: LaunchRequest) => {
        const bad = request.mounts.find((mount) => mount.alias === '/etc');
        if (bad) {
          return Promise.resolve({
            name: 'generated-name',
            mounts: [],
            problems: [
              {
                code: 'alias_reserved',
                message: `folder "${bad.folder}" cannot be mounted at /etc: /etc is a system directory`,
                folders: [bad.folder],
              },
            ],
          });
        }
        if (request.spec.image === '') {
          return Promise.resolve({
            name: 'generated-name',
            mounts: [],
            problems: [{ code: 'invalid_image', message: 'an image is required', folders: [] }],
          });
        }
        return Promise.resolve(acceptedCheck(request, ['.local']));
      },
    });
  }

  async function step(name: string) {
    await waitFor(() => {
      expect(screen.getByTestId('launcher')).toHaveAttribute('data-step', name);
    });
  }

  it('walks the steps, checks the mounts live, and launches', async () => {
    const api = launcherApi();
    const { user } = renderApp({ api });
    await user.click(await screen.findByTestId('start-session'));
    await step('type');
    await user.type(screen.getByTestId('launcher-name'), 'my-session');
    await user.click(screen.getByTestId('launcher-next'));

    await step('environment');
    await user.type(
      within(screen.getByTestId('launcher-image')).getByRole('combobox'),
      'python:3.12',
    );
    await user.click(screen.getByTestId('launcher-next'));

    await step('storage');
    expect(await screen.findByTestId('launcher-folder-row-data')).toBeInTheDocument();
    // Automount folders are not offered, only announced.
    expect(screen.queryByTestId('launcher-folder-row-.local')).not.toBeInTheDocument();
    expect(await screen.findByTestId('launcher-automount')).toHaveTextContent(
      '.local is mounted automatically at /home/work/.local',
    );
    expect(screen.getByTestId('launcher-no-mounts')).toHaveTextContent('/home/work');

    await user.click(screen.getByTestId('launcher-folder-select-data'));
    expect(screen.queryByTestId('launcher-no-mounts')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('launcher-alias-data'), '/etc');
    const problem = await screen.findByTestId('launcher-problem-data');
    expect(problem).toHaveAttribute('data-code', 'alias_reserved');
    expect(screen.getByTestId('launcher-storage-problems')).toHaveTextContent('/etc is a system directory');

    await user.clear(screen.getByTestId('launcher-alias-data'));
    await user.type(screen.getByTestId('launcher-alias-data'), '/workspace');
    await waitFor(() => {
      expect(screen.queryByTestId('launcher-problem-data')).not.toBeInTheDocument();
    });
    await user.click(screen.getByTestId('launcher-next'));

    await step('network');
    await user.type(within(screen.getByTestId('launcher-ports')).getByRole('combobox'), '8888{Enter}');
    await user.click(screen.getByTestId('launcher-next'));

    await step('confirm');
    expect(await screen.findByTestId('launcher-summary-mount-data')).toHaveTextContent('/workspace');
    expect(screen.getByTestId('launcher-summary-mount-.local')).toHaveTextContent('/home/work/.local');
    await waitFor(() => {
      expect(screen.getByTestId('launcher-launch')).toBeEnabled();
    });
    await user.click(screen.getByTestId('launcher-launch'));

    await waitFor(() => {
      expect(api.startSession).toHaveBeenCalledTimes(1);
    });
    const request = api.startSession.mock.calls[0]?.[0];
    expect(request?.spec).toMatchObject({
      name: 'my-session',
      type: 'interactive',
      image: 'python:3.12',
      cpus: 1,
      memory_bytes: 1024 ** 3,
      ports: [8888],
    });
    expect(request?.mounts).toEqual([{ folder: 'data', alias: '/workspace', read_only: false }]);
    await waitFor(() => {
      expect(screen.queryByTestId('launcher')).not.toBeInTheDocument();
    });

    // The next launcher starts from these values, but not the name.
    await user.click(screen.getByTestId('start-session'));
    await step('type');
    expect(screen.getByTestId('launcher-name')).toHaveValue('');
    await user.click(screen.getByTestId('launcher-next'));
    expect(within(screen.getByTestId('launcher-image')).getByRole('combobox')).toHaveValue('python:3.12');
  });

  it('keeps Launch disabled while the core finds a problem', async () => {
    const { user } = renderApp({ api: launcherApi() });
    await user.click(await screen.findByTestId('start-session'));
    await step('type');
    await user.click(screen.getByText('Confirm and launch'));
    await step('confirm');
    expect(await screen.findByTestId('launcher-problems')).toHaveTextContent('an image is required');
    expect(screen.getByTestId('launcher-launch')).toBeDisabled();
  });

  it('asks for a startup command only for batch sessions', async () => {
    const { user } = renderApp({ api: launcherApi() });
    await user.click(await screen.findByTestId('start-session'));
    await step('type');
    expect(screen.queryByTestId('launcher-command')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('launcher-type-batch'));
    expect(screen.getByTestId('launcher-command')).toBeInTheDocument();
  });

  it('creates a folder without leaving the launcher, and ticks it', async () => {
    const api = launcherApi();
    const { user } = renderApp({ api });
    await user.click(await screen.findByTestId('start-session'));
    await user.click(screen.getByText('Data & storage'));
    await step('storage');
    await user.click(await screen.findByTestId('launcher-create-folder'));
    await user.type(await screen.findByTestId('folder-name-input'), 'results');
    await waitFor(() => {
      expect(screen.getByTestId('folder-create-submit')).toBeEnabled();
    });
    folders.push(folder('results'));
    await user.click(screen.getByTestId('folder-create-submit'));
    await waitFor(() => {
      expect(api.createFolder).toHaveBeenCalledWith('results', expect.anything());
    });
    expect(await screen.findByTestId('launcher-alias-results')).toBeInTheDocument();
    expect(screen.getByTestId('launcher')).toHaveAttribute('data-step', 'storage');
    folders.pop();
  });

  it('opens a folder in the explorer from its name', async () => {
    const { user } = renderApp({ api: launcherApi() });
    await user.click(await screen.findByTestId('start-session'));
    await user.click(screen.getByText('Data & storage'));
    await user.click(await screen.findByTestId('launcher-folder-open-data'));
    expect(await screen.findByTestId('explorer')).toBeInTheDocument();
  });
});
