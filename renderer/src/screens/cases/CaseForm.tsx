import { useState, type FormEvent } from 'react';
import { Checkbox, CheckboxGroup, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/TextInput';
import { IdentifierList } from './IdentifierList';
import { channels, draftIsValid, emptyDraft, requestTypes, type CaseDraft, type Channel, type RequestType } from './case-draft';
import type { IdentifierList as ListKind } from './identifier-rules';

const kinds: ListKind[] = ['names', 'emails', 'phones', 'nationalIds', 'others'];

/** Registering a request: who asked, what they asked for, how it arrived, how identity was checked. */
export function CaseForm({ onSubmit, onCancel, busy }: { onSubmit(d: CaseDraft): void; onCancel(): void; busy: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CaseDraft>(emptyDraft);
  const patch = (p: Partial<CaseDraft>) => setDraft((d) => ({ ...d, ...p }));
  const verify = (p: Partial<CaseDraft['verification']>) => setDraft((d) => ({ ...d, verification: { ...d.verification, ...p } }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draftIsValid(draft)) onSubmit(draft);
  };

  return (
    <form className="card case-form" onSubmit={submit} aria-labelledby="case-form-title" data-testid="case-form">
      <h2 id="case-form-title">{t('cases.form.title')}</h2>
      <section className="form-section">
        <h3>{t('cases.form.subject')}</h3>
        <p className="hint">{t('cases.form.subjectHint')}</p>
        <div className="identifier-grid">
          {kinds.map((k) => (
            <IdentifierList key={k} kind={k} values={draft.identifiers[k]} onChange={(v) => patch({ identifiers: { ...draft.identifiers, [k]: v } })} />
          ))}
        </div>
      </section>
      <section className="form-section two-col">
        <CheckboxGroup className="choice-group" value={draft.types} onChange={(v) => patch({ types: v as RequestType[] })} isInvalid={draft.types.length === 0}>
          <Label>{t('cases.form.types')}</Label>
          {requestTypes.map((rt) => (
            <Checkbox key={rt} value={rt} className="checkbox">
              <span className="box" aria-hidden="true" />
              {t(`cases.types.${rt}`)}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <div>
          <RadioGroup className="choice-group" value={draft.channel} onChange={(v) => patch({ channel: v as Channel })}>
            <Label>{t('cases.form.channel')}</Label>
            {channels.map((c) => (
              <Radio key={c} value={c} className="radio">
                <span className="dot" aria-hidden="true" />
                {t(`cases.channels.${c}`)}
              </Radio>
            ))}
          </RadioGroup>
          <TextInput label={t('cases.form.received')} type="date" value={draft.received} onChange={(v) => patch({ received: v })} isRequired />
        </div>
      </section>
      <section className="form-section">
        <h3>{t('cases.form.verification')}</h3>
        <p className="hint">{t('cases.form.verificationHint')}</p>
        <div className="grid-3">
          <TextInput label={t('cases.form.verifyMethod')} value={draft.verification.method} onChange={(v) => verify({ method: v })} />
          <TextInput label={t('cases.form.verifyDate')} type="date" value={draft.verification.date} onChange={(v) => verify({ date: v })} />
          <TextInput label={t('cases.form.verifyBy')} value={draft.verification.by} onChange={(v) => verify({ by: v })} />
        </div>
        <TextInput label={t('cases.form.verifyNote')} value={draft.verification.note} onChange={(v) => verify({ note: v })} multiline />
      </section>
      <div className="form-actions">
        <Button variant="secondary" onPress={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button variant="primary" type="submit" isDisabled={!draftIsValid(draft) || busy} data-testid="case-save">
          {t('cases.form.save')}
        </Button>
      </div>
    </form>
  );
}
