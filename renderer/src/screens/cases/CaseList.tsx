import { useTranslation } from 'react-i18next';
import type { Subject } from '../../../../shared/subject';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import type { RequestType } from './case-draft';

export interface CaseRow {
  key: string;
  label: string;
  received: string;
  types: readonly RequestType[];
  status: string;
  deadline?: string;
  /** Negative when overdue. */
  daysLeft?: number;
  warning?: string;
  subject: Subject;
}

/** Art. 12(3) gives one month; a week before the end is when a DPO must act. */
const DUE_SOON_DAYS = 7;

function urgency(daysLeft: number | undefined): 'overdue' | 'due-soon' | 'ok' {
  if (daysLeft === undefined) return 'ok';
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'ok';
}

export function CaseList({ rows, onOpen }: { rows: CaseRow[]; onOpen(row: CaseRow): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const sorted = [...rows].sort((a, b) => (a.daysLeft ?? 1e9) - (b.daysLeft ?? 1e9));
  return (
    <table className="data-table case-table" data-testid="case-list">
      <caption className="sr-only">{t('cases.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cases.col.subject')}</th>
          <th scope="col">{t('cases.col.types')}</th>
          <th scope="col">{t('cases.col.received')}</th>
          <th scope="col">{t('cases.col.status')}</th>
          <th scope="col">{t('cases.col.deadline')}</th>
          <th scope="col"><span className="sr-only">{t('common.actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => {
          const u = urgency(row.daysLeft);
          return (
            <tr key={row.key} className={`urgency-${u}`} data-testid="case-row">
              <th scope="row">{row.label}</th>
              <td>{row.types.map((x) => t(`cases.types.${x}`)).join(', ')}</td>
              <td>{f.day(row.received)}</td>
              <td><span className={`status status-${row.status}`}>{t(`cases.status.${row.status}`, { defaultValue: row.status })}</span></td>
              <td>
                {row.deadline ? (
                  <span className={`deadline deadline-${u}`}>
                    {f.day(row.deadline)}{' '}
                    <strong>
                      {u === 'overdue' ? t('cases.overdue', { count: -(row.daysLeft ?? 0) }) : t('cases.daysLeft', { count: row.daysLeft ?? 0 })}
                    </strong>
                  </span>
                ) : (
                  '—'
                )}
                {row.warning && <span className="warning-text">{row.warning}</span>}
              </td>
              <td>
                <Button variant="quiet" onPress={() => onOpen(row)} aria-label={t('cases.openNamed', { subject: row.label })}>
                  {t('cases.open')}
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
