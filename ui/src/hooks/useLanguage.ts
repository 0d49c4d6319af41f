import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, storeLanguage, type Language } from '../i18n';

/** The active UI language and a setter that applies it live and remembers it. */
export function useLanguage(): [Language, (language: Language) => Promise<void>] {
  const { i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const setLanguage = useCallback(
    async (language: Language) => {
      storeLanguage(language);
      await i18n.changeLanguage(language);
    },
    [i18n],
  );
  return [current, setLanguage];
}
