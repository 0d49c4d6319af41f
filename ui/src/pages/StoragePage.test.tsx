import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

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
});
