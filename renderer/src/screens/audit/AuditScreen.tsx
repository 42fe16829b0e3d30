import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { useApi } from '../../app/api-context';
import { useSession } from '../../app/session';
import { messageOf } from '../../errors';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Notice, ScreenHeader } from '../../ui/Notice';

/** One value of an audit entry in words: lists joined, sources as "id: status, hits", empty parts left out. */
function describe(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) {
    return v
      .map((x) => {
        if (x && typeof x === 'object' && 'id' in x) {
          const o = x as { id: unknown; status?: unknown; hits?: unknown };
          return `${String(o.id)}${o.status ? ` (${String(o.status)}${o.hits !== undefined ? `, ${String(o.hits)}` : ''})` : ''}`;
        }
        return describe(x);
      })
      .join(', ');
  }
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => !(Array.isArray(x) && x.length === 0))
      .map(([k, x]) => `${k}: ${describe(x)}`)
      .join('; ');
  }
  return String(v);
}

/** Details as the register stored them: counts, sources, file names; never record contents. */
function summary(data: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => [k, describe(v)]);
}

/** The hash-chained audit trail of the open case (Art. 5(2) accountability). */
export function AuditScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const api = useApi();
  const { detail } = useSession();
  const [audit, setAudit] = useState<MethodOutput<'case:audit'> | null>(null);
  const [note, setNote] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const ref = detail?.case.ref;

  useEffect(() => {
    if (ref) void api['case:audit']({ ref }).then(setAudit, (err: unknown) => setNote({ kind: 'error', text: messageOf(err) }));
  }, [api, ref, detail]);

  const report = async () => {
    if (!ref) return;
    try {
      const r = await api['case:report']({ ref });
      if (r.path) setNote({ kind: 'success', text: t('audit.reportSaved', { path: r.path }) });
    } catch (err) {
      setNote({ kind: 'error', text: messageOf(err) });
    }
  };

  return (
    <div className="screen-body">
      <ScreenHeader
        title={t('audit.title')}
        intro={t('audit.intro')}
        actions={ref && <Button onPress={() => void report()}>{t('audit.report')}</Button>}
      />
      {note && <Notice kind={note.kind}>{note.text}</Notice>}
      {!ref ? (
        <Notice kind="info">{t('audit.noCase')}</Notice>
      ) : audit ? (
        <>
          {audit.verification.ok ? (
            <Notice kind="success" testId="audit-ok">{t('audit.chainOk', { count: audit.verification.entries })}</Notice>
          ) : (
            <Notice kind="error" testId="audit-broken">
              {t('audit.chainBroken')} {audit.verification.problems.join('; ')}
            </Notice>
          )}
          <table className="data-table audit-table" data-testid="audit-table">
            <caption className="sr-only">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.col.seq')}</th>
                <th scope="col">{t('audit.col.at')}</th>
                <th scope="col">{t('audit.col.event')}</th>
                <th scope="col">{t('audit.col.data')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.entries.map((e) => (
                <tr key={e.seq} data-event={e.event}>
                  <td>{e.seq}</td>
                  <td className="nowrap">{f.instant(e.at)}</td>
                  <th scope="row">{t(`audit.events.${e.event}`)}</th>
                  <td className="audit-data">
                    <dl>
                      {summary(e.data).map(([k, v]) => (
                        <div key={k}>
                          <dt>{k}</dt>
                          <dd>{v}</dd>
                        </div>
                      ))}
                    </dl>
                    <code className="hash" title={e.hash}>{e.hash.slice(0, 12)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
