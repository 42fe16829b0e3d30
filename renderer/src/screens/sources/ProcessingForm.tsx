import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Processing } from '../../../../shared/workspace';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/TextInput';

const listFields = ['purposes', 'categories', 'recipients'] as const;
const textFields = ['legalBasis', 'retention', 'origin', 'transfers', 'automatedDecisions'] as const;

const toLines = (xs: string[] | undefined) => (xs ?? []).join('\n');
const fromLines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

/** The Art. 30-style record the cover letter is built from (Art. 15(1)(a)–(h), 15(2)). */
export function ProcessingForm({ value, onSave, onCancel }: { value: Processing | undefined; onSave(p: Processing): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [lists, setLists] = useState(() => Object.fromEntries(listFields.map((f) => [f, toLines(value?.[f])])) as Record<(typeof listFields)[number], string>);
  const [texts, setTexts] = useState(() => Object.fromEntries(textFields.map((f) => [f, value?.[f] ?? ''])) as Record<(typeof textFields)[number], string>);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p: Processing = {};
    for (const f of listFields) if (fromLines(lists[f]).length > 0) p[f] = fromLines(lists[f]);
    for (const f of textFields) if (texts[f].trim()) p[f] = texts[f].trim();
    onSave(p);
  };

  return (
    <form className="processing-form" onSubmit={submit} data-testid="processing-form">
      <div className="grid-2">
        {listFields.map((f) => (
          <TextInput key={f} label={t(`sources.processing.${f}`)} description={t('sources.processing.onePerLine')} value={lists[f]} onChange={(v) => setLists((x) => ({ ...x, [f]: v }))} multiline />
        ))}
        {textFields.map((f) => (
          <TextInput key={f} label={t(`sources.processing.${f}`)} value={texts[f]} onChange={(v) => setTexts((x) => ({ ...x, [f]: v }))} />
        ))}
      </div>
      <div className="form-actions">
        <Button onPress={onCancel}>{t('common.cancel')}</Button>
        <Button variant="primary" type="submit" data-testid="processing-save">
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}

/** Read-only view; a missing entry is shown as missing, as the cover letter will show it. */
export function ProcessingSummary({ value }: { value: Processing | undefined }) {
  const { t } = useTranslation();
  const rows: Array<[string, string | undefined]> = [
    ...listFields.map((f): [string, string | undefined] => [f, value?.[f]?.join(', ')]),
    ...textFields.map((f): [string, string | undefined] => [f, value?.[f]]),
  ];
  return (
    <dl className="processing-summary">
      {rows.map(([f, v]) => (
        <div key={f}>
          <dt>{t(`sources.processing.${f as 'purposes'}`)}</dt>
          <dd className={v ? undefined : 'missing'}>{v || t('sources.processing.missing')}</dd>
        </div>
      ))}
    </dl>
  );
}
