import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/case';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';

/** Art. 12(3) gives one month; a week before the end is when a DPO must act. */
export const DUE_SOON_DAYS = 7;
const closed = new Set(['answered', 'closed', 'rejected']);

function urgency(c: CaseSummary): 'overdue' | 'due-soon' | 'ok' {
  if (closed.has(c.status)) return 'ok';
  if (c.daysLeft < 0) return 'overdue';
  return c.daysLeft <= DUE_SOON_DAYS ? 'due-soon' : 'ok';
}

/** The register, soonest deadline first (the order main returns); urgent rows stand out. */
export function CaseList({ cases, onOpen, openRef }: { cases: CaseSummary[]; onOpen(ref: string): void; openRef: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table className="data-table case-table" data-testid="case-list">
      <caption className="sr-only">{t('cases.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cases.col.ref')}</th>
          <th scope="col">{t('cases.col.types')}</th>
          <th scope="col">{t('cases.col.received')}</th>
          <th scope="col">{t('cases.col.status')}</th>
          <th scope="col">{t('cases.col.deadline')}</th>
          <th scope="col"><span className="sr-only">{t('common.actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => {
          const u = urgency(c);
          return (
            <tr key={c.ref} className={`urgency-${u}${c.ref === openRef ? ' is-open' : ''}`} data-testid="case-row" data-urgency={u}>
              <th scope="row">{c.ref}</th>
              <td>{c.types.map((x) => t(`cases.types.${x}`)).join(', ')}</td>
              <td>{f.day(c.received)}</td>
              <td><span className={`status status-${c.status}`}>{t(`cases.status.${c.status}`)}</span></td>
              <td>
                <span className={`deadline deadline-${u}`}>
                  {f.day(c.deadline)}
                  {!closed.has(c.status) && (
                    <strong>{u === 'overdue' ? t('cases.overdue', { count: -c.daysLeft }) : t('cases.daysLeft', { count: c.daysLeft })}</strong>
                  )}
                </span>
                {c.warning && <span className="warning-text">{c.warning}</span>}
              </td>
              <td>
                <Button variant="quiet" onPress={() => onOpen(c.ref)} aria-label={t('cases.openNamed', { ref: c.ref })}>
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
