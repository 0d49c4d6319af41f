import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon, type ISearchOptions } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { TerminalSize } from '../../api';
import { shortcutFor, type TerminalShortcut } from './terminalShortcuts';

/** How a terminal is drawn; changed live when the settings change. */
export interface TerminalAppearance {
  fontSize: number;
  theme: ITheme;
}

export interface SurfaceHandlers {
  /** Keystrokes and pastes, encoded for the shell. */
  onData: (data: string) => void;
  /** A combination the window handles; the shell never sees it. */
  onShortcut: (shortcut: TerminalShortcut) => void;
  /** A web address in the output was clicked. */
  onLink: (url: string) => void;
}

/**
 * One terminal emulator drawn into a container. The pane talks to this
 * rather than to xterm.js, so its logic is tested with a stand-in (jsdom
 * has no layout for xterm to measure).
 */
export interface TerminalSurface {
  write: (bytes: Uint8Array) => void;
  /** Fits the grid to the container: the new size if it changed, else `null` (also when hidden). */
  fit: () => TerminalSize | null;
  size: () => TerminalSize;
  setAppearance: (appearance: TerminalAppearance) => void;
  focus: () => void;
  selection: () => string;
  selectAll: () => void;
  /** Drops the scrollback, keeping the prompt line. */
  clear: () => void;
  /** Empties the screen, before a saved screen is replayed into it again. */
  reset: () => void;
  /** Types `text` as a paste (bracketed when the program asked for it), through `onData`. */
  paste: (text: string) => void;
  findNext: (query: string) => boolean;
  findPrevious: (query: string) => boolean;
  clearSearch: () => void;
  /** The rows on screen, each without trailing blanks, joined with `\n`. */
  visibleText: () => string;
  dispose: () => void;
}

export type CreateSurface = (
  container: HTMLElement,
  appearance: TerminalAppearance,
  handlers: SurfaceHandlers,
) => TerminalSurface;

const FONT_FAMILY =
  "'JetBrains Mono', 'DejaVu Sans Mono', 'Noto Sans Mono CJK JP', Menlo, Consolas, monospace";
const SEARCH: ISearchOptions = { caseSensitive: false };

/** Only http(s) leaves for the browser; anything else a program prints stays text. */
function isWebAddress(uri: string): boolean {
  try {
    const { protocol } = new URL(uri);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export const createXtermSurface: CreateSurface = (container, appearance, handlers) => {
  const term = new Terminal({
    // The Unicode 11 width tables are a proposed API.
    allowProposedApi: true,
    fontFamily: FONT_FAMILY,
    fontSize: appearance.fontSize,
    theme: appearance.theme,
    cursorBlink: true,
    scrollback: 10_000,
  });
  const fit = new FitAddon();
  const search = new SearchAddon();
  term.loadAddon(fit);
  term.loadAddon(search);
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  term.loadAddon(
    new WebLinksAddon((event, uri) => {
      // Never navigate the webview itself; the host's browser opens it.
      event.preventDefault();
      if (isWebAddress(uri)) handlers.onLink(uri);
    }),
  );
  term.attachCustomKeyEventHandler((event) => {
    const shortcut = shortcutFor(event);
    if (!shortcut) return true;
    // xterm sees keydown, keypress and keyup; all three are swallowed, and
    // the default is prevented so no browser paste event follows a
    // Ctrl+Shift+V that was already handled.
    if (event.type === 'keydown') {
      event.preventDefault();
      handlers.onShortcut(shortcut);
    }
    return false;
  });
  // Browser pastes (middle click, Shift+Insert) reach xterm's textarea as
  // `paste` events, which xterm turns into onData like typing.
  const data = term.onData(handlers.onData);
  term.open(container);

  return {
    write: (bytes) => {
      term.write(bytes);
    },
    fit: () => {
      const proposed = fit.proposeDimensions();
      // A hidden container measures as nothing (NaN or 0).
      if (!proposed || !(proposed.cols > 0) || !(proposed.rows > 0)) return null;
      if (proposed.cols === term.cols && proposed.rows === term.rows) return null;
      fit.fit();
      return { cols: term.cols, rows: term.rows };
    },
    size: () => ({ cols: term.cols, rows: term.rows }),
    setAppearance: ({ fontSize, theme }) => {
      term.options.fontSize = fontSize;
      term.options.theme = theme;
    },
    focus: () => {
      term.focus();
    },
    selection: () => term.getSelection(),
    selectAll: () => {
      term.selectAll();
    },
    clear: () => {
      term.clear();
    },
    reset: () => {
      term.reset();
    },
    paste: (text) => {
      term.paste(text);
    },
    findNext: (query) => search.findNext(query, SEARCH),
    findPrevious: (query) => search.findPrevious(query, SEARCH),
    clearSearch: () => {
      search.clearDecorations();
      term.clearSelection();
    },
    visibleText: () => {
      const buffer = term.buffer.active;
      const lines: string[] = [];
      for (let row = 0; row < term.rows; row++) {
        lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
      }
      return lines.join('\n');
    },
    dispose: () => {
      data.dispose();
      // Disposes the addons too.
      term.dispose();
    },
  };
};
