import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/case';
import type { ScreenId } from '../../app/App';
import { useApi } from '../../app/api-context';
import { useSession } from '../../app/session';
import { messageOf } from '../../errors';
import { Button } from '../../ui/Button';
import { Notice, ScreenHeader } from '../../ui/Notice';
import { CaseForm } from './CaseForm';
import { CaseList, DUE_SOON_DAYS } from './CaseList';
import { newCaseOf, verificationOf, type CaseDraft } from './case-draft';

const filters = ['open', 'due-soon', 'overdue', 'all'] as const;
type Filter = (typeof filters)[number];

/** The request register: every request with its deadline, and the form for a new one. */
export function CasesScreen({ go }: { go(s: ScreenId): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState<Filter>('open');
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api['case:list']({ filter, dueSoonDays: DUE_SOON_DAYS });
    setCases(r.cases);
  }, [api, filter]);
  useEffect(() => {
    void load().catch((err: unknown) => setError(messageOf(err)));
  }, [load]);

  const create = async (draft: CaseDraft) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api['case:create'](newCaseOf(draft));
      const verification = verificationOf(draft);
      if (verification) await api['case:verify']({ ref: created.ref, ...verification });
      await session.openCase(created.ref);
      setCreating(false);
      go('search');
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const open = async (ref: string) => {
    await session.openCase(ref);
    go('search');
  };

  return (
    <div className="screen-body">
      <ScreenHeader
        title={t('cases.title')}
        intro={t('cases.intro')}
        actions={
          !creating && (
            <Button variant="primary" onPress={() => setCreating(true)} data-testid="case-new">
              {t('cases.new')}
            </Button>
          )
        }
      />
      {error && <Notice kind="error">{error}</Notice>}
      {creating ? (
        <CaseForm onSubmit={(d) => void create(d)} onCancel={() => setCreating(false)} busy={busy} />
      ) : (
        <>
          <div className="segmented" role="group" aria-label={t('cases.filter')}>
            {filters.map((f) => (
              <Button key={f} variant={f === filter ? 'primary' : 'secondary'} onPress={() => setFilter(f)} aria-pressed={f === filter} data-testid={`case-filter-${f}`}>
                {t(`cases.filters.${f}`)}
              </Button>
            ))}
          </div>
          {cases === null ? null : cases.length === 0 ? (
            <Notice kind="info">{t('cases.empty')}</Notice>
          ) : (
            <CaseList cases={cases} onOpen={(ref) => void open(ref)} openRef={session.detail?.case.ref ?? null} />
          )}
        </>
      )}
    </div>
  );
}
