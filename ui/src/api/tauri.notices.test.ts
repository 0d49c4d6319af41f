import { emit } from '@tauri-apps/api/event';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { describe, expect, it, vi } from 'vitest';
import { tauriApi } from './tauri';
import { recordIpcCalls } from '../test/ipcCalls';
import type { SessionNotice, UiSettings } from './bindings';

// The settings, notices and window commands through the real IPC wrapper.
describe('tauriApi settings and notices', () => {
  const calls = recordIpcCalls();
  const settings: UiSettings = {
    terminal_font_size: 16,
    terminal_theme: 'dark',
    desktop_notifications: false,
  };

  it('calls the agreed commands with camelCase arguments', async () => {
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      return cmd === 'list_notices' ? [] : null;
    });

    await tauriApi.getSettings();
    await tauriApi.setSettings(settings);
    await tauriApi.listNotices();
    await tauriApi.clearNotices();
    await tauriApi.openTerminalWindow('s-1');

    expect(calls).toEqual([
      { cmd: 'get_settings', args: {} },
      { cmd: 'set_settings', args: { settings } },
      { cmd: 'list_notices', args: {} },
      { cmd: 'clear_notices', args: {} },
      { cmd: 'open_terminal_window', args: { sessionId: 's-1' } },
    ]);
  });

  it('rejects a refused setting with its code', async () => {
    mockIPC(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a command rejects with its payload.
      throw { code: 'invalid_setting', message: 'font size must be 8 to 32' };
    });
    await expect(tauriApi.setSettings({ ...settings, terminal_font_size: 99 })).rejects.toMatchObject({
      code: 'invalid_setting',
      message: 'font size must be 8 to 32',
    });
  });

  it('delivers the events to their handlers until told to stop', async () => {
    mockWindows('main');
    mockIPC(() => null, { shouldMockEvents: true });
    const received: unknown[] = [];
    const notice: SessionNotice = {
      id: 'n-1',
      kind: 'ended',
      session_id: 's-1',
      session_name: 'train',
      exit_code: 0,
      reason: null,
      at: '2025-06-01T10:00:00Z',
    };

    const stopSettings = await tauriApi.onSettingsChanged((value) => received.push(value));
    const stopNotice = await tauriApi.onNotice((value) => received.push(value));
    const stopOpen = await tauriApi.onOpenSession((value) => received.push(value));
    await emit('berth://settings', settings);
    await emit('berth://notice', notice);
    await emit('berth://open-session', { session_id: 's-1', tab: 'logs' });
    expect(received).toEqual([settings, notice, { session_id: 's-1', tab: 'logs' }]);

    stopSettings();
    stopNotice();
    stopOpen();
    await vi.waitFor(async () => {
      received.length = 0;
      await emit('berth://notice', notice);
      expect(received).toEqual([]);
    });
  });

  it('listens to nothing, without failing, outside Tauri', async () => {
    delete (globalThis as { isTauri?: boolean }).isTauri;
    const stop = await tauriApi.onNotice(() => undefined);
    expect(stop).toBeTypeOf('function');
    stop();
  });
});
