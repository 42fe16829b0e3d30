import { useEffect, useState, type FormEvent } from 'react';
import type { InnsynApi } from '../../../shared/contract';
import type { SearchProgress, SearchResult } from '../../../shared/search';
import type { Workspace } from '../../../shared/workspace';
import { messageOf } from '../errors';

const lines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);

export function SearchPanel(props: {
  api: InnsynApi;
  workspace: Workspace;
  onResult(run: { runId: string; result: SearchResult }): void;
}) {
  const [names, setNames] = useState('');
  const [emails, setEmails] = useState('');
  const [progress, setProgress] = useState<Record<string, SearchProgress>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => props.api.on('search:progress', (p) => setProgress((prev) => ({ ...prev, [p.source]: p }))), [props.api]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setProgress({});
    try {
      const r = await props.api['search:run']({
        subject: { names: lines(names), emails: lines(emails), phones: [], nationalIds: [], others: [] },
      });
      props.onResult(r);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">Søk etter personen</h2>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          Navn (ett per linje)
          <textarea value={names} onChange={(e) => setNames(e.target.value)} rows={2} />
        </label>
        <label>
          E-post (én per linje)
          <textarea value={emails} onChange={(e) => setEmails(e.target.value)} rows={2} />
        </label>
        <button type="submit" disabled={busy || (!names.trim() && !emails.trim())}>
          {busy ? 'Søker…' : 'Søk i alle kilder'}
        </button>
      </form>
      <ul className="progress">
        {props.workspace.sources.map((s) => {
          const p = progress[s.id];
          const pct = p?.bytesTotal ? Math.round((100 * (p.bytesDone ?? 0)) / p.bytesTotal) : undefined;
          return (
            <li key={s.id}>
              <span>{s.label ?? s.id}</span>
              <progress max={100} value={p?.state === 'done' ? 100 : pct} aria-label={`Fremdrift ${s.label ?? s.id}`} />
              <span className="muted">{p ? `${p.scanned} poster, ${p.hits} treff` : ''}</span>
            </li>
          );
        })}
      </ul>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
