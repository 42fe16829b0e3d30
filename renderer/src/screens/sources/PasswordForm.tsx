import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { messageOf } from '../../errors';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextInput } from '../../ui/TextInput';

/** The password is sent once to main, which hands it to the OS keychain; the field is then cleared. */
export function PasswordForm({ sourceId }: { sourceId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [password, setPassword] = useState('');
  const [state, setState] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api['source:setPassword']({ id: sourceId, password });
      setState({ kind: 'success', text: t('sources.password.stored') });
    } catch (err) {
      setState({ kind: 'error', text: messageOf(err) });
    } finally {
      setPassword('');
    }
  };
  return (
    <form className="password-form" onSubmit={(e) => void submit(e)}>
      <TextInput label={t('sources.password.label')} description={t('sources.password.hint')} type="password" value={password} onChange={setPassword} />
      <Button type="submit" isDisabled={!password}>
        {t('sources.password.save')}
      </Button>
      {state && <Notice kind={state.kind}>{state.text}</Notice>}
    </form>
  );
}
