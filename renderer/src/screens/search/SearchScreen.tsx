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

/** Searches the chosen sources for the case's subject, with progress and a way to stop. */
export function SearchScreen({ go }: { go(s: ScreenId): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const sources = session.workspace?.sources ?? [];
  const [chosen, setChosen] = useState<string[]>(() => sources.map((s) => s.id));
  const [progress, setProgress] = useState<Record<string, SearchProgress>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const runId = useRef<string | null>(null);
  // A cancelled search is incomplete: its partial result must never reach review or export.
  const cancelledRun = useRef(false);
  const [cancelled, setCancelled] = useState(false);

  useEffect(
    () =>
      api.on('search:progress', (p) => {
        runId.current = p.runId;
        setProgress((prev) => ({ ...prev, [p.source]: p }));
      }),
    [api],
  );

  const run = async () => {
    if (!session.subject) return;
    setBusy(true);
    setError(null);
    setCancelled(false);
    cancelledRun.current = false;
    setProgress({});
    session.setRun(null);
    try {
      const r = await api['search:run']({ subject: session.subject, sources: chosen });
      if (!cancelledRun.current) session.setRun(r);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
      runId.current = null;
    }
  };

  const cancel = async () => {
    if (!runId.current) return;
    cancelledRun.current = true;
    const r = await api['search:cancel']({ runId: runId.current });
    setCancelled(r.cancelled);
    if (!r.cancelled) cancelledRun.current = false;
  };

  const result = session.run?.result;
  const failed = result?.sources.filter((s) => s.status === 'error') ?? [];
  return (
    <div className="screen-body">
      <ScreenHeader title={t('search.title')} intro={t('search.intro')} />
      {!session.subject ? (
        <Notice kind="info">
          {t('search.noCase')}{' '}
          <Button variant="quiet" onPress={() => go('cases')}>{t('search.toCases')}</Button>
        </Notice>
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
                <SourceProgress key={s.id} id={s.id} label={s.label ?? s.id} progress={progress[s.id]} result={result?.sources.find((r) => r.id === s.id)} />
              ))}
          </ul>
        </div>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {cancelled && <Notice kind="warning" testId="search-cancelled">{t('search.cancelled')}</Notice>}
      {result && !cancelled && (
        <Notice kind={failed.length > 0 ? 'warning' : 'success'} testId="search-done">
          {failed.length > 0 ? t('search.doneWithErrors', { count: failed.length }) : t('search.done', { count: result.hits.length })}{' '}
          <Button variant="quiet" onPress={() => go('review')} data-testid="to-review">{t('search.toReview')}</Button>
        </Notice>
      )}
    </div>
  );
}
