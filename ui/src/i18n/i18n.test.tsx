import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chooseOption } from '../test/antd';
import { renderApp } from '../test/renderApp';
import en from './en.json';
import ja from './ja.json';
import { LANGUAGE_STORAGE_KEY, detectLanguage } from './languages';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('translations', () => {
  it('has a Japanese string for every English one', () => {
    expect(keysOf(ja).sort()).toEqual(keysOf(en).sort());
  });

  it('uses the agreed Japanese terms', () => {
    expect(ja.nav.sessions).toBe('セッション');
    expect(ja.nav.storage).toBe('ストレージ');
    expect(ja.storage.subtitle).toContain('データとストレージ');
  });
});

describe('detectLanguage', () => {
  it('prefers the saved choice', () => {
    expect(detectLanguage('ja', ['en-US'])).toBe('ja');
    expect(detectLanguage('en', ['ja-JP'])).toBe('en');
  });

  it('falls back to the system language, then English', () => {
    expect(detectLanguage(null, ['ja-JP', 'en-US'])).toBe('ja');
    expect(detectLanguage(null, ['ja'])).toBe('ja');
    expect(detectLanguage(null, ['de-DE'])).toBe('en');
    expect(detectLanguage('klingon', [])).toBe('en');
  });
});

describe('language switch', () => {
  it('switches the whole UI to Japanese and remembers it', async () => {
    const { user } = renderApp({ path: '/settings' });
    await screen.findByTestId('page-settings');
    expect(screen.getByTestId('nav-sessions')).toHaveTextContent('Sessions');

    await chooseOption(user, 'language-selector', '日本語');

    await waitFor(() => {
      expect(screen.getByTestId('nav-sessions')).toHaveTextContent('セッション');
    });
    expect(screen.getByTestId('nav-storage')).toHaveTextContent('ストレージ');
    expect(screen.getByTestId('page-settings')).toHaveTextContent('言語');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ja');
    expect(document.documentElement.lang).toBe('ja');

    await user.click(screen.getByTestId('nav-storage'));
    expect(await screen.findByTestId('page-storage')).toHaveTextContent('データとストレージ');
  });
});
