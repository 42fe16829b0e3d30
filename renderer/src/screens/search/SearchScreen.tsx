import { useEffect, useRef, useState } from 'react';
import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SearchProgress } from '../../../../shared/search';
import type { ScreenId } from '../../app/App';
import { useApi } from '../../app/api-context';
import { useSession } from '../../app/session';
import { messageOf } from '../../errors';
import { Button } from '../../ui/Button';
import { Notice, ScreenHeader } from '../../ui/Notice';
import { SourceProgress } from './SourceProgress';
import { VerifyIdentity } from './VerifyIdentity';

const notYetVerified = new Set(['received', 'verifying-identity']);

/** Searches the chosen sources for the open case's person, with progress and a way to stop. */
export function SearchScreen({ go }: { go(s: ScreenId): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const { detail } = session;
  const sources = session.workspace?.sources ?? [];
  const [chosen, setChosen] = useState<string[]>(() => sources.map((s) => s.id));
  const [progress, setProgress] = useState<Record<string, SearchProgress>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [finished, setFinished] = useState(false);
  const runId = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('search:progress', (p) => {
        runId.current = p.runId;
        setProgress((prev) => ({ ...prev, [p.source]: p }));
      }),
    [api],
  );

  const run = async () => {
    if (!detail) return;
    setBusy(true);
    setError(null);
    setCancelled(false);
    setFinished(false);
    setProgress({});
    try {
      const r = await api['case:search']({ ref: detail.case.ref, sources: chosen });
      session.setDetail(r.detail);
      setFinished(true);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
      runId.current = null;
    }
  };

  const cancel = async () => {
    if (!runId.current) return;
    const r = await api['search:cancel']({ runId: runId.current });
    setCancelled(r.cancelled);
  };

  const results = finished ? (detail?.search?.sources ?? []) : [];
  const failed = results.filter((s) => s.status === 'error');
  const hits = detail?.hits.length ?? 0;
  return (
    <div className="screen-body">
      <ScreenHeader title={t('search.title')} intro={t('search.intro')} />
      {!detail ? (
        <Notice kind="info">
          {t('search.noCase')}{' '}
          <Button variant="quiet" onPress={() => go('cases')}>{t('search.toCases')}</Button>
        </Notice>
      ) : notYetVerified.has(detail.case.status) ? (
        <VerifyIdentity caseRef={detail.case.ref} />
      ) : sources.length === 0 ? (
        <Notice kind="info">{t('search.noSources')}</Notice>
      ) : (
        <div className="card">
          <CheckboxGroup className="choice-group inline" value={chosen} onChange={setChosen} isDisabled={busy}>
            <Label>{t('search.choose')}</Label>
            {sources.map((s) => (
              <Checkbox key={s.id} value={s.id} className="checkbox">
                <span className="box" aria-hidden="true" />
                {s.label ?? s.id}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <div className="form-actions start">
            <Button variant="primary" onPress={() => void run()} isDisabled={busy || chosen.length === 0} data-testid="search-run">
              {busy ? t('search.running') : t('search.run')}
            </Button>
            {busy && (
              <Button variant="danger" onPress={() => void cancel()} data-testid="search-cancel">
                {t('search.cancel')}
              </Button>
            )}
          </div>
          <ul className="progress-list" aria-label={t('search.progress')}>
            {sources
              .filter((s) => chosen.includes(s.id))
              .map((s) => (
                <SourceProgress key={s.id} id={s.id} label={s.label ?? s.id} progress={progress[s.id]} result={results.find((r) => r.id === s.id)} />
              ))}
          </ul>
        </div>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {cancelled && <Notice kind="warning" testId="search-cancelled">{t('search.cancelled')}</Notice>}
      {finished && !cancelled && (
        <Notice kind={failed.length > 0 ? 'warning' : 'success'} testId="search-done">
          {failed.length > 0 ? t('search.doneWithErrors', { count: failed.length }) : t('search.done', { count: hits })}{' '}
          <Button variant="quiet" onPress={() => go('review')} data-testid="to-review">{t('search.toReview')}</Button>
        </Notice>
      )}
    </div>
  );
}
