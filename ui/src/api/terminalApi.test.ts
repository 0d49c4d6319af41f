import { Channel } from '@tauri-apps/api/core';
import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it, vi } from 'vitest';
import { tauriApi } from './tauri';
import { recordIpcCalls } from '../test/ipcCalls';

// The terminal commands as the desktop crate declares them.
describe('tauriApi terminal commands', () => {
  const calls = recordIpcCalls();

  it('calls the agreed commands with camelCase arguments', async () => {
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      return cmd === 'system_terminal_available' ? true : null;
    });
    const size = { cols: 100, rows: 30 };
    await tauriApi.openTerminal('s-1', size);
    await tauriApi.writeTerminal('t-1', 'ls\r');
    await tauriApi.resizeTerminal('t-1', size);
    await tauriApi.closeTerminal('t-1');
    await tauriApi.sessionTerminals('s-1');
    await tauriApi.openTerminalWindow('s-1');
    expect(await tauriApi.systemTerminalAvailable()).toBe(true);
    await tauriApi.openSystemTerminal('s-1');
    await tauriApi.openUrl('https://example.org');
    expect(calls).toEqual([
      { cmd: 'open_terminal', args: { sessionId: 's-1', size } },
      { cmd: 'write_terminal', args: { terminalId: 't-1', data: 'ls\r' } },
      { cmd: 'resize_terminal', args: { terminalId: 't-1', size } },
      { cmd: 'close_terminal', args: { terminalId: 't-1' } },
      { cmd: 'session_terminals', args: { sessionId: 's-1' } },
      { cmd: 'open_terminal_window', args: { sessionId: 's-1' } },
      { cmd: 'system_terminal_available', args: {} },
      { cmd: 'open_system_terminal', args: { sessionId: 's-1' } },
      { cmd: 'open_url', args: { url: 'https://example.org' } },
    ]);
  });

  it('streams raw output bytes over a channel and resolves with how the shell ended', async () => {
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      const { onOutput } = args as { onOutput: Channel<ArrayBuffer> };
      onOutput.onmessage(new Uint8Array([0xe3, 0x81]).buffer);
      onOutput.onmessage(new Uint8Array([0x82]).buffer);
      return { code: 0, reason: null };
    });
    const received: Uint8Array[] = [];
    const exit = await tauriApi.attachTerminal('t-1', (bytes) => received.push(bytes));
    expect(exit).toEqual({ code: 0, reason: null });
    expect(calls[0]?.cmd).toBe('attach_terminal');
    expect((calls[0]?.args as { terminalId: string }).terminalId).toBe('t-1');
    expect(received.every((chunk) => chunk instanceof Uint8Array)).toBe(true);
    expect(new TextDecoder().decode(new Uint8Array([...received.flatMap((c) => [...c])]))).toBe('あ');
  });

  it('turns a refused attach into an ApiError', async () => {
    mockIPC(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- Tauri rejects with the serialised payload.
      throw { code: 'terminal_not_found', message: 'no terminal t-9' };
    });
    await expect(tauriApi.attachTerminal('t-9', vi.fn())).rejects.toMatchObject({
      code: 'terminal_not_found',
    });
  });
});
