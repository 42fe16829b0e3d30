import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { useApi } from '../../app/api-context';
import { messageOf } from '../../errors';
import { Notice } from '../../ui/Notice';
import { MailFrame } from './MailFrame';

/** The body of a mail hit: its plain text as text, or its HTML inside the sandboxed frame. */
export function MailPreview({ caseRef, hitId }: { caseRef: string; hitId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [mail, setMail] = useState<MethodOutput<'mail:preview'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asHtml, setAsHtml] = useState(false);

  useEffect(() => {
    setMail(null);
    setError(null);
    void api['mail:preview']({ ref: caseRef, hitId }).then(setMail, (err: unknown) => setError(messageOf(err)));
  }, [api, caseRef, hitId]);

  if (error) return <Notice kind="warning">{error}</Notice>;
  if (!mail) return null;
  return (
    <section className="mail-preview" aria-label={t('review.mail.title')} data-testid="mail-preview">
      <h3 className="subhead">{t('review.mail.title')}</h3>
      {mail.html && (
        <label className="inline-toggle">
          <input type="checkbox" checked={asHtml} onChange={(e) => setAsHtml(e.target.checked)} data-testid="mail-as-html" />
          {t('review.mail.formatted')}
        </label>
      )}
      {asHtml && mail.html ? (
        <MailFrame html={mail.html} title={t('review.mail.frameTitle')} />
      ) : (
        <pre className="mail-text">{mail.text ?? t('review.mail.noText')}</pre>
      )}
      {mail.attachments.length > 0 && (
        <ul className="attachments">
          {mail.attachments.map((a, i) => (
            <li key={i}>
              📎 {a.name ?? t('review.mail.unnamed')} <span className="meta">({a.type})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
