import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/contract';
import type { Controller } from '../../../../shared/workspace';
import { useApi } from '../../app/api-context';
import { useSession } from '../../app/session';
import { messageOf } from '../../errors';
import { Button } from '../../ui/Button';
import { Notice, ScreenHeader } from '../../ui/Notice';
import { TextInput } from '../../ui/TextInput';

const empty: Controller = { name: '', orgNumber: '', address: '', email: '', dpo: { name: '', email: '' } };

/** Who answers (Art. 15 letters name the controller and the DPO) and the defaults for new answers. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSession();
  const [c, setC] = useState<Controller>(empty);
  const [lang, setLang] = useState<Language>('nb');
  const [retention, setRetention] = useState('30');
  const [note, setNote] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void api['preferences:get']({}).then((p) => {
      if (p.controller) setC({ ...empty, ...p.controller, dpo: { ...empty.dpo, ...p.controller.dpo } });
      setLang(p.defaultLanguage);
    });
    void api['settings:get']({}).then((s) => setRetention(String(s.retentionDays)));
  }, [api]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const trim = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
      const controller: Controller = {
        name: c.name.trim(),
        orgNumber: trim(c.orgNumber),
        address: trim(c.address),
        email: trim(c.email),
        dpo: { name: trim(c.dpo?.name), email: trim(c.dpo?.email) },
      };
      await api['preferences:set']({ controller, defaultLanguage: lang });
      await api['settings:set']({ retentionDays: Number(retention) });
      const ws = await api['workspace:get']({});
      session.setWorkspace(ws.workspace);
      setNote({ kind: 'success', text: t('settings.saved') });
    } catch (err) {
      setNote({ kind: 'error', text: messageOf(err) });
    }
  };

  const retentionValid = /^\d{1,4}$/.test(retention) && Number(retention) <= 3650;
  const set = (p: Partial<Controller>) => setC((x) => ({ ...x, ...p }));
  const setDpo = (p: Partial<NonNullable<Controller['dpo']>>) => setC((x) => ({ ...x, dpo: { ...x.dpo, ...p } }));
  return (
    <div className="screen-body">
      <ScreenHeader title={t('settings.title')} intro={t('settings.intro')} />
      <form className="card" onSubmit={(e) => void save(e)} data-testid="settings-form">
        <h2>{t('settings.controller')}</h2>
        <div className="grid-2">
          <TextInput label={t('settings.name')} value={c.name} onChange={(v) => set({ name: v })} isRequired />
          <TextInput label={t('settings.orgNumber')} value={c.orgNumber ?? ''} onChange={(v) => set({ orgNumber: v })} />
          <TextInput label={t('settings.address')} value={c.address ?? ''} onChange={(v) => set({ address: v })} />
          <TextInput label={t('settings.email')} type="email" value={c.email ?? ''} onChange={(v) => set({ email: v })} />
        </div>
        <h2>{t('settings.dpo')}</h2>
        <div className="grid-2">
          <TextInput label={t('settings.dpoName')} value={c.dpo?.name ?? ''} onChange={(v) => setDpo({ name: v })} />
          <TextInput label={t('settings.dpoEmail')} type="email" value={c.dpo?.email ?? ''} onChange={(v) => setDpo({ email: v })} />
        </div>
        <h2>{t('settings.defaults')}</h2>
        <div className="grid-2">
          <label className="field">
            <span className="label">{t('settings.defaultLanguage')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value as Language)}>
              <option value="nb">Norsk bokmål</option>
              <option value="en">English</option>
            </select>
          </label>
          <TextInput
            label={t('settings.retentionDays')}
            description={t('settings.retentionHint')}
            type="number"
            value={retention}
            onChange={setRetention}
            error={retentionValid ? null : t('settings.retentionHint')}
          />
        </div>
        <div className="form-actions">
          <Button variant="primary" type="submit" isDisabled={!c.name.trim() || !retentionValid} data-testid="settings-save">
            {t('common.save')}
          </Button>
        </div>
      </form>
      {note && <Notice kind={note.kind}>{note.text}</Notice>}
    </div>
  );
}
