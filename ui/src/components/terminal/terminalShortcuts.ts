/** Key combinations the terminal window handles itself instead of sending them to the shell. */
export type TerminalShortcut = 'copy' | 'paste' | 'search';

type KeyFields = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey'>;

const BY_LETTER: Record<string, TerminalShortcut> = { c: 'copy', v: 'paste', f: 'search' };

/**
 * Ctrl+Shift+C / V / F, as in the usual Linux terminal emulators: plain
 * Ctrl+C and Ctrl+V must reach the shell (interrupt, literal next).
 * The letter is read from `key` so a remapped layout works as printed on its
 * keys; `code` (the physical key) covers layouts whose letters are not Latin.
 */
export function shortcutFor(event: KeyFields): TerminalShortcut | null {
  if (!event.ctrlKey || !event.shiftKey || event.altKey || event.metaKey) return null;
  const letter = /^[a-z]$/i.test(event.key)
    ? event.key.toLowerCase()
    : /^Key[A-Z]$/.test(event.code)
      ? event.code.slice(3).toLowerCase()
      : '';
  return BY_LETTER[letter] ?? null;
}
