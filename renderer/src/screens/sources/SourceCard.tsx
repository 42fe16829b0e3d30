import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Processing, SourceConfig } from '../../../../shared/workspace';
import { Button } from '../../ui/Button';
import { PasswordForm } from './PasswordForm';
import { ProcessingForm, ProcessingSummary } from './ProcessingForm';

export function SourceCard(props: { source: SourceConfig; onSaveProcessing(p: Processing): void; onRemove(): void }) {
  const { t } = useTranslation();
  const { source } = props;
  const [editing, setEditing] = useState(false);
  const where = 'path' in source ? source.path : source.connection;
  const server = source.kind === 'postgres' || source.kind === 'mysql';
  const name = source.label ?? source.id;
  return (
    <article className="card source-card" aria-labelledby={`src-${source.id}`} data-testid={`source-${source.id}`}>
      <header className="card-header">
        <div>
          <h2 id={`src-${source.id}`}>{name}</h2>
          <p className="meta">
            <span className={`badge kind-${source.kind}`}>{t(`sources.kinds.${source.kind}`)}</span>
            <code className="location" title={where}>{where}</code>
          </p>
        </div>
        <div className="card-actions">
          {!editing && (
            <Button onPress={() => setEditing(true)} aria-label={t('sources.editRecordFor', { name })} data-testid="edit-processing">
              {t('sources.editRecord')}
            </Button>
          )}
          <Button variant="danger" onPress={props.onRemove} aria-label={t('sources.removeNamed', { name })}>
            {t('sources.remove')}
          </Button>
        </div>
      </header>
      <h3 className="subhead">{t('sources.processing.title')}</h3>
      {editing ? (
        <ProcessingForm
          value={source.processing}
          onCancel={() => setEditing(false)}
          onSave={(p) => {
            props.onSaveProcessing(p);
            setEditing(false);
          }}
        />
      ) : (
        <ProcessingSummary value={source.processing} />
      )}
      {source.links && source.links.length > 0 && (
        <p className="meta">
          {t('sources.links')}: {source.links.map((l) => `${l.from} → ${l.to}`).join(', ')}
        </p>
      )}
      {server && <PasswordForm sourceId={source.id} />}
    </article>
  );
}
