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
    const mb = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
    const kb = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
    return {
      locale,
      number: (n: number) => num.format(n),
      percent: (ratio: number) => percent.format(ratio),
      /** File sizes: kB below a megabyte, so small files do not read "0 MB". */
      bytes: (b: number) => (b < 1_000_000 ? kb.format(Math.ceil(b / 1000)) : mb.format(b / 1_000_000)),
      /** A calendar date `YYYY-MM-DD`, shown without a time zone shift. */
      day: (iso: string) => date.format(new Date(`${iso.slice(0, 10)}T12:00:00`)),
      instant: (iso: string) => dateTime.format(new Date(iso)),
    };
  }, [locale]);
}
