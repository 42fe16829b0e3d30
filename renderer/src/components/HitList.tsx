import type { SearchResult } from '../../../shared/search';

export function HitList({ result }: { result: SearchResult }) {
  return (
    <section aria-labelledby="hits-title">
      <h2 id="hits-title">Treff ({result.hits.length})</h2>
      {result.sources
        .filter((s) => s.status !== 'ok')
        .map((s) => (
          <p key={s.id} role="alert" className="error">
            {s.id}: {s.error ?? s.problems?.join('; ')}
          </p>
        ))}
      <table>
        <thead>
          <tr>
            <th scope="col">Sikkerhet</th>
            <th scope="col">Kilde</th>
            <th scope="col">Hvor</th>
            <th scope="col">Hvorfor</th>
          </tr>
        </thead>
        <tbody>
          {result.hits.map((h) => (
            <tr key={h.id}>
              <td className={`conf-${h.confidence}`}>{h.confidence}</td>
              <td>{h.source}</td>
              <td>{'table' in h.location ? h.location.table : h.location.file}</td>
              <td>{h.reasons.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
