import { useEffect, useMemo, useState } from 'react';
import { useApi, type UiSettings } from '../api';
import type { TerminalAppearance } from '../components/terminal/xtermSurface';
import { terminalPalette, type TerminalScheme } from '../components/terminal/terminalThemes';
import { useSystemColorScheme } from '../theme/useSystemColorScheme';

/** Until the settings arrive (or if they cannot be read). */
const FALLBACK_FONT_SIZE = 14;

export interface TerminalLook {
  scheme: TerminalScheme;
  appearance: TerminalAppearance;
}

/**
 * The terminal's font size and colours from the shared settings, following
 * every change made in any window; "system" follows the OS live.
 */
export function useTerminalSettings(): TerminalLook {
  const api = useApi();
  const system = useSystemColorScheme();
  const [settings, setSettings] = useState<UiSettings | null>(null);

  useEffect(() => {
    let stopped = false;
    let heard = false;
    let unlisten: (() => void) | undefined;
    // Listen first, so a change made while the first read is in flight is
    // not lost; that read then yields to what was heard.
    api
      .onSettingsChanged((next) => {
        heard = true;
        if (!stopped) setSettings(next);
      })
      .then((stop) => {
        if (stopped) stop();
        else unlisten = stop;
      })
      .catch((reason: unknown) => {
        console.warn('Could not follow settings changes', reason);
      });
    api
      .getSettings()
      .then((loaded) => {
        if (!stopped && !heard) setSettings(loaded);
      })
      .catch((reason: unknown) => {
        // The terminal still works with the defaults.
        console.warn('Could not read the settings', reason);
      });
    return () => {
      stopped = true;
      unlisten?.();
    };
  }, [api]);

  const choice = settings?.terminal_theme ?? 'dark';
  const scheme: TerminalScheme = choice === 'system' ? system : choice;
  const fontSize = settings?.terminal_font_size ?? FALLBACK_FONT_SIZE;
  return useMemo(
    () => ({ scheme, appearance: { fontSize, theme: terminalPalette(scheme) } }),
    [scheme, fontSize],
  );
}
