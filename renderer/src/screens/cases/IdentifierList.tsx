import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextInput } from '../../ui/TextInput';
import { rules, type IdentifierList as ListKind } from './identifier-rules';

/**
 * Every identifier kind is repeatable (old addresses, several phones). Each value is
 * validated as it is typed, and the message names what is wrong without repeating the value.
 */
export function IdentifierList({ kind, values, onChange }: { kind: ListKind; values: string[]; onChange(v: string[]): void }) {
  const { t } = useTranslation();
  const set = (i: number, v: string) => onChange(values.map((old, j) => (j === i ? v : old)));
  return (
    <fieldset className="identifier-list" data-testid={`identifiers-${kind}`}>
      <legend>{t(`cases.form.kinds.${kind}`)}</legend>
      {values.map((value, i) => {
        const problem = value.trim() ? rules[kind](value) : null;
        return (
          <div className="identifier-row" key={i}>
            <TextInput
              label={t(`cases.form.kinds.${kind}`) + (values.length > 1 ? ` ${i + 1}` : '')}
              value={value}
              onChange={(v) => set(i, v)}
              error={problem ? t(`cases.form.errors.${problem}`) : null}
              type={kind === 'emails' ? 'email' : 'text'}
            />
            {values.length > 1 && (
              <Button variant="quiet" onPress={() => onChange(values.filter((_, j) => j !== i))} aria-label={t('cases.form.remove', { n: i + 1 })}>
                ✕
              </Button>
            )}
          </div>
        );
      })}
      <Button variant="quiet" onPress={() => onChange([...values, ''])}>
        {t('cases.form.addAnother')}
      </Button>
    </fieldset>
  );
}
