import { useState } from 'react';
import type { InnsynApi, Language } from '../../../shared/contract';
import { messageOf } from '../errors';

export function ExportPanel({ api, runId }: { api: InnsynApi; runId: string }) {
  const [lang, setLang] = useState<Language>('nb');
  const [status, setStatus] = useState<string | null>(null);
  const exportPackage = async () => {
    setStatus(null);
    try {
      const r = await api['export:run']({ runId, lang, minConfidence: 'high' });
      if (r.path) setStatus(`Lagret ${r.path} (${r.files} filer, kontrollert).`);
    } catch (err) {
      setStatus(messageOf(err));
    }
  };
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">Eksporter svarpakke</h2>
      <label>
        Språk i følgebrevet
        <select value={lang} onChange={(e) => setLang(e.target.value as Language)}>
          <option value="nb">Norsk bokmål</option>
          <option value="en">English</option>
        </select>
      </label>
      <button type="button" onClick={() => void exportPackage()}>
        Eksporter…
      </button>
      {status && <p role="status">{status}</p>}
    </section>
  );
}
