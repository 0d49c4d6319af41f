/**
 * Lets the end-to-end tests read what the active terminal shows: xterm draws
 * into a canvas or scattered spans, which WebDriver cannot read as text.
 * Reading the screen is all this allows, so it is harmless in production.
 */
interface ActiveTerminal {
  id: string | null;
  read: () => string;
}

declare global {
  interface Window {
    /** The active terminal's visible rows, joined with `\n`; `''` when none is shown. */
    __berthTerminalText?: () => string;
    /** The backend id of the active terminal's shell, `null` before it has one. */
    readonly __berthTerminalActiveId?: string | null;
  }
}

let active: ActiveTerminal | null = null;

function install(): void {
  if (Object.prototype.hasOwnProperty.call(window, '__berthTerminalActiveId')) return;
  window.__berthTerminalText = () => active?.read() ?? '';
  Object.defineProperty(window, '__berthTerminalActiveId', {
    configurable: true,
    get: () => active?.id ?? null,
  });
}

/** Marks a terminal as the one shown; the returned function withdraws it (if still shown). */
export function exposeActiveTerminal(id: string | null, read: () => string): () => void {
  install();
  const entry: ActiveTerminal = { id, read };
  active = entry;
  return () => {
    if (active === entry) active = null;
  };
}
