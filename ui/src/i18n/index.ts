import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ja from './ja.json';
import { detectLanguage } from './languages';

export const resources = {
  en: { translation: en },
  ja: { translation: ja },
} as const;

// Resources are bundled, so initialise synchronously: the first paint is
// already in the right language instead of flashing keys.
void i18n.use(initReactI18next).init({
  resources,
  lng: detectLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'ja'],
  initAsync: false,
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

export default i18n;
export { LANGUAGES, LANGUAGE_STORAGE_KEY, detectLanguage, isLanguage, storeLanguage } from './languages';
export type { Language } from './languages';
