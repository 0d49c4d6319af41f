import { emit } from '@tauri-apps/api/event';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { Channel } from '@tauri-apps/api/core';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';
import { tauriApi } from './tauri';
import { recordIpcCalls } from '../test/ipcCalls';

/** Rejects the way a Tauri command does: with whatever value it serialised. */
function rejectWith(value: unknown): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the point is a non-Error rejection.
  return Promise.reject(value);
}

// The one place that exercises the real IPC wrapper; everything else fakes `Api`.
describe('tauriApi', () => {
  const calls = recordIpcCalls();

  it('calls the agreed command names with the agreed arguments', async () => {
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      return cmd === 'list_projects' ? [] : { name: 'research' };
    });

    await tauriApi.engineStatus();
    await tauriApi.appInfo();
    await tauriApi.listProjects();
    await tauriApi.currentProject();
    await tauriApi.setCurrentProject('research');
    await tauriApi.listStorageHosts();

    expect(calls.map((call) => call.cmd)).toEqual([
      'engine_status',
      'app_info',
      'list_projects',
      'current_project',
      'set_current_project',
      'list_storage_hosts',
    ]);
    expect(calls[4]?.args).toEqual({ name: 'research' });
  });

  it('calls the storage commands with camelCase arguments', async () => {
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      return null;
    });
    const options = { host: null, usage_mode: 'data', permission: 'ro', type: 'project' } as const;

    await tauriApi.listFolders(true);
    await tauriApi.checkFolderName('.local');
    await tauriApi.createFolder('data', options);
    await tauriApi.renameFolder('data', 'datasets');
    await tauriApi.trashFolder('datasets');
    await tauriApi.restoreFolder('datasets');
    await tauriApi.purgeFolder('datasets', 'datasets');
    await tauriApi.refreshFolderSize('datasets');
    await tauriApi.openFolderOnHost('datasets');
    await tauriApi.fsList({
      folder: 'data',
      path: 'a/b',
      sort: 'size',
      descending: true,
      offset: 200,
      limit: 200,
    });
    await tauriApi.fsMkdir('data', 'a/new');
    await tauriApi.fsRename('data', 'a/x', 'a/y');
    await tauriApi.fsRemove('data', ['a/y', 'b']);
    await tauriApi.fsReadText('data', 'notes.txt');
    await tauriApi.fsWriteText('data', 'notes.txt', 'hello');
    await tauriApi.pickFiles();
    await tauriApi.pickDirectory();
    await tauriApi.pickSavePath('notes.txt');
    await tauriApi.uploadConflicts('data', 'a', ['/home/alex/x.csv']);
    await tauriApi.cancelTransfer('t-9');

    expect(calls).toEqual([
      { cmd: 'list_folders', args: { trash: true } },
      { cmd: 'check_folder_name', args: { name: '.local' } },
      { cmd: 'create_folder', args: { name: 'data', options } },
      { cmd: 'rename_folder', args: { name: 'data', newName: 'datasets' } },
      { cmd: 'trash_folder', args: { name: 'datasets' } },
      { cmd: 'restore_folder', args: { name: 'datasets' } },
      { cmd: 'purge_folder', args: { name: 'datasets', confirm: 'datasets' } },
      { cmd: 'refresh_folder_size', args: { name: 'datasets' } },
      { cmd: 'open_folder_on_host', args: { folder: 'datasets' } },
      {
        cmd: 'fs_list',
        args: { folder: 'data', path: 'a/b', sort: 'size', descending: true, offset: 200, limit: 200 },
      },
      { cmd: 'fs_mkdir', args: { folder: 'data', path: 'a/new' } },
      { cmd: 'fs_rename', args: { folder: 'data', from: 'a/x', to: 'a/y' } },
      { cmd: 'fs_remove', args: { folder: 'data', paths: ['a/y', 'b'] } },
      { cmd: 'fs_read_text', args: { folder: 'data', path: 'notes.txt' } },
      { cmd: 'fs_write_text', args: { folder: 'data', path: 'notes.txt', content: 'hello' } },
      { cmd: 'pick_files', args: {} },
      { cmd: 'pick_directory', args: {} },
      { cmd: 'pick_save_path', args: { suggestedName: 'notes.txt' } },
      { cmd: 'upload_conflicts', args: { folder: 'data', dir: 'a', sources: ['/home/alex/x.csv'] } },
      { cmd: 'cancel_transfer', args: { id: 't-9' } },
    ]);
  });

  it('hands transfers a channel that delivers progress to the callback', async () => {
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      return cmd === 'start_upload' ? 'up-1' : 'down-1';
    });
    const onProgress = vi.fn();

    await expect(
      tauriApi.startUpload(
        { folder: 'data', dir: 'in', sources: ['/tmp/a'], onConflict: 'skip' },
        onProgress,
      ),
    ).resolves.toBe('up-1');
    await expect(
      tauriApi.startDownload(
        { folder: 'data', path: 'in/a', dest: '/tmp/a', onConflict: 'rename' },
        onProgress,
      ),
    ).resolves.toBe('down-1');

    expect(calls.map((call) => call.cmd)).toEqual(['start_upload', 'start_download']);
    expect(calls[0]?.args).toMatchObject({
      folder: 'data',
      dir: 'in',
      sources: ['/tmp/a'],
      onConflict: 'skip',
    });
    expect(calls[1]?.args).toMatchObject({ path: 'in/a', dest: '/tmp/a', onConflict: 'rename' });
    const channel = (calls[0]?.args as { onProgress: unknown }).onProgress;
    expect(channel).toBeInstanceOf(Channel);
    expect((channel as Channel).onmessage).toBe(onProgress);
  });

  it('forwards the webview drag-and-drop events, paths only where there are any', async () => {
    mockWindows('main');
    mockIPC(() => null, { shouldMockEvents: true });
    const events: unknown[] = [];
    const stop = tauriApi.onFileDrop((event) => events.push(event));
    const position = { x: 10, y: 20 };

    // The four listeners register one after another, `leave` last.
    await vi.waitFor(async () => {
      await emit('tauri://drag-leave', null);
      expect(events).not.toHaveLength(0);
    });
    events.length = 0;

    await emit('tauri://drag-enter', { paths: ['/home/alex/a.csv'], position });
    await emit('tauri://drag-over', { position });
    await emit('tauri://drag-leave', null);
    await emit('tauri://drag-drop', { paths: ['/home/alex/a.csv', '/home/alex/b'], position });
    expect(events).toEqual([
      { type: 'enter', paths: ['/home/alex/a.csv'] },
      { type: 'over', paths: [] },
      { type: 'leave', paths: [] },
      { type: 'drop', paths: ['/home/alex/a.csv', '/home/alex/b'] },
    ]);

    stop();
    // Unlistening goes through IPC too; let it settle.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await emit('tauri://drag-drop', { paths: ['/late'], position });
    expect(events).toHaveLength(4);
  });

  it('turns a payload rejection into an ApiError with the same code', async () => {
    mockIPC(() => rejectWith({ code: 'not_found', message: 'no project named x' }));
    const error: unknown = await tauriApi.setCurrentProject('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).toPayload()).toEqual({
      code: 'not_found',
      message: 'no project named x',
    });
  });

  it('turns a string rejection into an unknown ApiError', async () => {
    mockIPC(() => rejectWith('command app_info not found'));
    await expect(tauriApi.appInfo()).rejects.toMatchObject({
      code: 'unknown',
      message: 'command app_info not found',
    });
  });

  it('turns a thrown Error into an unknown ApiError with its message', async () => {
    mockIPC(() => Promise.reject(new Error('ipc channel closed')));
    await expect(tauriApi.listProjects()).rejects.toMatchObject({
      code: 'unknown',
      message: 'ipc channel closed',
    });
  });

  it('says the backend is missing when not running inside Tauri', async () => {
    delete (globalThis as { isTauri?: boolean }).isTauri;
    await expect(tauriApi.engineStatus()).rejects.toMatchObject({ code: 'no_backend' });
  });
});
