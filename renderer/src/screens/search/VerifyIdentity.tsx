import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { useSession } from '../../app/session';
import { messageOf } from '../../errors';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextInput } from '../../ui/TextInput';

/**
 * Art. 12(6): data is not searched out and handed over before the DPO is reasonably sure
 * who asked, so the case register requires the identity check before a search.
 */
export function VerifyIdentity({ caseRef }: { caseRef: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [method, setMethod] = useState('');
  const [by, setBy] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api['case:verify']({ ref: caseRef, method, by, ...(note.trim() ? { note } : {}) });
      await session.openCase(caseRef);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="verify-form">
      <h2>{t('cases.form.verification')}</h2>
      <p className="hint">{t('search.verifyFirst')}</p>
      <div className="grid-3">
        <TextInput label={t('cases.form.verifyMethod')} value={method} onChange={setMethod} isRequired />
        <TextInput label={t('cases.form.verifyBy')} value={by} onChange={setBy} isRequired />
        <TextInput label={t('cases.form.verifyNote')} value={note} onChange={setNote} />
      </div>
      <div className="form-actions start">
        <Button variant="primary" type="submit" isDisabled={!method.trim() || !by.trim()} data-testid="verify-save">
          {t('search.verify')}
        </Button>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
    </form>
  );
}
