import { useEffect, useState } from 'react';
import type { InnsynApi } from '../../shared/contract';
import type { SearchResult } from '../../shared/search';
import type { Workspace } from '../../shared/workspace';
import { ExportPanel } from './components/ExportPanel';
import { HitList } from './components/HitList';
import { SearchPanel } from './components/SearchPanel';
import { WorkspacePanel } from './components/WorkspacePanel';

export function App({ api }: { api: InnsynApi }) {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [run, setRun] = useState<{ runId: string; result: SearchResult } | null>(null);
  const [version, setVersion] = useState('');

  useEffect(() => {
    void api['app:info']({}).then((info) => setVersion(info.version));
    void api['workspace:get']({}).then((r) => setWorkspace(r.workspace));
  }, [api]);

  return (
    <div className="app">
      <header>
        <h1>Innsyn</h1>
        <span className="muted">{version}</span>
      </header>
      <main>
        <WorkspacePanel api={api} workspace={workspace} onChange={setWorkspace} />
        {workspace && <SearchPanel api={api} workspace={workspace} onResult={setRun} />}
        {run && <HitList result={run.result} />}
        {run && <ExportPanel api={api} runId={run.runId} />}
      </main>
    </div>
  );
}
