import { useTranslation } from 'react-i18next';
import type { Hit } from '../../../../shared/hit';
import { useSession, type Decision } from '../../app/session';
import { Button } from '../../ui/Button';
import { FieldRow } from './FieldRow';
import { placeOf, recordLabel } from './rows';

/** The whole record behind a hit, why it matched, and the decision and redactions for it. */
export function HitPreview({ hit, sourceLabel, exclusion }: { hit: Hit; sourceLabel: string; exclusion: Decision }) {
  const { t } = useTranslation();
  const session = useSession();
  const decision = session.decisions[hit.id];
  const matchedFields = new Set(hit.matches.map((m) => m.field));
  const redactionsFor = (field: string) => session.redactions.filter((r) => r.hitId === hit.id && r.field === field);
  return (
    <aside className="card hit-preview" aria-labelledby="preview-title" data-testid="hit-preview">
      <h2 id="preview-title">
        {sourceLabel} · {placeOf(hit)} {recordLabel(hit)}
      </h2>
      <p>
        <span className={`conf conf-${hit.confidence}`}>{t(`review.conf.${hit.confidence}`)}</span>{' '}
        {hit.thirdParty && <span className="tag tag-warn">{t('review.thirdPartyLong')}</span>}
      </p>
      <h3 className="subhead">{t('review.why')}</h3>
      <ul className="reasons">
        {hit.reasons.map((r, i) => (
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
            redactions={redactionsFor(field)}
            onRedact={(text) =>
              session.redact(
                text ? { hitId: hit.id, field, action: 'mask-text', text, reason: t('review.redactReason') } : { hitId: hit.id, field, action: 'mask', reason: t('review.redactReason') },
              )
            }
          />
        ))}
      </dl>
      <div className="form-actions start">
        <Button variant={decision?.include ? 'primary' : 'secondary'} onPress={() => session.decide([hit.id], { include: true, reason: t('review.reasonSubject') })} data-testid="include-one">
          {t('review.include')}
        </Button>
        <Button variant={decision && !decision.include ? 'danger' : 'secondary'} onPress={() => session.decide([hit.id], exclusion)} data-testid="exclude-one">
          {t('review.exclude')}
        </Button>
      </div>
    </aside>
  );
}
