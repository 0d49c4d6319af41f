export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'berth.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be unavailable (privacy settings); fall back to detection.
    return null;
  }
}

/** A saved choice wins; otherwise follow the OS language, defaulting to English. */
export function detectLanguage(
  stored: string | null = readStoredLanguage(),
  preferred: readonly string[] = navigator.languages.length > 0
    ? navigator.languages
    : [navigator.language],
): Language {
  if (isLanguage(stored)) return stored;
  const first = preferred[0]?.toLowerCase() ?? '';
  return first.startsWith('ja') ? 'ja' : 'en';
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // The choice still applies for this run; it just won't be remembered.
  }
}
