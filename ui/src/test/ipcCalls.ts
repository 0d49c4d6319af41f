import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach } from 'vitest';

/** One command the page sent through Tauri's IPC. */
export interface IpcCall {
  cmd: string;
  args: unknown;
}

/**
 * Sets up a describe block to run the real IPC wrapper against
 * `mockIPC`: marks the page as inside Tauri before each test and clears
 * the mocks after. Returns the list the test's `mockIPC` handler records
 * into; it is emptied before each test.
 */
export function recordIpcCalls(): IpcCall[] {
  const calls: IpcCall[] = [];
  const globals = globalThis as { isTauri?: boolean };
  beforeEach(() => {
    calls.length = 0;
    globals.isTauri = true;
  });
  afterEach(() => {
    clearMocks();
    delete globals.isTauri;
  });
  return calls;
}
