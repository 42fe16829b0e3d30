import { Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SourceResult } from '../../../../shared/hit';
import type { SearchProgress } from '../../../../shared/search';
import { useFormat } from '../../i18n/format';

/** One bar per source: bytes where the size is known (files), otherwise records so far. */
export function SourceProgress({ id, label, progress, result }: { id: string; label: string; progress?: SearchProgress; result?: SourceResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  const state = result ? (result.status === 'error' ? 'error' : 'done') : (progress?.state ?? 'waiting');
  const known = progress?.bytesTotal ? Math.min(1, (progress.bytesDone ?? 0) / progress.bytesTotal) : undefined;
  const value = state === 'done' ? 1 : known;
  const scanned = result?.scanned ?? progress?.scanned ?? 0;
  const hits = result?.hits ?? progress?.hits ?? 0;
  return (
    <li className={`source-progress state-${state}`} data-testid={`progress-${id}`} data-state={state}>
      <ProgressBar value={value === undefined ? undefined : value * 100} isIndeterminate={state === 'running' && value === undefined} aria-label={label}>
        {({ percentage }) => (
          <>
            <div className="progress-head">
              <Label>{label}</Label>
              <span className="progress-state">{t(`search.state.${state}`)}</span>
            </div>
            <div className="bar">
              <div className="fill" style={{ width: `${state === 'running' && value === undefined ? 100 : (percentage ?? 0)}%` }} />
            </div>
            <p className="progress-counts">
              {t('search.counts', { scanned: f.number(scanned), hits: f.number(hits) })}
              {progress?.bytesTotal ? ` · ${f.bytes(progress.bytesDone ?? 0)} / ${f.bytes(progress.bytesTotal)}` : ''}
            </p>
          </>
        )}
      </ProgressBar>
      {result?.status === 'error' && (
        <p className="source-error" role="alert" data-testid={`source-error-${id}`}>
          {t('search.sourceFailed')} {result.error}
        </p>
      )}
      {result?.status === 'partial' && (
        <p className="source-warning" data-testid={`source-partial-${id}`}>
          {t('search.sourcePartial')} {result.problems?.slice(0, 3).join('; ')}
        </p>
      )}
    </li>
  );
}
