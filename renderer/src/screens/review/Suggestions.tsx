import { useTranslation } from 'react-i18next';
import type { SuggestionOut } from '../../../../shared/search';
import { useSession } from '../../app/session';
import { Button } from '../../ui/Button';

/** Possible aliases seen with the subject's name. Never searched until the DPO confirms one. */
export function Suggestions({ items }: { items: SuggestionOut[] }) {
  const { t } = useTranslation();
  const session = useSession();
  if (items.length === 0 || !session.subject) return null;
  const subject = session.subject;
  const known = new Set([...subject.emails, ...subject.phones, ...subject.names].map((x) => x.toLowerCase()));
  const open = items.filter((s) => !known.has(s.value.toLowerCase()));
  if (open.length === 0) return null;
  const confirm = (s: SuggestionOut) => {
    const key = s.kind === 'email' ? 'emails' : s.kind === 'phone' ? 'phones' : 'names';
    session.setSubject({ ...subject, [key]: [...subject[key], s.value] }, session.subjectLabel);
  };
  return (
    <section className="card suggestions" aria-labelledby="sugg-title" data-testid="suggestions">
      <h2 id="sugg-title">{t('review.suggestions.title')}</h2>
      <p className="hint">{t('review.suggestions.hint')}</p>
      <ul>
        {open.map((s) => (
          <li key={`${s.kind}:${s.value}`}>
            <span className="badge">{t(`review.suggestions.kind.${s.kind}`)}</span> <strong>{s.value}</strong>
            <span className="meta"> — {s.reason}</span>
            <Button variant="quiet" onPress={() => confirm(s)} aria-label={t('review.suggestions.confirmNamed', { value: s.value })}>
              {t('review.suggestions.confirm')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
