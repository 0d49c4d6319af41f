import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { toApiError, useApi, type ApiError, type TerminalExit } from '../api';
import type { TerminalShortcut } from '../components/terminal/terminalShortcuts';
import { WriteQueue } from '../components/terminal/writeQueue';
import {
  createXtermSurface,
  type TerminalAppearance,
  type TerminalSurface,
} from '../components/terminal/xtermSurface';

/**
 * Where one tab's shell stands. `detached`: another view attached to the
 * same shell and now receives its output.
 */
export type TerminalState = 'connecting' | 'live' | 'exited' | 'detached' | 'error';

export interface TerminalStatus {
  state: TerminalState;
  /** How the shell ended, once `exited`. */
  exit: TerminalExit | null;
  /** Why connecting failed, once `error`. */
  error: ApiError | null;
}

interface UseTerminalOptions {
  container: RefObject<HTMLDivElement | null>;
  sessionId: string;
  /** The shell to attach to; `null` starts a new one. */
  initialId: string | null;
  appearance: TerminalAppearance;
  /** A shell was started for this view (also when Reconnect had to start a new one). */
  onOpened: (terminalId: string) => void;
  onShortcut: (shortcut: TerminalShortcut) => void;
  /** Opening a clicked web address failed. */
  onLinkError: (error: ApiError) => void;
}

const CONNECTING: TerminalStatus = { state: 'connecting', exit: null, error: null };

function warn(what: string) {
  return (reason: unknown) => {
    console.warn(what, reason);
  };
}

/**
 * One shell shown in one terminal surface: starts or attaches to it, streams
 * its output in, sends keystrokes and sizes out, and disposes everything when
 * the component unmounts. Results of an attempt that was superseded (a
 * reconnect, an unmount) are ignored; a shell started for a view that is gone
 * is ended at once.
 */
export function useTerminal({
  container,
  sessionId,
  initialId,
  appearance,
  onOpened,
  onShortcut,
  onLinkError,
}: UseTerminalOptions) {
  const api = useApi();
  const surfaceRef = useRef<TerminalSurface | null>(null);
  const idRef = useRef(initialId);
  const stateRef = useRef<TerminalState>('connecting');
  const attemptRef = useRef(0);
  const appearanceRef = useRef(appearance);
  const callbacks = useRef({ onOpened, onShortcut, onLinkError });
  const [status, setStatus] = useState<TerminalStatus>(CONNECTING);
  const [terminalId, setTerminalId] = useState(initialId);

  useEffect(() => {
    callbacks.current = { onOpened, onShortcut, onLinkError };
  });

  const update = useCallback((next: TerminalStatus) => {
    stateRef.current = next.state;
    setStatus(next);
  }, []);

  const refit = useCallback(() => {
    const surface = surfaceRef.current;
    const size = surface?.fit();
    const id = idRef.current;
    // Only the view receiving the output sizes the shell.
    if (size && id !== null && stateRef.current === 'live') {
      api.resizeTerminal(id, size).catch(warn('Could not resize the terminal'));
    }
  }, [api]);

  const connect = useCallback(
    async (existing: string | null, openIfGone: boolean): Promise<void> => {
      const surface = surfaceRef.current;
      if (!surface) return;
      const attempt = ++attemptRef.current;
      // Superseded by a later attempt, or by the surface being disposed.
      const current = () => attempt === attemptRef.current && surfaceRef.current === surface;
      update(CONNECTING);
      let id = existing;
      let mayOpen = openIfGone;
      for (;;) {
        try {
          if (id === null) {
            mayOpen = false;
            const info = await api.openTerminal(sessionId, surface.size());
            if (!current()) {
              api.closeTerminal(info.id).catch(warn('Could not end an unused shell'));
              return;
            }
            id = info.id;
            idRef.current = id;
            setTerminalId(id);
            callbacks.current.onOpened(id);
          } else {
            // Attaching replays the whole saved screen.
            surface.reset();
          }
          const ended = api.attachTerminal(id, (bytes) => {
            if (current()) surface.write(bytes);
          });
          update({ state: 'live', exit: null, error: null });
          // The shell may have been drawing for another size (another window,
          // or the one this window had before it closed).
          api.resizeTerminal(id, surface.size()).catch(warn('Could not resize the terminal'));
          const exit = await ended;
          if (!current()) return;
          update(
            exit === null
              ? { state: 'detached', exit: null, error: null }
              : { state: 'exited', exit, error: null },
          );
          return;
        } catch (reason) {
          if (!current()) return;
          if (id !== null && mayOpen) {
            // The shell is gone (its container restarted, say): one click
            // should still give a working shell, so start one in its place.
            api.closeTerminal(id).catch(() => undefined);
            id = null;
            idRef.current = null;
            continue;
          }
          update({ state: 'error', exit: null, error: toApiError(reason) });
          return;
        }
      }
    },
    [api, sessionId, update],
  );

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const queue = new WriteQueue(
      (data) => {
        const id = idRef.current;
        return id === null ? Promise.resolve() : api.writeTerminal(id, data);
      },
      (reason) => {
        if (stateRef.current === 'live') {
          update({ state: 'error', exit: null, error: toApiError(reason) });
        }
      },
    );
    const surface = createXtermSurface(element, appearanceRef.current, {
      onData: (data) => {
        // Typing into an ended shell, or one shown elsewhere, goes nowhere.
        if (stateRef.current === 'live') queue.push(data);
      },
      onShortcut: (shortcut) => {
        callbacks.current.onShortcut(shortcut);
      },
      onLink: (url) => {
        api.openUrl(url).catch((reason: unknown) => {
          callbacks.current.onLinkError(toApiError(reason));
        });
      },
    });
    surfaceRef.current = surface;
    surface.fit();
    const observer = new ResizeObserver(refit);
    observer.observe(element);
    void connect(idRef.current, false);
    return () => {
      observer.disconnect();
      surface.dispose();
      // Tells whatever attempt is in flight that it is over.
      surfaceRef.current = null;
    };
  }, [api, connect, container, refit, update]);

  useEffect(() => {
    appearanceRef.current = appearance;
    surfaceRef.current?.setAppearance(appearance);
    // A new font size changes how many cells fit.
    refit();
  }, [appearance, refit]);

  const reconnect = useCallback(() => {
    void connect(idRef.current, true);
  }, [connect]);

  return { status, terminalId, surface: surfaceRef, refit, reconnect };
}
