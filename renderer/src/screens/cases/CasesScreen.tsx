import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Subject } from '../../../../shared/subject';
import type { ScreenId } from '../../app/App';
import { useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { Notice, ScreenHeader } from '../../ui/Notice';
import { CaseForm } from './CaseForm';
import { CaseList, type CaseRow } from './CaseList';
import { subjectOf, type CaseDraft } from './case-draft';

export function labelOf(s: Subject): string {
  return s.names[0] ?? s.emails[0] ?? s.phones[0] ?? s.others[0] ?? '•••';
}

/** The request register: every open request with its deadline, and the form for a new one. */
export function CasesScreen({ go }: { go(s: ScreenId): void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [creating, setCreating] = useState(false);
  const [rows, setRows] = useState<CaseRow[]>([]);

  const create = (draft: CaseDraft) => {
    const subject = subjectOf(draft);
    const row: CaseRow = { key: String(rows.length + 1), label: labelOf(subject), received: draft.received, types: draft.types, status: 'received', subject };
    setRows((r) => [row, ...r]);
    session.setSubject(subject, row.label);
    setCreating(false);
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
      {creating ? (
        <CaseForm onSubmit={create} onCancel={() => setCreating(false)} busy={false} />
      ) : rows.length === 0 ? (
        <Notice kind="info">{t('cases.empty')}</Notice>
      ) : (
        <CaseList
          rows={rows}
          onOpen={(row) => {
            session.setSubject(row.subject, row.label);
            go('search');
          }}
        />
      )}
    </div>
  );
}
