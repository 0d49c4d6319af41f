import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TerminalExit } from '../api';
import {
  createFakeApi,
  defaultSettings,
  emitSettings,
  endTerminal,
  fakeTerminal,
  seedTerminal,
  session,
  terminalOutput,
} from '../test/fakeApi';
import { resetSurfaces, surfaceOf, surfaces } from '../test/fakeTerminalSurface';
import { renderApp } from '../test/renderApp';

vi.mock('../components/terminal/xtermSurface', () => import('../test/fakeTerminalSurface'));

const running = session('train-gpt');
const path = `/terminal/${running.id}`;

function pane(terminalId: string): HTMLElement {
  const found = screen
    .getAllByTestId('terminal-pane')
    .find((element) => element.getAttribute('data-terminal-id') === terminalId);
  if (!found) throw new Error(`no pane for ${terminalId}`);
  return found;
}

async function livePane(terminalId: string): Promise<HTMLElement> {
  await waitFor(() => {
    expect(pane(terminalId)).toHaveAttribute('data-state', 'live');
  });
  return pane(terminalId);
}

function screenText(): string {
  return window.__berthTerminalText?.() ?? '';
}

/** Element resize callbacks, so a test can play the layout jsdom does not have. */
const observed = new Map<Element, ResizeObserverCallback>();
class RecordingResizeObserver implements ResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe = (target: Element): void => {
    observed.set(target, this.callback);
  };
  unobserve = (target: Element): void => {
    observed.delete(target);
  };
  disconnect = (): void => {
    for (const [target, callback] of observed) if (callback === this.callback) observed.delete(target);
  };
}

/** Replaces the system clipboard the backend reads and writes. */
function stubClipboard(
  api: ReturnType<typeof createFakeApi>,
  clipboard: { readText: () => Promise<string>; writeText: (text: string) => Promise<void> },
) {
  api.readClipboard.mockImplementation(clipboard.readText);
  api.writeClipboard.mockImplementation(clipboard.writeText);
}

function pressShortcut(terminalId: string, which: 'copy' | 'paste' | 'search') {
  act(() => {
    surfaceOf(terminalId).handlers.onShortcut(which);
  });
}

describe('TerminalPage', () => {
  const originalObserver = window.ResizeObserver;

  beforeEach(() => {
    resetSurfaces();
    observed.clear();
    window.ResizeObserver = RecordingResizeObserver;
  });

  afterEach(() => {
    window.ResizeObserver = originalObserver;
  });

  it('starts one shell when the session has none, and streams both ways', async () => {
    const api = createFakeApi();
    renderApp({ api, path });
    const page = await screen.findByTestId('terminal-page');
    expect(page).toHaveAttribute('data-session-id', running.id);
    // Outside the main layout: no navigation.
    expect(screen.queryByTestId('nav-sessions')).not.toBeInTheDocument();

    await livePane('term-1');
    expect(api.openTerminal).toHaveBeenCalledTimes(1);
    expect(api.openTerminal).toHaveBeenCalledWith(running.id, { cols: 80, rows: 24 });
    expect(api.attachTerminal).toHaveBeenCalledWith('term-1', expect.any(Function));
    expect(api.resizeTerminal).toHaveBeenCalledWith('term-1', { cols: 80, rows: 24 });

    act(() => {
      terminalOutput(api, 'term-1', 'user@box:~$ ');
    });
    expect(screenText()).toBe('user@box:~$ ');
    expect(window.__berthTerminalActiveId).toBe('term-1');

    act(() => {
      surfaceOf('term-1').handlers.onData('l');
      surfaceOf('term-1').handlers.onData('s');
      surfaceOf('term-1').handlers.onData('\r');
    });
    // One write in flight at a time; what was typed meanwhile follows as one.
    await waitFor(() => {
      expect(fakeTerminal(api, 'term-1').writes.join('')).toBe('ls\r');
    });
    expect(fakeTerminal(api, 'term-1').writes).toEqual(['l', 's\r']);
  });

  it('re-attaches to every shell the backend holds, restoring each screen', async () => {
    const api = createFakeApi();
    seedTerminal(api, running.id, 'term-a', 'first screen');
    seedTerminal(api, running.id, 'term-b', 'second screen');
    seedTerminal(api, running.id, 'term-c', 'last words', { code: 0, reason: null });
    const { user } = renderApp({ api, path });

    await livePane('term-a');
    await livePane('term-b');
    await waitFor(() => {
      expect(pane('term-c')).toHaveAttribute('data-state', 'exited');
    });
    expect(api.openTerminal).not.toHaveBeenCalled();
    expect(screenText()).toBe('first screen');
    expect(within(pane('term-c')).getByTestId('terminal-exit')).toHaveTextContent(
      'Shell exited with code 0',
    );

    const tabs = within(screen.getByTestId('terminal-tabs')).getAllByTestId('terminal-tab');
    expect(tabs.map((tab) => tab.getAttribute('data-terminal-id'))).toEqual([
      'term-a',
      'term-b',
      'term-c',
    ]);
    const second = tabs[1];
    if (!second) throw new Error('no second tab');
    await user.click(second);
    expect(window.__berthTerminalActiveId).toBe('term-b');
    expect(screenText()).toBe('second screen');
    // The tab shown is refitted and focused; hidden ones stay mounted.
    expect(surfaceOf('term-b').calls).toContain('focus');
    expect(pane('term-a')).toHaveStyle({ visibility: 'hidden' });
    expect(surfaceOf('term-a').disposed).toBe(false);
  });

  it('opens a shell per "+" and ends one when its tab closes', async () => {
    const api = createFakeApi();
    const { user } = renderApp({ api, path });
    await livePane('term-1');

    await user.click(screen.getByTestId('terminal-add'));
    await livePane('term-2');
    expect(window.__berthTerminalActiveId).toBe('term-2');
    const second = surfaceOf('term-2');

    await user.click(screen.getByTestId('terminal-close-term-2'));
    await waitFor(() => {
      expect(screen.getAllByTestId('terminal-pane')).toHaveLength(1);
    });
    expect(api.closeTerminal).toHaveBeenCalledWith('term-2');
    expect(second.disposed).toBe(true);
    expect(window.__berthTerminalActiveId).toBe('term-1');
  });

  it('ends a shell that finishes starting after its tab was closed', async () => {
    let finishOpening: (() => void) | undefined;
    const api = createFakeApi();
    const open = api.openTerminal.getMockImplementation();
    api.openTerminal.mockImplementation(
      (id, size) =>
        new Promise((resolve) => {
          finishOpening = () => {
            void open?.(id, size).then(resolve);
          };
        }),
    );
    const { user } = renderApp({ api, path });
    await screen.findByTestId('terminal-pane');
    await user.click(screen.getByTestId('terminal-close-tab-1'));
    expect(screen.queryByTestId('terminal-pane')).not.toBeInTheDocument();
    expect(surfaces[0]?.disposed).toBe(true);

    await act(async () => {
      finishOpening?.();
      await Promise.resolve();
    });
    await waitFor(() => {
      expect(api.closeTerminal).toHaveBeenCalledWith('term-1');
    });
    expect(api.attachTerminal).not.toHaveBeenCalled();
    expect(await screen.findByTestId('terminal-empty-new')).toBeEnabled();
  });

  it.each<[TerminalExit, string]>([
    [{ code: 3, reason: null }, 'Shell exited with code 3'],
    [{ code: null, reason: 'the session was terminated' }, 'Shell ended: the session was terminated'],
  ])('keeps the screen of a shell that ended (%o) and offers a new one', async (exit, text) => {
    const api = createFakeApi();
    const { user } = renderApp({ api, path });
    await livePane('term-1');
    act(() => {
      terminalOutput(api, 'term-1', 'bye');
      endTerminal(api, 'term-1', exit);
    });
    await waitFor(() => {
      expect(pane('term-1')).toHaveAttribute('data-state', 'exited');
    });
    expect(within(pane('term-1')).getByTestId('terminal-exit')).toHaveTextContent(text);
    expect(screenText()).toBe('bye');

    // Typing into an ended shell goes nowhere.
    act(() => {
      surfaceOf('term-1').handlers.onData('x');
    });
    expect(api.writeTerminal).not.toHaveBeenCalled();

    await user.click(within(pane('term-1')).getByTestId('terminal-new-shell'));
    await livePane('term-2');
    expect(window.__berthTerminalActiveId).toBe('term-2');
    expect(pane('term-1')).toHaveAttribute('data-state', 'exited');
  });

  it('shows why attaching failed and reconnects in one click', async () => {
    const api = createFakeApi();
    const attach = api.attachTerminal.getMockImplementation();
    api.attachTerminal.mockImplementationOnce(() =>
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Tauri rejects with a plain payload.
      Promise.reject({ code: 'engine_unreachable', message: 'connection refused' }),
    );
    if (attach) api.attachTerminal.mockImplementation(attach);
    const { user } = renderApp({ api, path });

    await waitFor(() => {
      expect(pane('term-1')).toHaveAttribute('data-state', 'error');
    });
    expect(within(pane('term-1')).getByTestId('terminal-error')).toHaveTextContent('connection refused');
    await user.click(within(pane('term-1')).getByTestId('terminal-reconnect'));
    await livePane('term-1');
    expect(api.attachTerminal).toHaveBeenCalledTimes(2);
    expect(api.openTerminal).toHaveBeenCalledTimes(1);
  });

  it('starts a new shell in place when the old one is gone (the container restarted)', async () => {
    const api = createFakeApi();
    seedTerminal(api, running.id, 'term-old', 'old screen');
    api.attachTerminal.mockImplementationOnce(() =>
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Tauri rejects with a plain payload.
      Promise.reject({ code: 'terminal_not_found', message: 'no terminal term-old' }),
    );
    const { user } = renderApp({ api, path });
    await waitFor(() => {
      expect(pane('term-old')).toHaveAttribute('data-state', 'error');
    });
    api.attachTerminal.mockImplementationOnce(() =>
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Tauri rejects with a plain payload.
      Promise.reject({ code: 'terminal_not_found', message: 'no terminal term-old' }),
    );
    await user.click(screen.getByTestId('terminal-reconnect'));
    await livePane('term-1');
    expect(api.openTerminal).toHaveBeenCalledTimes(1);
    expect(window.__berthTerminalActiveId).toBe('term-1');
    expect(screen.getAllByTestId('terminal-pane')).toHaveLength(1);
  });

  it('offers to show a shell here again once another view took it', async () => {
    const api = createFakeApi();
    const { user } = renderApp({ api, path });
    await livePane('term-1');
    act(() => {
      fakeTerminal(api, 'term-1').view?.settle(null);
    });
    await waitFor(() => {
      expect(pane('term-1')).toHaveAttribute('data-state', 'detached');
    });
    act(() => {
      terminalOutput(api, 'term-1', 'more');
    });
    await user.click(screen.getByTestId('terminal-reconnect'));
    await livePane('term-1');
    // The saved screen is replayed into an emptied terminal, not appended.
    expect(screenText()).toBe('more');
  });

  it('pastes the clipboard with Ctrl+Shift+V and copies the selection with Ctrl+Shift+C', async () => {
    const api = createFakeApi();
    renderApp({ api, path });
    const readText = vi.fn(() => Promise.resolve('echo hi\n'));
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard(api, { readText, writeText });
    await livePane('term-1');

    pressShortcut('term-1', 'paste');
    await waitFor(() => {
      expect(fakeTerminal(api, 'term-1').writes).toEqual(['echo hi\n']);
    });

    pressShortcut('term-1', 'copy');
    expect(writeText).not.toHaveBeenCalled();
    surfaceOf('term-1').selected = 'some output';
    pressShortcut('term-1', 'copy');
    await waitFor(() => {
      expect(writeText).toHaveBeenCalledWith('some output');
    });

    api.readClipboard.mockImplementationOnce(() => Promise.reject(new Error('clipboard_unavailable')));
    pressShortcut('term-1', 'paste');
    expect(await screen.findByText(/could not read the clipboard/)).toBeInTheDocument();
    expect(fakeTerminal(api, 'term-1').writes).toHaveLength(1);
  });

  it('has a right-click menu with copy, paste, select all and clear', async () => {
    const api = createFakeApi();
    const { user } = renderApp({ api, path });
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard(api, { readText: () => Promise.resolve('pwd'), writeText });
    const live = await livePane('term-1');
    act(() => {
      terminalOutput(api, 'term-1', 'hello');
    });

    fireEvent.contextMenu(within(live).getByTestId('terminal-screen'));
    // Nothing selected yet: nothing to copy.
    expect((await screen.findByTestId('terminal-menu-copy')).closest('li')).toHaveClass(
      'ant-dropdown-menu-item-disabled',
    );
    await user.click(screen.getByTestId('terminal-menu-select-all'));
    expect(surfaceOf('term-1').calls).toContain('selectAll');

    fireEvent.contextMenu(within(live).getByTestId('terminal-screen'));
    await user.click(await screen.findByTestId('terminal-menu-copy'));
    await waitFor(() => {
      expect(writeText).toHaveBeenCalledWith('hello');
    });

    fireEvent.contextMenu(within(live).getByTestId('terminal-screen'));
    await user.click(await screen.findByTestId('terminal-menu-paste'));
    await waitFor(() => {
      expect(fakeTerminal(api, 'term-1').writes).toEqual(['pwd']);
    });

    fireEvent.contextMenu(within(live).getByTestId('terminal-screen'));
    await user.click(await screen.findByTestId('terminal-menu-clear'));
    expect(surfaceOf('term-1').calls).toContain('clear');
  });

  it('finds text with Ctrl+Shift+F: Enter for the next match, Shift+Enter the previous, Escape closes', async () => {
    const api = createFakeApi();
    const { user } = renderApp({ api, path });
    await livePane('term-1');
    act(() => {
      terminalOutput(api, 'term-1', 'error: disk full');
    });

    pressShortcut('term-1', 'search');
    const input = await screen.findByTestId('terminal-search-input');
    await waitFor(() => {
      expect(input).toHaveFocus();
    });
    await user.type(input, 'disk{Enter}');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(surfaceOf('term-1').calls).toEqual(expect.arrayContaining(['next:disk', 'previous:disk']));
    expect(screen.queryByText('No matches')).not.toBeInTheDocument();

    await user.clear(input);
    await user.type(input, 'nothing{Enter}');
    expect(await screen.findByText('No matches')).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('terminal-search')).not.toBeInTheDocument();
    expect(surfaceOf('term-1').calls).toContain('clearSearch');
    // The shortcut toggles.
    pressShortcut('term-1', 'search');
    expect(await screen.findByTestId('terminal-search')).toBeInTheDocument();
    pressShortcut('term-1', 'search');
    expect(screen.queryByTestId('terminal-search')).not.toBeInTheDocument();
  });

  it('sizes the shell whenever the fitted grid changes', async () => {
    const api = createFakeApi();
    renderApp({ api, path });
    const live = await livePane('term-1');
    const surface = surfaceOf('term-1');
    const container = within(live).getByTestId('terminal-screen');
    const resized = observed.get(container);
    expect(resized).toBeDefined();
    api.resizeTerminal.mockClear();

    act(() => {
      resized?.([], new RecordingResizeObserver(() => undefined));
    });
    // Same grid: the shell is not bothered.
    expect(api.resizeTerminal).not.toHaveBeenCalled();

    surface.fits = { cols: 132, rows: 40 };
    act(() => {
      resized?.([], new RecordingResizeObserver(() => undefined));
    });
    expect(api.resizeTerminal).toHaveBeenCalledWith('term-1', { cols: 132, rows: 40 });
  });

  it('applies the font size and colours from the settings, live', async () => {
    const api = createFakeApi({
      getSettings: () => Promise.resolve({ ...defaultSettings, terminal_font_size: 18, terminal_theme: 'dark' }),
    });
    renderApp({ api, path });
    await livePane('term-1');
    const surface = surfaceOf('term-1');
    await waitFor(() => {
      expect(surface.appearance.fontSize).toBe(18);
    });
    expect(surface.appearance.theme.background).toBe('#141414');

    surface.fits = { cols: 70, rows: 20 };
    act(() => {
      emitSettings(api, { ...defaultSettings, terminal_font_size: 22, terminal_theme: 'light' });
    });
    await waitFor(() => {
      expect(surface.appearance.fontSize).toBe(22);
    });
    expect(surface.appearance.theme.background).toBe('#ffffff');
    expect(screen.getByTestId('terminal-page')).toHaveStyle({ background: '#ffffff' });
    // A new font changes how many cells fit, so the shell is told.
    expect(api.resizeTerminal).toHaveBeenLastCalledWith('term-1', { cols: 70, rows: 20 });
  });

  it('opens web links in the host browser', async () => {
    const api = createFakeApi();
    renderApp({ api, path });
    await livePane('term-1');
    act(() => {
      surfaceOf('term-1').handlers.onLink('https://example.org/docs');
    });
    expect(api.openUrl).toHaveBeenCalledWith('https://example.org/docs');
  });

  it('disposes every terminal when the window goes away', async () => {
    const api = createFakeApi();
    seedTerminal(api, running.id, 'term-a');
    seedTerminal(api, running.id, 'term-b');
    const { unmount } = renderApp({ api, path });
    await livePane('term-a');
    await livePane('term-b');
    expect(surfaces).toHaveLength(2);
    const containers = surfaces.map((one) => one.container);
    expect(containers.every((container) => observed.has(container))).toBe(true);
    unmount();
    expect(surfaces.every((one) => one.disposed)).toBe(true);
    expect(containers.some((container) => observed.has(container))).toBe(false);
    // The shells keep running for the next window.
    expect(api.closeTerminal).not.toHaveBeenCalled();
    expect(screenText()).toBe('');
  });

  it('starts no new shell once the session has ended', async () => {
    const ended = session('train-gpt', { status: 'TERMINATED' });
    const api = createFakeApi({ sessionInfo: () => Promise.resolve(ended) });
    seedTerminal(api, ended.id, 'term-a', 'done', { code: null, reason: 'the session was terminated' });
    renderApp({ api, path });
    await waitFor(() => {
      expect(pane('term-a')).toHaveAttribute('data-state', 'exited');
    });
    await waitFor(() => {
      expect(screen.getByTestId('terminal-new-shell')).toBeDisabled();
    });
    expect(screen.queryByTestId('terminal-add')).not.toBeInTheDocument();
    expect(screen.getByTestId('terminal-session-status')).toHaveTextContent('TERMINATED');
  });
});
