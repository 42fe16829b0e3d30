import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, MethodOutput } from '../../../../shared/contract';
import type { Confidence } from '../../../../shared/hit';
import type { PackageFormat } from '../../../../shared/package-formats';
import { useApi } from '../../app/api-context';
import { messageOf } from '../../errors';
import { Notice } from '../../ui/Notice';

interface Props {
  caseRef: string;
  lang: Language;
  minConfidence: Confidence;
  /** The chosen formats (the letter lists only those files); null while the choice is not valid, which keeps the last letter. */
  formats: PackageFormat[] | null;
  /** Changes whenever the case does (a decision, a new search), so the preview follows it. */
  version: string;
}

/**
 * The cover letter exactly as the package would carry it (main composes it from the same
 * selection as the export). Placeholders are marked: the DPO must complete them before sending.
 */
export function CoverLetterPreview({ caseRef, lang, minConfidence, formats, version }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [letter, setLetter] = useState<MethodOutput<'case:coverLetter'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  // A string key, so a new array with the same formats does not ask again.
  const formatsKey = formats?.join(',') ?? null;
  useEffect(() => {
    if (formatsKey === null) return;
    let current = true;
    setError(null);
    const chosen = formatsKey.split(',') as PackageFormat[];
    api['case:coverLetter']({ ref: caseRef, lang, minConfidence, formats: chosen })
      .then((l) => current && setLetter(l))
      .catch((err: unknown) => current && setError(messageOf(err)));
    // A slower answer for an earlier choice must not replace the latest one.
    return () => {
      current = false;
    };
  }, [api, caseRef, lang, minConfidence, formatsKey, version]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!letter) return null;
  const placeholders = letter.sections.reduce((n, s) => n + (s.placeholders?.length ?? 0), 0);
  return (
    <section className="card letter-preview" aria-label={t('export.previewTitle')} data-testid="letter-preview" lang={letter.lang}>
      <h2>{t('export.previewTitle')}</h2>
      {placeholders > 0 && <Notice kind="warning">{t('export.previewPlaceholders', { count: placeholders })}</Notice>}
      <h3 data-testid="letter-title">{letter.title}</h3>
      {letter.meta.map((m) => (
        <p key={m} className="meta">
          {m}
        </p>
      ))}
      {letter.sections.map((s, i) => (
        <div key={`${i}-${s.heading ?? ''}`} className="letter-section">
          {s.heading && <h4 data-testid="letter-heading">{s.heading}</h4>}
          {s.paragraphs.map((p, j) =>
            s.placeholders?.includes(j) ? (
              <p key={j}>
                <mark className="placeholder" data-testid="letter-placeholder">
                  {p}
                </mark>
              </p>
            ) : (
              <p key={j}>{p}</p>
            ),
          )}
        </div>
      ))}
      {letter.signature.map((line) => (
        <p key={line} className="signature">
          {line}
        </p>
      ))}
    </section>
  );
}
