import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, folder, session } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

const live = session('notebook');
const ended = session('train-1', {
  type: 'batch',
  status: 'TERMINATED',
  status_reason: 'exited',
  exit_code: 0n,
  ended_at: '2025-06-01T11:00:00Z',
  spec: {
    name: 'train-1',
    type: 'batch',
    image: 'python:3.12',
    command: 'python train.py',
    cpus: 3,
    memory_bytes: 6 * 1024 ** 3,
    shm_bytes: 128 * 1024 ** 2,
    env: [['HF_TOKEN', 'secret']],
    ports: [6006],
    gpus: 0,
  },
  mounts: [
    { folder_id: 'f-data', folder: 'data', target: '/workspace', read_only: false },
    { folder_id: 'f-code', folder: 'code', target: '/home/work/code', read_only: true },
    { folder_id: 'f-old', folder: 'old', target: '/home/work/old', read_only: false },
    { folder_id: 'f-.local', folder: '.local', target: '/home/work/.local', read_only: false },
  ],
});

/** `old` has gone since `train-1` ran; `.local` is mounted automatically. */
function relaunchApi() {
  const all = [live, ended];
  return createFakeApi({
    listSessions: () => Promise.resolve(all),
    sessionInfo: (id) => {
      const found = all.find((s) => s.id === id);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Tauri rejects with a plain payload.
      return found ? Promise.resolve(found) : Promise.reject({ code: 'not_found', message: id });
    },
    listFolders: (trash) =>
      Promise.resolve(trash ? [] : [folder('data'), folder('code'), folder('.local')]),
  });
}

async function step(name: string) {
  await waitFor(() => {
    expect(screen.getByTestId('launcher')).toHaveAttribute('data-step', name);
  });
}

describe('the drawer in the URL', () => {
  it('opens from the address on the asked tab, and keeps the address in step', async () => {
    const { user, router } = renderApp({
      api: relaunchApi(),
      path: `/sessions?session=${live.id}&tab=logs`,
    });
    await waitFor(() => {
      expect(screen.getByTestId('session-drawer')).toHaveAttribute('data-session', 'notebook');
    });
    expect(await screen.findByTestId('session-logs-refresh')).toBeInTheDocument();

    await user.click(screen.getByTestId('session-drawer-tab-overview'));
    expect(await screen.findByTestId('session-history')).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?session=${live.id}&tab=overview`);

    await user.click(screen.getByTestId('session-drawer-close'));
    await waitFor(() => {
      expect(router.state.location.search).toBe('');
    });
    await waitFor(() => {
      expect(screen.queryByTestId('session-drawer')).not.toBeInTheDocument();
    });
  });

  it('records a drawer opened from the table in the address', async () => {
    const { user, router } = renderApp({ api: relaunchApi() });
    await user.click(await screen.findByTestId('session-logs-notebook'));
    await waitFor(() => {
      expect(router.state.location.search).toBe(`?session=${live.id}&tab=logs`);
    });
  });
});

describe('relaunch', () => {
  it('is offered for ended sessions only', async () => {
    const { user } = renderApp({ api: relaunchApi() });
    await screen.findByTestId('session-row-notebook');
    expect(screen.queryByTestId('session-relaunch-notebook')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('session-open-notebook'));
    await waitFor(() => {
      expect(screen.getByTestId('session-drawer')).toHaveAttribute('data-session', 'notebook');
    });
    expect(screen.queryByTestId('session-relaunch')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('sessions-tab-finished'));
    expect(await screen.findByTestId('session-relaunch-train-1')).toBeInTheDocument();
  });

  it('launches again from the Finished table with the same settings and a new name', async () => {
    const api = relaunchApi();
    const { user } = renderApp({ api });
    await user.click(await screen.findByTestId('sessions-tab-finished'));
    await user.click(await screen.findByTestId('session-relaunch-train-1'));

    await step('type');
    expect(screen.getByText('Relaunch train-1 with the same settings')).toBeInTheDocument();
    expect(screen.getByTestId('launcher-name')).toHaveValue('');
    expect(screen.getByTestId('launcher-command')).toHaveValue('python train.py');
    // `old` is gone; `.local` comes anyway, so only `old` is missing.
    expect(await screen.findByTestId('launcher-relaunch-missing')).toHaveTextContent(
      'No longer available, so not mounted: old',
    );

    await user.click(screen.getByTestId('launcher-next'));
    await step('environment');
    expect(within(screen.getByTestId('launcher-image')).getByRole('combobox')).toHaveValue('python:3.12');

    await user.click(screen.getByTestId('launcher-next'));
    await step('storage');
    expect(await screen.findByTestId('launcher-alias-data')).toHaveValue('/workspace');
    expect(screen.getByTestId('launcher-alias-code')).toHaveValue('');

    await user.click(screen.getByText('Confirm and launch'));
    await step('confirm');
    expect(screen.getByTestId('launcher-summary-env')).toHaveTextContent('HF_TOKEN');
    // Values may be secrets: only names are shown.
    expect(screen.getByTestId('launcher-summary')).not.toHaveTextContent('secret');
    await waitFor(() => {
      expect(screen.getByTestId('launcher-launch')).toBeEnabled();
    });
    await user.click(screen.getByTestId('launcher-launch'));

    await waitFor(() => {
      expect(api.startSession).toHaveBeenCalledTimes(1);
    });
    const request = api.startSession.mock.calls[0]?.[0];
    expect(request?.spec).toEqual({ ...ended.spec, name: null });
    expect(request?.mounts).toEqual([
      { folder: 'data', alias: '/workspace', read_only: false },
      { folder: 'code', alias: '', read_only: true },
    ]);
  });

  it('opens the launcher from the drawer of an ended session, closing the drawer', async () => {
    const { user, router } = renderApp({
      api: relaunchApi(),
      path: `/sessions?session=${ended.id}&tab=overview`,
    });
    await user.click(await screen.findByTestId('session-relaunch'));
    await step('type');
    expect(screen.getByTestId('launcher')).toHaveAttribute('data-relaunch', 'train-1');
    expect(router.state.location.search).toBe('');

    // A fresh launch afterwards starts from the remembered values, not the relaunch.
    await user.click(screen.getByTestId('launcher-cancel'));
    await waitFor(() => {
      expect(screen.queryByTestId('launcher')).not.toBeInTheDocument();
    });
    await user.click(screen.getByTestId('start-session'));
    await step('type');
    expect(screen.getByTestId('launcher')).not.toHaveAttribute('data-relaunch');
    expect(screen.queryByTestId('launcher-command')).not.toBeInTheDocument();
  });
});
