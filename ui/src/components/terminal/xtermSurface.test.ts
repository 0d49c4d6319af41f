import { afterEach, describe, expect, it, vi } from 'vitest';
import { createXtermSurface, type SurfaceHandlers, type TerminalSurface } from './xtermSurface';
import { terminalPalette } from './terminalThemes';

// The real xterm.js in jsdom: it cannot measure or draw, but its buffer,
// input handling and options work, which is what this adapter wires up.
describe('createXtermSurface', () => {
  let surface: TerminalSurface | undefined;

  afterEach(() => {
    surface?.dispose();
    document.body.innerHTML = '';
  });

  function create(handlers: Partial<SurfaceHandlers> = {}) {
    const container = document.createElement('div');
    document.body.append(container);
    const all: SurfaceHandlers = { onData: vi.fn(), onShortcut: vi.fn(), onLink: vi.fn(), ...handlers };
    surface = createXtermSurface(container, { fontSize: 14, theme: terminalPalette('dark') }, all);
    return { container, handlers: all, surface };
  }

  async function settled() {
    // xterm parses writes asynchronously.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  it('shows output bytes, a character split across writes included', async () => {
    const { surface } = create();
    const bytes = new TextEncoder().encode('こんにちは\r\nworld');
    surface.write(bytes.slice(0, 4));
    surface.write(bytes.slice(4));
    await settled();
    const lines = surface.visibleText().split('\n');
    expect(lines[0]).toBe('こんにちは');
    expect(lines[1]).toBe('world');
    expect(lines).toHaveLength(surface.size().rows);
  });

  it('swallows the shortcuts it reports, and passes other keys to the shell', () => {
    const { container, handlers } = create();
    const textarea = container.querySelector('textarea');
    expect(textarea).not.toBeNull();
    const paste = new KeyboardEvent('keydown', {
      key: 'V',
      code: 'KeyV',
      ctrlKey: true,
      shiftKey: true,
      bubbles: true,
      cancelable: true,
    });
    textarea?.dispatchEvent(paste);
    expect(handlers.onShortcut).toHaveBeenCalledWith('paste');
    // No browser paste may follow, or the text would arrive twice.
    expect(paste.defaultPrevented).toBe(true);
    expect(handlers.onData).not.toHaveBeenCalled();

    const interrupt = new KeyboardEvent('keydown', {
      key: 'c',
      code: 'KeyC',
      ctrlKey: true,
      bubbles: true,
      cancelable: true,
    });
    // xterm reads the legacy keyCode, which jsdom's constructor cannot set.
    Object.defineProperty(interrupt, 'keyCode', { value: 67 });
    textarea?.dispatchEvent(interrupt);
    expect(handlers.onData).toHaveBeenCalledWith('\x03');
  });

  it('sends a paste through onData, bracketed once the program asks for it', async () => {
    const { surface, handlers } = create();
    surface.paste('ls');
    expect(handlers.onData).toHaveBeenLastCalledWith('ls');
    surface.write(new TextEncoder().encode('\x1b[?2004h'));
    await settled();
    surface.paste('ls');
    expect(handlers.onData).toHaveBeenLastCalledWith('\x1b[200~ls\x1b[201~');
  });

  it('clears the screen on reset, before a saved screen is replayed', async () => {
    const { surface } = create();
    surface.write(new TextEncoder().encode('old'));
    await settled();
    surface.reset();
    surface.write(new TextEncoder().encode('new'));
    await settled();
    expect(surface.visibleText().split('\n')[0]).toBe('new');
  });

  it('finds text in the output', async () => {
    const { surface } = create();
    surface.write(new TextEncoder().encode('error: disk full'));
    await settled();
    expect(surface.findNext('DISK')).toBe(true);
    expect(surface.selection()).toBe('disk');
    expect(surface.findNext('absent')).toBe(false);
  });
});
