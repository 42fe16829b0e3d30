import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const locales = { nb: 'nb-NO', en: 'en-GB' } as const;

/** Dates and numbers in the UI language's conventions (15.03.2026 and 1 234 in nb). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? locales.en : locales.nb;
  return useMemo(() => {
    const num = new Intl.NumberFormat(locale);
    const date = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const bytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
    return {
      locale,
      number: (n: number) => num.format(n),
      percent: (ratio: number) => percent.format(ratio),
      megabytes: (b: number) => bytes.format(b / 1_000_000),
      /** A calendar date `YYYY-MM-DD`, shown without a time zone shift. */
      day: (iso: string) => date.format(new Date(`${iso.slice(0, 10)}T12:00:00`)),
      instant: (iso: string) => dateTime.format(new Date(iso)),
    };
  }, [locale]);
}
