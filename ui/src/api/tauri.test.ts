import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { tauriApi } from './tauri';

/** Rejects the way a Tauri command does: with whatever value it serialised. */
function rejectWith(value: unknown): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the point is a non-Error rejection.
  return Promise.reject(value);
}

// The one place that exercises the real IPC wrapper; everything else fakes `Api`.
describe('tauriApi', () => {
  const calls: { cmd: string; args: unknown }[] = [];
  const globals = globalThis as { isTauri?: boolean };

  beforeEach(() => {
    calls.length = 0;
    globals.isTauri = true;
  });

  afterEach(() => {
    clearMocks();
    delete globals.isTauri;
  });

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
    delete globals.isTauri;
    await expect(tauriApi.engineStatus()).rejects.toMatchObject({ code: 'no_backend' });
  });
});
