import { useState } from 'react';
import type { InnsynApi } from '../../../shared/contract';
import type { Workspace } from '../../../shared/workspace';
import { messageOf } from '../errors';

export function WorkspacePanel(props: { api: InnsynApi; workspace: Workspace | null; onChange(ws: Workspace): void }) {
  const [error, setError] = useState<string | null>(null);
  const importWorkspace = async () => {
    setError(null);
    try {
      const r = await props.api['workspace:import']({});
      if (r.workspace) props.onChange(r.workspace);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <section aria-labelledby="ws-title">
      <h2 id="ws-title">Arbeidsområde</h2>
      {props.workspace ? (
        <p>
          {props.workspace.controller.name}: {props.workspace.sources.length} kilder (
          {props.workspace.sources.map((s) => s.label ?? s.id).join(', ')})
        </p>
      ) : (
        <p>Ingen kilder ennå.</p>
      )}
      <button type="button" onClick={() => void importWorkspace()}>
        Importer arbeidsområde…
      </button>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
