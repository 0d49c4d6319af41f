import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Folder } from '../api';
import { createFakeApi, folder } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

function rejection(code: string, message: string): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Tauri rejects with a plain payload.
  return Promise.reject({ code, message });
}

const ready: Folder[] = [
  folder('code'),
  folder('llama', { usage_mode: 'model', permission: 'ro', size_bytes: null }),
  folder('imagenet', { usage_mode: 'data', type: 'project', project: 'default' }),
  folder('.local'),
  folder('.linuxbrew', { usage_mode: 'data' }),
];
const trashed: Folder[] = [
  folder('old', { status: 'trashed', trashed_at: '2025-05-01T08:00:00Z' }),
];

function withFolders(overrides: Parameters<typeof createFakeApi>[0] = {}) {
  return createFakeApi({
    listFolders: (trash) => Promise.resolve(trash ? trashed : ready),
    ...overrides,
  });
}

/** Names of the folder rows on screen, in order. */
function shownFolders(): string[] {
  return screen
    .queryAllByTestId(/^folder-row-/)
    .map((row) => row.getAttribute('data-testid')?.replace('folder-row-', '') ?? '');
}

describe('StoragePage', () => {
  it('lists storage hosts by name and path, with free space', async () => {
    renderApp({ path: '/storage' });
    const [local, usb] = await screen.findAllByTestId('storage-host');
    expect(local).toHaveTextContent('local');
    expect(local).toHaveTextContent('/home/alex/.local/share/berth/storage/local');
    expect(local).toHaveTextContent('128 GiB free of 512 GiB');

    // A host whose disk is gone still appears, with the reason space is unknown.
    expect(usb).toHaveTextContent('/media/alex/backup/berth');
    expect(usb).toHaveTextContent('Free space unknown');
  });

  it('explains folders while there are none', async () => {
    renderApp({ path: '/storage' });
    const empty = await screen.findByTestId('storage-empty');
    expect(empty).toHaveTextContent('No folders yet');
    expect(empty).toHaveTextContent('/home/work');
  });

  it('says so when no storage host is configured', async () => {
    const api = createFakeApi({ listStorageHosts: () => Promise.resolve([]) });
    renderApp({ api, path: '/storage' });
    expect(await screen.findByText('No storage hosts are configured.')).toBeInTheDocument();
    expect(screen.queryByTestId('storage-host')).not.toBeInTheDocument();
  });

  it('shows the message and code when listing fails', async () => {
    const api = createFakeApi({
      // A bare string is what Tauri gives for a panic or a missing command.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- mimics that rejection.
      listStorageHosts: () => Promise.reject('storage table missing'),
    });
    renderApp({ api, path: '/storage' });
    await waitFor(() => {
      expect(screen.getByText('storage table missing')).toBeInTheDocument();
    });
    expect(screen.getByText('Error code: unknown')).toBeInTheDocument();
  });

  it('splits folders into tabs: by usage mode, automount on its own, and the trash', async () => {
    const { user } = renderApp({ api: withFolders(), path: '/storage' });
    await screen.findByTestId('folder-row-code');
    expect(screen.queryByTestId('storage-empty')).not.toBeInTheDocument();
    expect(shownFolders()).toEqual(['code']);

    await user.click(screen.getByTestId('storage-tab-model'));
    expect(shownFolders()).toEqual(['llama']);
    // No size computed yet.
    expect(within(screen.getByTestId('folder-row-llama')).getByText('-')).toBeInTheDocument();
    expect(screen.getByTestId('folder-row-llama')).toHaveTextContent('Read only');

    await user.click(screen.getByTestId('storage-tab-data'));
    expect(shownFolders()).toEqual(['imagenet']);

    // Automount folders leave their usage-mode tab for this one, with their mount point.
    await user.click(screen.getByTestId('storage-tab-automount'));
    expect(shownFolders()).toEqual(['.linuxbrew', '.local']);
    expect(screen.getByTestId('folder-row-.local')).toHaveTextContent('/home/work/.local');
    expect(screen.getByTestId('folder-row-.linuxbrew')).toHaveTextContent(
      '/home/linuxbrew/.linuxbrew',
    );

    await user.click(screen.getByTestId('storage-tab-trash'));
    expect(shownFolders()).toEqual(['old']);
    expect(screen.getByTestId('folder-restore-old')).toBeInTheDocument();
    expect(screen.getByTestId('folder-purge-old')).toBeInTheDocument();
    // A trashed folder cannot be opened or moved to the trash again.
    expect(screen.queryByTestId('folder-open-old')).not.toBeInTheDocument();
    expect(screen.queryByTestId('folder-trash-old')).not.toBeInTheDocument();
  });

  it('filters the tab by name as the user types', async () => {
    const { user } = renderApp({ api: withFolders(), path: '/storage' });
    await screen.findByTestId('folder-row-code');
    await user.click(screen.getByTestId('storage-tab-automount'));
    await user.type(screen.getByTestId('folder-search'), 'BREW');
    expect(shownFolders()).toEqual(['.linuxbrew']);
    await user.clear(screen.getByTestId('folder-search'));
    await user.type(screen.getByTestId('folder-search'), 'nothing');
    expect(shownFolders()).toEqual([]);
    expect(screen.getByText('No folder here matches “nothing”.')).toBeInTheDocument();
  });

  it('shows why a name is refused, and keeps Create disabled until it is fixed', async () => {
    const api = withFolders({
      checkFolderName: (name) =>
        name === '.ssh'
          ? rejection('reserved_name', '.ssh is reserved: sessions keep their own .ssh')
          : Promise.resolve(),
    });
    const { user } = renderApp({ api, path: '/storage' });
    await user.click(await screen.findByTestId('create-folder'));

    const input = await screen.findByTestId('folder-name-input');
    const submit = screen.getByTestId('folder-create-submit');
    expect(submit).toBeDisabled();
    expect(screen.queryByTestId('folder-name-error')).not.toBeInTheDocument();

    await user.type(input, '.ssh');
    expect(await screen.findByTestId('folder-name-error')).toHaveTextContent(
      '.ssh is reserved: sessions keep their own .ssh',
    );
    expect(submit).toBeDisabled();
    expect(api.checkFolderName).toHaveBeenLastCalledWith('.ssh');
    // Debounced: not one call per keystroke.
    expect(api.checkFolderName.mock.calls.length).toBeLessThan(4);

    await user.clear(input);
    await user.type(input, 'results');
    await waitFor(() => {
      expect(submit).toBeEnabled();
    });
    expect(screen.queryByTestId('folder-name-error')).not.toBeInTheDocument();
  });

  it('creates a folder with the chosen options, closes and shows it in its tab', async () => {
    let folders = ready;
    const api = withFolders({
      listFolders: (trash) => Promise.resolve(trash ? trashed : folders),
      createFolder: (name, options) => {
        const created = folder(name, { usage_mode: options.usage_mode, type: options.type });
        folders = [...folders, created];
        return Promise.resolve(created);
      },
    });
    const { user } = renderApp({ api, path: '/storage' });
    await user.click(await screen.findByTestId('create-folder'));
    await user.type(await screen.findByTestId('folder-name-input'), 'checkpoints');
    await user.click(within(screen.getByTestId('folder-usage-mode')).getByText('Model'));
    await user.click(within(screen.getByTestId('folder-permission')).getByText('Read only'));
    await user.click(within(screen.getByTestId('folder-type')).getByText('Project'));
    const submit = screen.getByTestId('folder-create-submit');
    await waitFor(() => {
      expect(submit).toBeEnabled();
    });
    await user.click(submit);

    expect(api.createFolder).toHaveBeenCalledWith('checkpoints', {
      host: 'local',
      usage_mode: 'model',
      permission: 'ro',
      type: 'project',
    });
    await waitFor(() => {
      expect(screen.queryByTestId('folder-name-input')).not.toBeInTheDocument();
    });
    expect(await screen.findByTestId('folder-row-checkpoints')).toBeInTheDocument();
    expect(shownFolders()).toEqual(['checkpoints', 'llama']);
  });

  it('explains automount when the name starts with a dot', async () => {
    const { user } = renderApp({ api: withFolders(), path: '/storage' });
    await user.click(await screen.findByTestId('create-folder'));
    const input = await screen.findByTestId('folder-name-input');
    await user.type(input, 'local');
    expect(screen.queryByTestId('automount-note')).not.toBeInTheDocument();

    await user.clear(input);
    await user.type(input, '.local');
    const note = screen.getByTestId('automount-note');
    expect(note).toHaveTextContent('mounted into every session at /home/work/.local');

    await user.clear(input);
    await user.type(input, '.linuxbrew');
    expect(screen.getByTestId('automount-note')).toHaveTextContent('/home/linuxbrew/.linuxbrew');
  });

  it('purges only once the folder name is typed exactly', async () => {
    const { user, api } = renderApp({ api: withFolders(), path: '/storage' });
    await screen.findByTestId('folder-row-code');
    await user.click(screen.getByTestId('storage-tab-trash'));
    await user.click(screen.getByTestId('folder-purge-old'));

    const input = await screen.findByTestId('purge-confirm-input');
    const submit = screen.getByTestId('purge-submit');
    expect(submit).toBeDisabled();
    await user.type(input, 'ol');
    expect(submit).toBeDisabled();
    await user.type(input, 'dd');
    expect(submit).toBeDisabled();
    await user.type(input, '{Backspace}');
    expect(submit).toBeEnabled();

    await user.click(submit);
    expect(api.purgeFolder).toHaveBeenCalledWith('old', 'old');
  });

  it('moves a folder to the trash after confirming, and shows a refusal', async () => {
    const api = withFolders({
      trashFolder: (name) =>
        name === 'code'
          ? rejection('folder_in_use', 'code is mounted by the running session fox-1')
          : Promise.resolve(folder(name, { status: 'trashed' })),
    });
    const { user } = renderApp({ api, path: '/storage' });
    await user.click(await screen.findByTestId('folder-trash-code'));
    await user.click(await screen.findByTestId('confirm-ok'));

    expect(api.trashFolder).toHaveBeenCalledWith('code');
    expect(
      await screen.findByText('code is mounted by the running session fox-1'),
    ).toBeInTheDocument();
  });

  it('renames a folder, checking the new name first', async () => {
    const { user, api } = renderApp({ api: withFolders(), path: '/storage' });
    await user.click(await screen.findByTestId('folder-rename-code'));
    const input = await screen.findByTestId('rename-input');
    expect(input).toHaveValue('code');
    expect(screen.getByTestId('rename-submit')).toBeDisabled();

    await user.type(input, '-2024');
    await waitFor(() => {
      expect(screen.getByTestId('rename-submit')).toBeEnabled();
    });
    await user.click(screen.getByTestId('rename-submit'));
    expect(api.renameFolder).toHaveBeenCalledWith('code', 'code-2024');
  });

  it('restores a folder from the trash', async () => {
    const { user, api } = renderApp({ api: withFolders(), path: '/storage' });
    await screen.findByTestId('folder-row-code');
    await user.click(screen.getByTestId('storage-tab-trash'));
    await user.click(screen.getByTestId('folder-restore-old'));
    expect(api.restoreFolder).toHaveBeenCalledWith('old');
    expect(await screen.findByText('Restored old')).toBeInTheDocument();
  });
});
