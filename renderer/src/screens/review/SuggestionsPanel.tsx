import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseReviewUpdate } from '../../../../shared/case';
import type { SuggestionOut } from '../../../../shared/search';
import { useApi } from '../../app/api-context';
import { messageOf } from '../../errors';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

interface Props {
  detail: CaseDetail;
  /** Applies main's answer (the case's person and the suggestions still open) to the open case. */
  applyReview(update: CaseReviewUpdate): void;
  searchAgain(): void;
}

/**
 * Possible aliases the search saw with the person's name. Confirming adds the identifier to
 * the case (main validates and audits it); nothing is searched until the DPO searches again.
 */
export function SuggestionsPanel({ detail, applyReview, searchAgain }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const suggestions = detail.suggestions ?? [];
  if (suggestions.length === 0 && !added) return null;

  const act = async (s: SuggestionOut, confirm: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const input = { ref: detail.case.ref, kind: s.kind, value: s.value };
      applyReview(confirm ? await api['case:addIdentifier'](input) : await api['case:dismissSuggestion'](input));
      if (confirm) setAdded(s.value);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card suggestions" aria-label={t('review.suggestions.title')} data-testid="suggestions">
      <h2>{t('review.suggestions.title')}</h2>
      <p className="hint">{t('review.suggestions.hint')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      {added && (
        <Notice kind="success" testId="suggestion-added">
          {t('review.suggestions.added', { value: added })}{' '}
          <Button variant="primary" onPress={searchAgain} data-testid="suggestion-search-again">
            {t('review.suggestions.searchAgain')}
          </Button>
        </Notice>
      )}
      <ul>
        {suggestions.map((s) => (
          <li key={`${s.kind}:${s.value}`} data-testid="suggestion">
            <span className="meta">{t(`review.suggestions.kind.${s.kind}`)}</span>
            <strong>{s.value}</strong>
            <span className="hint">{s.reason}</span>
            <Button onPress={() => void act(s, true)} isDisabled={busy} aria-label={t('review.suggestions.confirmNamed', { value: s.value })} data-testid="suggestion-confirm">
              {t('review.suggestions.confirm')}
            </Button>
            <Button variant="quiet" onPress={() => void act(s, false)} isDisabled={busy} aria-label={t('review.suggestions.dismissNamed', { value: s.value })} data-testid="suggestion-dismiss">
              {t('review.suggestions.dismiss')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
