import type { DifferingKind, NameHow, Reason } from './reason';
import { reasonTexts, type ReasonKey } from './reason-texts';

export type ReasonLanguage = keyof typeof reasonTexts;
/** Looks up a reason text and fills its {{placeholders}}: i18next's `t` in the app, `fillFrom` in the core. */
export type Translate = (key: ReasonKey, vars?: Record<string, string | number>) => string;

/** Name-how flags in the order they are named, so a reason reads the same everywhere. */
const nameHowOrder = ['caseDiffers', 'nordic', 'diacritics', 'surnameFirst', 'initial', 'partialSurname', 'extra'] as const;

function nameHow(how: NameHow, t: Translate): string[] {
  return nameHowOrder.filter((k) => how[k]).map((k) => t(`name_${k}`));
}

function kindList(kinds: readonly DifferingKind[], t: Translate): string {
  return kinds.map((k) => t(`kind_${k}`)).join(t('and'));
}

/** One reason in words, through the given translator. */
export function describeReason(r: Reason, t: Translate): string {
  switch (r.code) {
    case 'identifier':
      return t(r.inText ? 'identifierText' : 'identifierField', { field: r.field, kind: t(`kind_${r.kind}`), given: r.given, how: t(`how_${r.how}`) });
    case 'name': {
      const parts = nameHow(r.how, t);
      if (r.field2 !== undefined) {
        // "(split over columns)" alone when the spelling was exact, else "(æøå folded, split over columns)".
        const how = parts.map((p) => `${p}${t('listSeparator')}`).join('');
        return t('nameSplit', { field: r.field, field2: r.field2, given: r.given, how });
      }
      const how = parts.length > 0 ? parts.join(t('listSeparator')) : t('name_exact');
      const key = r.place === 'field' ? 'nameField' : r.place === 'text' ? 'nameText' : r.place === 'displayName' ? 'nameDisplayName' : 'nameNamesList';
      return t(key, { field: r.field, given: r.given, how });
    }
    case 'linked':
      return t('linked', { parent: r.parent, via: r.via });
    case 'otherNameInRecord':
      return t('otherNameInRecord', { fields: r.fields.join(t('listSeparator')) });
    case 'alsoDifferent':
      return t('alsoDifferent', { kinds: kindList(r.kinds, t) });
    case 'namesake':
      return t(r.kinds.length > 1 ? 'namesakeMany' : 'namesakeOne', { kinds: kindList(r.kinds, t) });
    case 'sameAddress':
      return t(r.words === 1 ? 'sameAddressOne' : 'sameAddressMany', { field: r.field, words: r.words });
    default:
      return t(r.code);
  }
}

/** A translator over the shared table, for code that has no i18next (the core, the CLI). */
export function fillFrom(lang: ReasonLanguage): Translate {
  const table = reasonTexts[lang];
  return (key, vars) => table[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}

const english = fillFrom('en');
const norwegian = fillFrom('nb');

/** The reasons in one language. */
export function reasonsIn(reasons: readonly Reason[], lang: ReasonLanguage): string[] {
  const t = lang === 'nb' ? norwegian : english;
  return reasons.map((r) => describeReason(r, t));
}
