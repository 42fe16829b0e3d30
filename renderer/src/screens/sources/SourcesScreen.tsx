import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../../shared/workspace';
import { useApi } from '../../app/api-context';
import { useSession } from '../../app/session';
import { messageOf } from '../../errors';
import { Button } from '../../ui/Button';
import { Notice, ScreenHeader } from '../../ui/Notice';
import { AddSourceForm, type NewSource } from './AddSourceForm';
import { SourceCard } from './SourceCard';

/** Where the company keeps personal data, and the processing record for each place. */
export function SourcesScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { workspace, setWorkspace } = useSession();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  /** Runs one call, shows its error in words, and keeps the workspace in step with main. */
  const act = async (work: () => Promise<Workspace | null | undefined>, success?: string) => {
    setBusy(true);
    setNote(null);
    try {
      const ws = await work();
      if (ws) setWorkspace(ws);
      if (success) setNote({ kind: 'success', text: success });
    } catch (err) {
      setNote({ kind: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };

  const add = (s: NewSource) =>
    act(async () => {
      const r = await api['source:add'](s);
      if (r.added) setAdding(false);
      return r.workspace;
    });

  return (
    <div className="screen-body">
      <ScreenHeader
        title={t('sources.title')}
        intro={t('sources.intro')}
        actions={
          <>
            <Button onPress={() => void act(async () => (await api['workspace:import']({})).workspace)} isDisabled={busy} data-testid="workspace-import">
              {t('sources.import')}
            </Button>
            <Button
              onPress={() => void act(async () => {
                const r = await api['workspace:export']({});
                if (r.path) setNote({ kind: 'success', text: t('sources.exported', { path: r.path }) });
                return null;
              })}
              isDisabled={busy || !workspace}
            >
              {t('sources.export')}
            </Button>
            <Button variant="primary" onPress={() => setAdding(true)} isDisabled={busy || !workspace} data-testid="source-add">
              {t('sources.add.open')}
            </Button>
          </>
        }
      />
      {note && <Notice kind={note.kind} testId="sources-note">{note.text}</Notice>}
      {adding && <AddSourceForm busy={busy} onAdd={(s) => void add(s)} onCancel={() => setAdding(false)} />}
      {!workspace || workspace.sources.length === 0 ? (
        <Notice kind="info">{t('sources.empty')}</Notice>
      ) : (
        <div className="card-list" data-testid="source-list">
          {workspace.sources.map((s) => (
            <SourceCard
              key={s.id}
              source={s}
              onSaveProcessing={(processing) => void act(async () => (await api['source:update']({ id: s.id, processing })).workspace, t('sources.saved'))}
              onAcceptLink={(links) => void act(async () => (await api['source:update']({ id: s.id, links })).workspace, t('sources.linkAccepted'))}
              onRemove={() => void act(async () => (await api['source:remove']({ id: s.id })).workspace)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
