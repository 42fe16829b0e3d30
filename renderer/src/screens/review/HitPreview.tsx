import { useTranslation } from 'react-i18next';
import type { CaseHit, ExclusionGround } from '../../../../shared/case';
import type { Hit } from '../../../../shared/hit';
import { Button } from '../../ui/Button';
import { FieldRow } from './FieldRow';
import { MailPreview } from './MailPreview';
import { placeOf, recordLabel } from './rows';
import { useReasonWords } from './use-reason-words';

export interface Exclusion {
  ground: ExclusionGround;
  reason: string;
}

/** The whole record behind a hit, why it matched, and the decision and redactions for it. */
export function HitPreview(props: {
  caseRef: string;
  item: CaseHit & { hit: Hit };
  sourceLabel: string;
  exclusion: Exclusion;
  /** An action is running: the decision buttons wait for it. */
  busy: boolean;
  onDecide(include: boolean): void;
  onRedact(field: string, span: [number, number] | null): void;
}) {
  const { t } = useTranslation();
  const reasonWords = useReasonWords();
  const { hit, decision, redactions } = props.item;
  const matchedFields = new Set(hit.matches.map((m) => m.field));
  return (
    <aside className="card hit-preview" aria-labelledby="preview-title" data-testid="hit-preview">
      <h2 id="preview-title">
        {props.sourceLabel} · {placeOf(hit)} {recordLabel(hit)}
      </h2>
      <p>
        <span className={`conf conf-${hit.confidence}`}>{t(`review.conf.${hit.confidence}`)}</span>{' '}
        {hit.thirdParty && <span className="tag tag-warn">{t('review.thirdPartyLong')}</span>}
      </p>
      <div className="form-actions start">
        <Button variant={decision?.include ? 'primary' : 'secondary'} onPress={() => props.onDecide(true)} isDisabled={props.busy} data-testid="include-one" aria-pressed={decision?.include === true}>
          {t('review.include')}
        </Button>
        <Button variant={decision && !decision.include ? 'danger' : 'secondary'} onPress={() => props.onDecide(false)} isDisabled={props.busy} data-testid="exclude-one" aria-pressed={decision?.include === false}>
          {t('review.exclude')}
        </Button>
        {decision && <span className="meta">{decision.reason}</span>}
      </div>
      <h3 className="subhead">{t('review.why')}</h3>
      <ul className="reasons">
        {reasonWords(hit).map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      <h3 className="subhead">{t('review.record')}</h3>
      <dl className="record-fields">
        {Object.entries(hit.record).map(([field, value]) => (
          <FieldRow
            key={field}
            field={field}
            value={value}
            matched={matchedFields.has(field)}
            redactions={redactions.filter((r) => r.field === field)}
            onRedact={(span) => props.onRedact(field, span)}
          />
        ))}
      </dl>
      {'file' in hit.location && <MailPreview caseRef={props.caseRef} hitId={hit.id} />}
    </aside>
  );
}
