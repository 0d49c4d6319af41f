import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TransferUpdate } from '../../api';
import { createFakeApi, entry, folder, type FakeApi } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

function progress(overrides: Partial<TransferUpdate>): TransferUpdate {
  return {
    id: 't-1',
    direction: 'upload',
    folder: 'datasets',
    state: 'running',
    bytes_done: 0,
    bytes_total: 4 * 1024 ** 2,
    files_done: 0,
    files_total: 3,
    current: null,
    rate: 0,
    error: null,
    skipped: [],
    ...overrides,
  };
}

/** Opens the explorer, uploads a file through it, and returns the progress callback. */
async function startUpload(api: FakeApi) {
  const view = renderApp({ api, path: '/storage' });
  await view.user.click(await screen.findByTestId('folder-open-datasets'));
  await screen.findByTestId('explorer-row-a.csv');
  await view.user.click(screen.getByTestId('explorer-upload-files'));
  await waitFor(() => {
    expect(api.startUpload).toHaveBeenCalledTimes(1);
  });
  const onProgress = api.startUpload.mock.calls[0]?.[1];
  if (!onProgress) throw new Error('startUpload got no progress callback');
  const send = (update: Partial<TransferUpdate>) => {
    act(() => {
      onProgress(progress(update));
    });
  };
  return { ...view, send };
}

function uploadApi() {
  return createFakeApi({
    listFolders: (trash) => Promise.resolve(trash ? [] : [folder('datasets')]),
    fsList: () => Promise.resolve({ entries: [entry('a.csv')], total: 1 }),
    pickFiles: () => Promise.resolve(['/home/alex/photos']),
    startUpload: () => Promise.resolve('t-1'),
  });
}

describe('transfer panel', () => {
  it('stays hidden until something is transferred', async () => {
    renderApp({ path: '/storage' });
    await screen.findByTestId('storage-empty');
    expect(screen.queryByTestId('transfer-panel')).not.toBeInTheDocument();
  });

  it('shows the progress the channel reports, and cancels on request', async () => {
    const api = uploadApi();
    const { user, send } = await startUpload(api);
    const transfer = await screen.findByTestId('transfer-t-1');
    expect(within(screen.getByTestId('transfer-panel')).getByTestId('transfer-t-1')).toBe(transfer);
    expect(transfer).toHaveAttribute('data-state', 'running');
    expect(transfer).toHaveTextContent('Upload to datasets');

    send({
      bytes_done: 1024 ** 2,
      files_done: 1,
      current: 'photos/cat.jpg',
      rate: 2.5 * 1024 ** 2,
    });
    expect(transfer).toHaveTextContent('photos/cat.jpg');
    expect(transfer).toHaveTextContent('1.0 MiB of 4.0 MiB');
    expect(transfer).toHaveTextContent('1/3 files');
    expect(transfer).toHaveTextContent('2.5 MiB/s');
    expect(within(transfer).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');

    await user.click(screen.getByTestId('transfer-cancel-t-1'));
    expect(api.cancelTransfer).toHaveBeenCalledWith('t-1');

    send({ state: 'cancelled', bytes_done: 2 * 1024 ** 2, files_done: 2 });
    expect(transfer).toHaveAttribute('data-state', 'cancelled');
    expect(transfer).toHaveTextContent('Cancelled');
    expect(screen.queryByTestId('transfer-cancel-t-1')).not.toBeInTheDocument();
  });

  it('shows why a transfer failed and what it skipped, until cleared', async () => {
    const { user, send } = await startUpload(uploadApi());
    send({
      state: 'failed',
      error: { code: 'no_space', message: 'No space left on the storage host local' },
      skipped: [{ path: 'photos/link', reason: 'points outside the folder' }],
    });
    const transfer = screen.getByTestId('transfer-t-1');
    expect(transfer).toHaveAttribute('data-state', 'failed');
    expect(transfer).toHaveTextContent('No space left on the storage host local');
    await user.click(within(transfer).getByText('1 skipped'));
    expect(await within(transfer).findByText('photos/link')).toBeInTheDocument();
    expect(transfer).toHaveTextContent('points outside the folder');

    await user.click(screen.getByTestId('transfer-clear'));
    expect(screen.queryByTestId('transfer-panel')).not.toBeInTheDocument();
  });

  it('keeps running transfers when finished ones are cleared', async () => {
    const { user, send } = await startUpload(uploadApi());
    send({ id: 't-0', state: 'done', bytes_done: 4 * 1024 ** 2, files_done: 3 });
    expect(screen.getByTestId('transfer-t-0')).toHaveAttribute('data-state', 'done');
    expect(
      within(screen.getByTestId('transfer-t-0')).getByRole('progressbar'),
    ).toHaveAttribute('aria-valuenow', '100');

    await user.click(screen.getByTestId('transfer-clear'));
    expect(screen.queryByTestId('transfer-t-0')).not.toBeInTheDocument();
    expect(screen.getByTestId('transfer-t-1')).toHaveAttribute('data-state', 'running');
  });

  it('folds the list away once every transfer is done, and unfolds on request', async () => {
    const { user, send } = await startUpload(uploadApi());
    expect(screen.getByTestId('transfer-t-1')).toBeInTheDocument();
    send({ state: 'done', bytes_done: 4 * 1024 ** 2, files_done: 3 });
    expect(screen.queryByTestId('transfer-t-1')).not.toBeInTheDocument();
    expect(screen.getByTestId('transfer-panel')).toBeInTheDocument();
    await user.click(screen.getByTestId('transfer-toggle'));
    expect(screen.getByTestId('transfer-t-1')).toHaveAttribute('data-state', 'done');
  });
});
