import { describe, expect, it } from 'vitest';
import { shortcutFor } from './terminalShortcuts';

const key = (key: string, code: string, mods: Partial<Record<'ctrl' | 'shift' | 'alt' | 'meta', boolean>>) => ({
  key,
  code,
  ctrlKey: mods.ctrl ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
  metaKey: mods.meta ?? false,
});

describe('shortcutFor', () => {
  it('takes Ctrl+Shift+C, V and F', () => {
    expect(shortcutFor(key('C', 'KeyC', { ctrl: true, shift: true }))).toBe('copy');
    expect(shortcutFor(key('V', 'KeyV', { ctrl: true, shift: true }))).toBe('paste');
    expect(shortcutFor(key('F', 'KeyF', { ctrl: true, shift: true }))).toBe('search');
  });

  it('leaves Ctrl+C, Ctrl+V and other combinations to the shell', () => {
    expect(shortcutFor(key('c', 'KeyC', { ctrl: true }))).toBeNull();
    expect(shortcutFor(key('v', 'KeyV', { ctrl: true }))).toBeNull();
    expect(shortcutFor(key('C', 'KeyC', { shift: true }))).toBeNull();
    expect(shortcutFor(key('C', 'KeyC', { ctrl: true, shift: true, alt: true }))).toBeNull();
    expect(shortcutFor(key('X', 'KeyX', { ctrl: true, shift: true }))).toBeNull();
  });

  it('reads the printed letter, and the physical key when the letter is not Latin', () => {
    // Dvorak: the key printed "C" sits where QWERTY has "I".
    expect(shortcutFor(key('C', 'KeyI', { ctrl: true, shift: true }))).toBe('copy');
    // Russian layout: "М" on the physical V key.
    expect(shortcutFor(key('М', 'KeyV', { ctrl: true, shift: true }))).toBe('paste');
  });
});
