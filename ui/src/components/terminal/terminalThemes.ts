import type { ITheme } from '@xterm/xterm';

/** The scheme a terminal is drawn in, once "system" is resolved. */
export type TerminalScheme = 'dark' | 'light';

// Backgrounds match the antd header colours of each scheme (theme/tokens.ts),
// so the tab bar and the terminal read as one surface.
const dark: ITheme = {
  background: '#141414',
  foreground: '#e4e4e7',
  cursor: '#e4e4e7',
  cursorAccent: '#141414',
  selectionBackground: '#3b82f666',
  black: '#27272a',
  red: '#f87171',
  green: '#4ade80',
  yellow: '#facc15',
  blue: '#60a5fa',
  magenta: '#e879f9',
  cyan: '#22d3ee',
  white: '#d4d4d8',
  brightBlack: '#71717a',
  brightRed: '#fca5a5',
  brightGreen: '#86efac',
  brightYellow: '#fde047',
  brightBlue: '#93c5fd',
  brightMagenta: '#f0abfc',
  brightCyan: '#67e8f9',
  brightWhite: '#fafafa',
};

// Darker hues than the dark palette: yellow and cyan on white must stay legible.
const light: ITheme = {
  background: '#ffffff',
  foreground: '#1f2937',
  cursor: '#1f2937',
  cursorAccent: '#ffffff',
  selectionBackground: '#2563eb40',
  black: '#1f2937',
  red: '#b91c1c',
  green: '#15803d',
  yellow: '#a16207',
  blue: '#1d4ed8',
  magenta: '#a21caf',
  cyan: '#0e7490',
  white: '#6b7280',
  brightBlack: '#4b5563',
  brightRed: '#dc2626',
  brightGreen: '#16a34a',
  brightYellow: '#ca8a04',
  brightBlue: '#2563eb',
  brightMagenta: '#c026d3',
  brightCyan: '#0891b2',
  brightWhite: '#111827',
};

export function terminalPalette(scheme: TerminalScheme): ITheme {
  return scheme === 'dark' ? dark : light;
}
