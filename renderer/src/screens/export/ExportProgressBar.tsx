import { useEffect, useState } from 'react';
import { Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ExportProgress } from '../../../../shared/export-progress';
import { useApi } from '../../app/api-context';

/**
 * How far the package is: one step at a time (staging, ZIP, re-reading it; only the steps the chosen formats need). Kept
 * after the export at 100 % so the finished state stays visible next to the verdict.
 */
export function ExportProgressBar({ caseRef, running }: { caseRef: string; running: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const [progress, setProgress] = useState<ExportProgress | null>(null);

  useEffect(() => api.on('export:progress', (p) => p.ref === caseRef && setProgress(p)), [api, caseRef]);
  // A new export starts from zero, not from the previous one's 100 %.
  useEffect(() => {
    if (running) setProgress(null);
  }, [running]);

  if (!progress && !running) return null;
  const value = progress ? (progress.done / progress.total) * 100 : 0;
  const label = progress ? t(`export.steps.${progress.step}`) : t('export.running');
  return (
    <ProgressBar value={value} aria-label={label} className="export-progress" data-testid="export-progress">
      {({ percentage }) => (
        <>
          <div className="progress-head">
            <Label>{label}</Label>
            <span className="progress-state">{Math.round(percentage ?? 0)} %</span>
          </div>
          <div className="bar">
            <div className="fill" style={{ width: `${percentage ?? 0}%` }} />
          </div>
        </>
      )}
    </ProgressBar>
  );
}
