import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Api, DirEntry, DirPage, Folder, ListQuery } from '../../api';
import { createFakeApi, dropFiles, entry, folder, type FakeApi } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

const tree: Record<string, DirEntry[]> = {
  '': [
    entry('raw', { kind: 'dir', size: 4096 }),
    entry('scripts', { kind: 'dir', size: 4096 }),
    entry('README.md', { size: 310 }),
    entry('model.bin', { size: 3 * 1024 ** 3 }),
  ],
  raw: [entry('2024', { kind: 'dir' }), entry('a.csv', { size: 2048 })],
  'raw/2024': [entry('jan.csv')],
};

function listTree(query: ListQuery): Promise<DirPage> {
  const entries = tree[query.path] ?? [];
  return Promise.resolve({ entries, total: entries.length });
}

function explorerApi(folders: Folder[] = [folder('datasets')], overrides: Partial<Api> = {}) {
  return createFakeApi({
    listFolders: (trash) => Promise.resolve(trash ? [] : folders),
    fsList: listTree,
    ...overrides,
  });
}

async function openExplorer(api: FakeApi, name = 'datasets') {
  const view = renderApp({ api, path: '/storage' });
  await view.user.click(await screen.findByTestId(`folder-open-${name}`));
  const explorer = await screen.findByTestId('explorer');
  await within(explorer).findByTestId('explorer-row-README.md');
  return { ...view, explorer };
}

/** Names of the entry rows on screen, in order. */
function shownEntries(): string[] {
  return screen
    .queryAllByTestId(/^explorer-row-/)
    .map((row) => row.getAttribute('data-testid')?.replace('explorer-row-', '') ?? '');
}

/** Waits until the listing shows `path` and its rows. */
async function expectPath(path: string) {
  await waitFor(() => {
    expect(screen.getByTestId('explorer')).toHaveAttribute('data-path', path);
    expect(shownEntries()).toEqual((tree[path] ?? []).map((e) => e.name));
  });
}

describe('folder explorer', () => {
  it('lists the root in the order the backend returns, directories first', async () => {
    const api = explorerApi();
    const { explorer } = await openExplorer(api);

    expect(explorer).toHaveAttribute('data-path', '');
    expect(shownEntries()).toEqual(['raw', 'scripts', 'README.md', 'model.bin']);
    expect(api.fsList).toHaveBeenCalledWith({
      folder: 'datasets',
      path: '',
      sort: 'name',
      descending: false,
      offset: 0,
      limit: 200,
    });
    expect(screen.getByTestId('explorer-row-model.bin')).toHaveTextContent('3.0 GiB');
    expect(explorer).toHaveTextContent('Read & write');
    expect(explorer).toHaveTextContent('4 items');
  });

  it('enters directories and climbs back through the breadcrumb', async () => {
    const api = explorerApi();
    const { user } = await openExplorer(api);

    await user.click(screen.getByTestId('explorer-open-raw'));
    await expectPath('raw');
    await user.click(screen.getByTestId('explorer-open-2024'));
    await expectPath('raw/2024');
    expect(api.fsList).toHaveBeenLastCalledWith(expect.objectContaining({ path: 'raw/2024' }));

    const crumbs = screen.getByTestId('explorer-breadcrumb');
    await user.click(within(crumbs).getByText('raw'));
    await expectPath('raw');
    await user.click(screen.getByTestId('explorer-crumb-root'));
    await expectPath('');
  });

  it('asks the backend again when sorting by another column', async () => {
    const api = explorerApi();
    const { user, explorer } = await openExplorer(api);
    // By class: role queries are slow over a table this size in jsdom.
    const sizeHeader = () =>
      within(explorer).getByText('Size', { selector: '.ant-table-column-title' });

    await user.click(sizeHeader());
    await waitFor(() => {
      expect(api.fsList).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'size', descending: false, offset: 0 }),
      );
    });
    await user.click(sizeHeader());
    await waitFor(() => {
      expect(api.fsList).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'size', descending: true }),
      );
    });
  });

  it('pages through large directories 200 entries at a time', async () => {
    // Only a few rows per page: rendering 200 is slow in jsdom, and the
    // paging only depends on `total`.
    const api = explorerApi(undefined, {
      fsList: (query) =>
        Promise.resolve({
          entries: [entry('README.md'), entry(`from-${query.offset}.txt`)],
          total: 451,
        }),
    });
    const { user, explorer } = await openExplorer(api);
    expect(explorer).toHaveTextContent('451 items');
    expect(within(explorer).getByTitle('3')).toBeInTheDocument();

    await user.click(within(explorer).getByTitle('3'));
    expect(await within(explorer).findByTestId('explorer-row-from-400.txt')).toBeInTheDocument();
    expect(api.fsList).toHaveBeenLastCalledWith(
      expect.objectContaining({ path: '', offset: 400, limit: 200 }),
    );
  });

  it('offers no way to change a read-only folder', async () => {
    const api = explorerApi([folder('models', { permission: 'ro' })], {
      fsReadText: () => Promise.resolve('# Models\n'),
    });
    const { user } = await openExplorer(api, 'models');

    for (const action of ['upload-files', 'upload-folder', 'mkdir', 'rename', 'delete']) {
      expect(screen.queryByTestId(`explorer-${action}`)).not.toBeInTheDocument();
    }
    for (const action of ['download', 'refresh', 'open-host', 'close']) {
      expect(screen.getByTestId(`explorer-${action}`)).toBeInTheDocument();
    }
    expect(screen.getByTestId('explorer')).toHaveTextContent('Read only');

    await user.click(screen.getByTestId('explorer-open-README.md'));
    expect(await screen.findByTestId('preview-text')).toHaveTextContent('# Models');
    expect(screen.queryByTestId('preview-edit')).not.toBeInTheDocument();

    // Files dropped on a read-only folder are not uploaded.
    act(() => {
      dropFiles(api, { type: 'drop', paths: ['/home/alex/x.bin'] });
    });
    expect(api.uploadConflicts).not.toHaveBeenCalled();
    expect(api.startUpload).not.toHaveBeenCalled();
  });

  it('asks what to do about names already taken, and uploads with the chosen policy', async () => {
    const sources = ['/home/alex/README.md', '/home/alex/notes.txt'];
    const api = explorerApi(undefined, {
      pickFiles: () => Promise.resolve(sources),
      uploadConflicts: () => Promise.resolve(['README.md']),
    });
    const { user } = await openExplorer(api);

    await user.click(screen.getByTestId('explorer-upload-files'));
    const prompt = await screen.findByTestId('conflict-prompt');
    expect(prompt).toHaveTextContent('README.md');
    expect(prompt).not.toHaveTextContent('notes.txt');
    expect(api.uploadConflicts).toHaveBeenCalledWith('datasets', '', sources);
    expect(api.startUpload).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('conflict-rename'));
    await waitFor(() => {
      expect(api.startUpload).toHaveBeenCalledTimes(1);
    });
    expect(api.startUpload.mock.calls[0]?.[0]).toEqual({
      folder: 'datasets',
      dir: '',
      sources,
      onConflict: 'rename',
    });
  });

  it('uploads a picked folder into the current directory, skipping taken names when asked', async () => {
    const api = explorerApi(undefined, {
      pickDirectory: () => Promise.resolve('/home/alex/2024'),
      uploadConflicts: () => Promise.resolve(['2024']),
    });
    const { user } = await openExplorer(api);
    await user.click(screen.getByTestId('explorer-open-raw'));
    await expectPath('raw');

    await user.click(screen.getByTestId('explorer-upload-folder'));
    await user.click(await screen.findByTestId('conflict-skip'));
    await waitFor(() => {
      expect(api.startUpload).toHaveBeenCalledTimes(1);
    });
    expect(api.startUpload.mock.calls[0]?.[0]).toEqual({
      folder: 'datasets',
      dir: 'raw',
      sources: ['/home/alex/2024'],
      onConflict: 'skip',
    });
  });

  it('uploads files dropped on the window into the directory being shown', async () => {
    const api = explorerApi();
    const { user } = await openExplorer(api);
    await user.click(screen.getByTestId('explorer-open-raw'));
    await expectPath('raw');
    const dropped = ['/home/alex/b.csv', '/home/alex/photos'];

    act(() => {
      dropFiles(api, { type: 'enter', paths: dropped });
    });
    expect(screen.getByTestId('drop-overlay')).toHaveTextContent('Into datasets/raw');
    act(() => {
      dropFiles(api, { type: 'leave', paths: [] });
    });
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();

    act(() => {
      dropFiles(api, { type: 'enter', paths: dropped });
      dropFiles(api, { type: 'over', paths: [] });
    });
    expect(screen.getByTestId('drop-overlay')).toBeInTheDocument();
    act(() => {
      dropFiles(api, { type: 'drop', paths: dropped });
    });
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
    await waitFor(() => {
      expect(api.startUpload).toHaveBeenCalledTimes(1);
    });
    expect(api.startUpload.mock.calls[0]?.[0]).toEqual({
      folder: 'datasets',
      dir: 'raw',
      sources: dropped,
      onConflict: 'rename',
    });
  });

  it('stops listening for drops once closed', async () => {
    const api = explorerApi();
    const { user } = await openExplorer(api);
    await user.click(screen.getByTestId('explorer-close'));
    await waitFor(() => {
      expect(screen.queryByTestId('explorer')).not.toBeInTheDocument();
    });
    act(() => {
      dropFiles(api, { type: 'drop', paths: ['/home/alex/b.csv'] });
    });
    expect(api.uploadConflicts).not.toHaveBeenCalled();
  });

  it('refreshes the listing when an upload into the folder finishes', async () => {
    const api = explorerApi(undefined, { pickFiles: () => Promise.resolve(['/home/alex/c.csv']) });
    const { user } = await openExplorer(api);
    await user.click(screen.getByTestId('explorer-upload-files'));
    await waitFor(() => {
      expect(api.startUpload).toHaveBeenCalledTimes(1);
    });
    const onProgress = api.startUpload.mock.calls[0]?.[1];
    const listings = api.fsList.mock.calls.length;

    const update = {
      id: 't-1',
      direction: 'upload' as const,
      folder: 'datasets',
      state: 'done' as const,
      bytes_done: 10,
      bytes_total: 10,
      files_done: 1,
      files_total: 1,
      current: null,
      rate: 0,
      error: null,
      skipped: [],
    };
    act(() => {
      onProgress?.(update);
    });
    await waitFor(() => {
      expect(api.fsList.mock.calls.length).toBeGreaterThan(listings);
    });
  });

  it('previews a text file and saves edits', async () => {
    const api = explorerApi(undefined, { fsReadText: () => Promise.resolve('# Datasets\n') });
    const { user } = await openExplorer(api);

    await user.click(screen.getByTestId('explorer-open-README.md'));
    expect(await screen.findByTestId('preview-text')).toHaveTextContent('# Datasets');
    expect(api.fsReadText).toHaveBeenCalledWith('datasets', 'README.md');

    await user.click(screen.getByTestId('preview-edit'));
    const editor = screen.getByTestId('preview-editor');
    await user.type(editor, 'More.');
    await user.click(screen.getByTestId('preview-save'));
    expect(api.fsWriteText).toHaveBeenCalledWith('datasets', 'README.md', '# Datasets\nMore.');
    expect(await screen.findByTestId('preview-text')).toBeInTheDocument();
  });

  it('says why a file cannot be previewed', async () => {
    const api = explorerApi(undefined, {
      fsReadText: () =>
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Tauri rejects with a plain payload.
        Promise.reject({ code: 'binary_file', message: 'model.bin is not a text file' }),
    });
    const { user } = await openExplorer(api);
    await user.click(screen.getByTestId('explorer-open-model.bin'));
    const preview = await screen.findByTestId('preview');
    expect(await within(preview).findByText('model.bin is not a text file')).toBeInTheDocument();
    expect(screen.queryByTestId('preview-text')).not.toBeInTheDocument();
  });

  it('downloads one selected file to the path chosen in the save dialog', async () => {
    const api = explorerApi(undefined, {
      pickSavePath: () => Promise.resolve('/home/alex/Downloads/readme-copy.md'),
    });
    const { user } = await openExplorer(api);
    expect(screen.getByTestId('explorer-download')).toBeDisabled();

    await user.click(screen.getByTestId('explorer-select-README.md'));
    await user.click(screen.getByTestId('explorer-download'));
    await waitFor(() => {
      expect(api.startDownload).toHaveBeenCalledTimes(1);
    });
    expect(api.pickSavePath).toHaveBeenCalledWith('README.md');
    expect(api.startDownload.mock.calls[0]?.[0]).toEqual({
      folder: 'datasets',
      path: 'README.md',
      dest: '/home/alex/Downloads/readme-copy.md',
      onConflict: 'overwrite',
    });
  });

  it('downloads several entries into a chosen directory, each under its own name', async () => {
    const api = explorerApi(undefined, { pickDirectory: () => Promise.resolve('/home/alex/out') });
    const { user } = await openExplorer(api);
    await user.click(screen.getByTestId('explorer-select-raw'));
    await user.click(screen.getByTestId('explorer-select-model.bin'));
    await user.click(screen.getByTestId('explorer-download'));
    await waitFor(() => {
      expect(api.startDownload).toHaveBeenCalledTimes(2);
    });
    expect(api.startDownload.mock.calls.map((call) => call[0])).toEqual([
      { folder: 'datasets', path: 'raw', dest: '/home/alex/out/raw', onConflict: 'rename' },
      {
        folder: 'datasets',
        path: 'model.bin',
        dest: '/home/alex/out/model.bin',
        onConflict: 'rename',
      },
    ]);
  });

  it('creates, renames and deletes entries in the current directory', async () => {
    const api = explorerApi();
    const { user } = await openExplorer(api);
    await user.click(screen.getByTestId('explorer-open-raw'));
    await expectPath('raw');

    await user.click(screen.getByTestId('explorer-mkdir'));
    await user.type(await screen.findByTestId('mkdir-input'), 'clean/v1');
    await user.click(screen.getByTestId('mkdir-submit'));
    expect(api.fsMkdir).toHaveBeenCalledWith('datasets', 'raw/clean/v1');

    await user.click(screen.getByTestId('explorer-select-a.csv'));
    await user.click(screen.getByTestId('explorer-rename'));
    const input = await screen.findByTestId('rename-input');
    await user.clear(input);
    await user.type(input, 'b/c.csv');
    // A slash would move the file, not rename it.
    expect(screen.getByTestId('rename-submit')).toBeDisabled();
    await user.clear(input);
    await user.type(input, 'b.csv');
    await user.click(screen.getByTestId('rename-submit'));
    expect(api.fsRename).toHaveBeenCalledWith('datasets', 'raw/a.csv', 'raw/b.csv');

    await user.click(screen.getByTestId('explorer-select-2024'));
    await user.click(screen.getByTestId('explorer-select-a.csv'));
    await user.click(screen.getByTestId('explorer-delete'));
    await user.click(await screen.findByTestId('confirm-ok'));
    expect(api.fsRemove).toHaveBeenCalledWith('datasets', ['raw/2024', 'raw/a.csv']);
  });
});
