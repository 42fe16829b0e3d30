import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourcePreview } from '../../../../shared/source-preview';
import type { Link, Processing, SourceConfig } from '../../../../shared/workspace';
import { useApi } from '../../app/api-context';
import { messageOf } from '../../errors';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { SourcePreviewPanel } from './SourcePreviewPanel';
import { PasswordForm } from './PasswordForm';
import { ProcessingForm, ProcessingSummary } from './ProcessingForm';

export function SourceCard(props: { source: SourceConfig; onSaveProcessing(p: Processing): void; onAcceptLink(links: Link[]): void; onRemove(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { source } = props;
  const [editing, setEditing] = useState(false);
  const [preview, setPreview] = useState<SourcePreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // Previewing reads the source the way a search would, so it doubles as "test connection".
  const load = async () => {
    setLoading(true);
    setPreviewError(null);
    try {
      setPreview(await api['source:preview']({ id: source.id, rows: 5 }));
    } catch (err) {
      setPreview(null);
      setPreviewError(messageOf(err));
    } finally {
      setLoading(false);
    }
  };
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
          {source.kind !== 'mailbox' && (
            <Button onPress={() => void load()} isDisabled={loading} data-testid="source-preview-open">
              {server ? t('sources.testConnection') : t('sources.preview.open')}
            </Button>
          )}
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
      {previewError && <Notice kind="error" testId="source-preview-error">{previewError}</Notice>}
      {preview && server && !previewError && <Notice kind="success">{t('sources.connected')}</Notice>}
      {preview && <SourcePreviewPanel preview={preview} accepted={source.links ?? []} onAccept={(l) => props.onAcceptLink([...(source.links ?? []), l])} />}
    </article>
  );
}
