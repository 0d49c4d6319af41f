import type { TerminalSize } from '../api';
import type {
  CreateSurface,
  SurfaceHandlers,
  TerminalAppearance,
  TerminalSurface,
} from '../components/terminal/xtermSurface';

/**
 * A stand-in for the xterm.js surface (jsdom has no layout to draw it in),
 * recording what the pane asked of it. Tests load it with
 * `vi.mock('../components/terminal/xtermSurface', () => import('../test/fakeTerminalSurface'))`.
 */
export interface FakeSurface extends TerminalSurface {
  container: HTMLElement;
  handlers: SurfaceHandlers;
  appearance: TerminalAppearance;
  /** Decoded output since the last reset. */
  text: string;
  /** What the user has selected, as set by the test. */
  selected: string;
  /** The size the next `fit` finds, as set by the test. */
  fits: TerminalSize;
  calls: string[];
  disposed: boolean;
}

/** Every surface created since the last `resetSurfaces`, oldest first. */
export const surfaces: FakeSurface[] = [];

export function resetSurfaces(): void {
  surfaces.length = 0;
}

/** The surface drawn into the pane of the shell `terminalId`. */
export function surfaceOf(terminalId: string): FakeSurface {
  const found = surfaces.find(
    (one) =>
      !one.disposed &&
      one.container.closest('[data-testid="terminal-pane"]')?.getAttribute('data-terminal-id') ===
        terminalId,
  );
  if (!found) throw new Error(`no surface shows ${terminalId}`);
  return found;
}

export const createXtermSurface: CreateSurface = (container, appearance, handlers) => {
  const decoder = new TextDecoder();
  let size: TerminalSize = { cols: 80, rows: 24 };
  const surface: FakeSurface = {
    container,
    handlers,
    appearance,
    text: '',
    selected: '',
    fits: size,
    calls: [],
    disposed: false,
    write: (bytes) => {
      surface.text += decoder.decode(bytes, { stream: true });
    },
    fit: () => {
      surface.calls.push('fit');
      if (surface.fits.cols === size.cols && surface.fits.rows === size.rows) return null;
      size = surface.fits;
      return size;
    },
    size: () => size,
    setAppearance: (next) => {
      surface.appearance = next;
      surface.calls.push(`appearance:${next.fontSize}`);
    },
    focus: () => {
      surface.calls.push('focus');
    },
    selection: () => surface.selected,
    selectAll: () => {
      surface.calls.push('selectAll');
      surface.selected = surface.text;
    },
    clear: () => {
      surface.calls.push('clear');
    },
    reset: () => {
      surface.text = '';
    },
    // As xterm does: a paste comes out as data for the shell.
    paste: (text) => {
      handlers.onData(text);
    },
    findNext: (query) => {
      surface.calls.push(`next:${query}`);
      return surface.text.includes(query);
    },
    findPrevious: (query) => {
      surface.calls.push(`previous:${query}`);
      return surface.text.includes(query);
    },
    clearSearch: () => {
      surface.calls.push('clearSearch');
    },
    visibleText: () => surface.text,
    dispose: () => {
      surface.disposed = true;
    },
  };
  surfaces.push(surface);
  return surface;
};
