import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceKind } from '../../../../shared/workspace';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/TextInput';

export interface NewSource {
  kind: SourceKind;
  id: string;
  label: string;
  pick?: 'file' | 'folder';
  connection?: string;
}

const kinds: SourceKind[] = ['csv', 'sqlite', 'postgres', 'mysql', 'mailbox'];
const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** A connection URL with user:password@ would put the password in the workspace file. */
const hasPassword = (url: string) => /^[a-z]+:\/\/[^/@:]*:[^/@]*@/i.test(url);

/** The path is chosen in a native dialog that main opens after this form is sent. */
export function AddSourceForm({ onAdd, onCancel, busy }: { onAdd(s: NewSource): void; onCancel(): void; busy: boolean }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<SourceKind>('csv');
  const [id, setId] = useState('');
  const [label, setLabel] = useState('');
  const [pick, setPick] = useState<'file' | 'folder'>('folder');
  const [connection, setConnection] = useState('');
  const server = kind === 'postgres' || kind === 'mysql';
  const idError = id && !idPattern.test(id) ? t('sources.add.idRule') : null;
  const connError = server && connection && hasPassword(connection) ? t('sources.add.noPassword') : null;
  const ok = idPattern.test(id) && (!server || (connection.includes('://') && !connError));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ok) return;
    onAdd({ kind, id, label: label || id, ...(server ? { connection } : kind === 'sqlite' ? { pick: 'file' } : { pick }) });
  };

  return (
    <form className="card add-source" onSubmit={submit} aria-labelledby="add-source-title" data-testid="add-source-form">
      <h2 id="add-source-title">{t('sources.add.title')}</h2>
      <div className="grid-3">
        <label className="field">
          <span className="label">{t('sources.add.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as SourceKind)} data-testid="add-source-kind">
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`sources.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <TextInput label={t('sources.add.id')} description={t('sources.add.idHint')} value={id} onChange={setId} error={idError} />
        <TextInput label={t('sources.add.label')} value={label} onChange={setLabel} />
      </div>
      {server ? (
        <TextInput label={t('sources.add.connection')} description={t('sources.add.connectionHint')} value={connection} onChange={setConnection} error={connError} />
      ) : (
        kind !== 'sqlite' && (
          <fieldset className="inline-choice">
            <legend>{t('sources.add.pick')}</legend>
            {(['folder', 'file'] as const).map((p) => (
              <label key={p}>
                <input type="radio" name="pick" value={p} checked={pick === p} onChange={() => setPick(p)} /> {t(`sources.add.pick_${p}`)}
              </label>
            ))}
          </fieldset>
        )
      )}
      <div className="form-actions">
        <Button onPress={onCancel}>{t('common.cancel')}</Button>
        <Button variant="primary" type="submit" isDisabled={!ok || busy} data-testid="add-source-submit">
          {server ? t('sources.add.submitServer') : t('sources.add.submitFile')}
        </Button>
      </div>
    </form>
  );
}
