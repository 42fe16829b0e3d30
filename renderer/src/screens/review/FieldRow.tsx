import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cell } from '../../../../shared/hit';
import type { Redaction } from '../../../../shared/case';
import { Button } from '../../ui/Button';
import { maskedText, selectionIn } from './redaction-text';

/** One field of a record. Text from data is rendered as text, never as markup. */
export function FieldRow(props: {
  field: string;
  value: Cell;
  matched: boolean;
  redactions: Redaction[];
  onRedact(span: [number, number] | null): void;
}) {
  const { t } = useTranslation();
  const textRef = useRef<HTMLSpanElement>(null);
  const text = props.value === null ? '' : String(props.value);
  const whole = props.redactions.some((r) => r.span === null);
  return (
    <div className={`field-row${props.matched ? ' matched' : ''}`} data-testid={`field-${props.field}`}>
      <dt>
        {props.field}
        {props.matched && <span className="tag">{t('review.matchedField')}</span>}
      </dt>
      <dd>
        <span ref={textRef} className={`field-text${props.redactions.length ? ' has-redaction' : ''}`}>
          {maskedText(text, props.redactions)}
        </span>
        {text && !whole && (
          <span className="field-actions">
            <Button variant="quiet" onPress={() => props.onRedact(null)} aria-label={t('review.redactFieldNamed', { field: props.field })} data-testid="redact-field">
              {t('review.redactField')}
            </Button>
            <Button
              variant="quiet"
              onPress={() => {
                const span = selectionIn(textRef.current);
                if (span) props.onRedact(span);
              }}
              aria-label={t('review.redactSelectionNamed', { field: props.field })}
              data-testid="redact-selection"
            >
              {t('review.redactSelection')}
            </Button>
          </span>
        )}
      </dd>
    </div>
  );
}
