import { useTranslation } from 'react-i18next';
import type { SourcePreview, TablePreview } from '../../../../shared/source-preview';
import type { Link } from '../../../../shared/workspace';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';

/** How Innsyn read one table: encoding, delimiter, keys, columns and the first rows, as text. */
function TableCard({ table }: { table: TablePreview }) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns = table.columns.map((c) => c.name);
  return (
    <div className="preview-table" data-testid={`preview-table-${table.name}`}>
      <h4>
        {table.name}
        {table.rowCount !== undefined && <span className="meta"> · {t('sources.preview.rows', { count: table.rowCount, n: f.number(table.rowCount) })}</span>}
      </h4>
      <p className="meta">
        {table.encoding && <>{t('sources.preview.encoding')}: <code>{table.encoding}</code> · </>}
        {table.delimiter && <>{t('sources.preview.delimiter')}: <code>{table.delimiter === '\t' ? 'TAB' : table.delimiter}</code> · </>}
        {table.header !== undefined && <>{table.header ? t('sources.preview.header') : t('sources.preview.noHeader')} · </>}
        {t('sources.preview.primaryKey')}: {table.primaryKey.length ? table.primaryKey.join(', ') : '—'}
        {table.foreignKeys.map((fk, i) => (
          <span key={i}> · {fk.columns.join(', ')} → {fk.references.table}.{fk.references.columns.join(', ')}</span>
        ))}
      </p>
      <div className="preview-rows">
        <table className="data-table compact">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.name} scope="col">
                  {c.name} <span className="col-type">{c.type}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c}>{row[c] === null || row[c] === undefined ? '' : String(row[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The preview, plus the relations Innsyn proposes; none is followed until the DPO accepts it. */
export function SourcePreviewPanel({ preview, accepted, onAccept }: { preview: SourcePreview; accepted: readonly Link[]; onAccept(link: Link): void }) {
  const { t } = useTranslation();
  const isAccepted = (l: Link) => accepted.some((a) => a.from === l.from && a.to === l.to);
  return (
    <section className="source-preview" aria-label={t('sources.preview.title')} data-testid="source-preview">
      <h3 className="subhead">{t('sources.preview.title')}</h3>
      {preview.problems.length > 0 && (
        <ul className="problems">
          {preview.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      {preview.proposedLinks.length > 0 && (
        <div className="proposed-links">
          <h4>{t('sources.preview.proposed')}</h4>
          <ul>
            {preview.proposedLinks.map((l) => (
              <li key={`${l.from}>${l.to}`}>
                <code>{l.from} → {l.to}</code> <span className="meta">{l.reason}</span>
                {isAccepted(l) ? (
                  <span className="tag">{t('sources.preview.accepted')}</span>
                ) : (
                  <Button variant="quiet" onPress={() => onAccept({ from: l.from, to: l.to })} aria-label={t('sources.preview.acceptNamed', { link: `${l.from} → ${l.to}` })}>
                    {t('sources.preview.accept')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.tables.map((table) => (
        <TableCard key={table.name} table={table} />
      ))}
    </section>
  );
}
