import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/contract';
import { reasonTexts } from '../../../shared/reason-texts';
import { en } from './en';
import { nb } from './nb';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en; reasons: typeof reasonTexts.en };
  }
}

const STORAGE_KEY = 'innsyn.lang';

/** The UI language the user chose last on this machine; Norwegian bokmål by default. */
export function storedLanguage(): Language {
  return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nb';
}

export function rememberLanguage(lang: Language): void {
  window.localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    // Match reasons share their words with the package (shared/reason-texts.ts).
    resources: { en: { translation: en, reasons: reasonTexts.en }, nb: { translation: nb, reasons: reasonTexts.nb } },
    // React escapes everything it renders; i18next must not escape a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
