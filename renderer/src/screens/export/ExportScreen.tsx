import { useEffect, useState } from 'react';
import { Checkbox, CheckboxGroup, FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Language, MethodOutput } from '../../../../shared/contract';
import type { Confidence } from '../../../../shared/hit';
import { normaliseFormats, packageFormats, type PackageFormat } from '../../../../shared/package-formats';
import { useApi } from '../../app/api-context';
import { useSession } from '../../app/session';
import { messageOf } from '../../errors';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Notice, ScreenHeader } from '../../ui/Notice';
import { CoverLetterPreview } from './CoverLetterPreview';
import { ExportProgressBar } from './ExportProgressBar';
import { PassphraseNotice } from './PassphraseNotice';

/** Builds the answer package: main asks where to save, writes it atomically and verifies it. */
export function ExportScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const api = useApi();
  const session = useSession();
  const [lang, setLang] = useState<Language>('nb');
  const [minConfidence, setMin] = useState<Confidence>('high');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<MethodOutput<'case:export'> | null>(null);
  const [encrypt, setEncrypt] = useState(false);
  // Everything by default; the letter, readme and manifest are always in the package.
  const [formats, setFormats] = useState<PackageFormat[]>([...packageFormats]);
  // The same rule as the contract's: the person must get their data in a readable form.
  const readable = formats.includes('json') || formats.includes('xlsx');
  // A failed source needs a second, explicit yes before the package goes out incomplete.
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void api['preferences:get']({}).then((p) => setLang(p.defaultLanguage));
  }, [api]);

  const { detail } = session;
  // The same rule as the core's refusal: a source read only in part is incomplete too.
  const failed = detail?.search?.sources.filter((s) => s.status !== 'ok') ?? [];
  const exportPackage = async (allowIncomplete: boolean) => {
    if (!detail || !readable) return;
    if (failed.length > 0 && !allowIncomplete) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await api['case:export']({ ref: detail.case.ref, lang, minConfidence, encrypt, allowIncomplete, formats: normaliseFormats(formats) });
      if (r.path) setDone(r);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const reveal = async (path: string | null) => {
    if (!path) return;
    try {
      await api['export:reveal']({ path });
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <div className="screen-body">
      <ScreenHeader title={t('export.title')} intro={t('export.intro')} />
      {!detail?.search ? (
        <Notice kind="info">{t('export.noRun')}</Notice>
      ) : (
        <div className="card export-card">
          {failed.length > 0 && <Notice kind="warning">{t('export.incomplete', { sources: failed.map((s) => s.id).join(', ') })}</Notice>}
          <div className="grid-2">
            <RadioGroup className="choice-group" value={lang} onChange={(v) => setLang(v as Language)}>
              <Label>{t('export.language')}</Label>
              {(['nb', 'en'] as const).map((l) => (
                <Radio key={l} value={l} className="radio" data-testid={`export-lang-${l}`}>
                  <span className="dot" aria-hidden="true" />
                  {t(`export.languages.${l}`)}
                </Radio>
              ))}
            </RadioGroup>
            <RadioGroup className="choice-group" value={minConfidence} onChange={(v) => setMin(v as Confidence)}>
              <Label>{t('export.minConfidence')}</Label>
              {(['high', 'medium', 'low'] as const).map((c) => (
                <Radio key={c} value={c} className="radio">
                  <span className="dot" aria-hidden="true" />
                  {t(`export.min.${c}`)}
                </Radio>
              ))}
            </RadioGroup>
          </div>
          <CheckboxGroup
            className="choice-group"
            value={formats}
            onChange={(v) => setFormats(v as PackageFormat[])}
            isInvalid={!readable}
            isDisabled={busy}
            data-testid="export-formats"
          >
            <Label>{t('export.formats')}</Label>
            {packageFormats.map((fmt) => (
              <Checkbox key={fmt} value={fmt} className="checkbox" data-testid={`export-format-${fmt}`}>
                <span className="box" aria-hidden="true" />
                {t(`export.format.${fmt}`)}
              </Checkbox>
            ))}
            <Text slot="description" className="hint">
              {t('export.formatsHint')}
            </Text>
            <FieldError elementType="div" className="notice notice-warning" data-testid="export-formats-problem">
              {t('export.formatsNeeded')}
            </FieldError>
          </CheckboxGroup>
          <Checkbox className="checkbox" isSelected={encrypt} onChange={setEncrypt} data-testid="export-encrypt">
            <span className="box" aria-hidden="true" />
            {t('export.encrypt')}
          </Checkbox>
          <p className="hint">{t('export.encryptHint')}</p>
          <div className="form-actions start">
            <Button variant="primary" onPress={() => void exportPackage(false)} isDisabled={busy || !readable} data-testid="export-run">
              {busy ? t('export.running') : t('export.run')}
            </Button>
          </div>
          {confirming && (
            <Notice kind="warning" testId="export-confirm-incomplete">
              {t('export.incompleteConfirm')}{' '}
              <Button variant="primary" onPress={() => void exportPackage(true)} data-testid="export-anyway">
                {t('export.exportAnyway')}
              </Button>
              <Button variant="quiet" onPress={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </Notice>
          )}
          <ExportProgressBar caseRef={detail.case.ref} running={busy} />
        </div>
      )}
      {error && <Notice kind="error" testId="export-error">{error}</Notice>}
      {done && (
        <Notice kind={done.verified ? 'success' : 'warning'} testId="export-done">
          <strong>{done.verified ? t('export.verified') : t('export.notVerified')}</strong> {t('export.saved', { files: f.number(done.files) })}
          <code className="location">{done.path}</code>
          <Button variant="quiet" onPress={() => void reveal(done.path)} data-testid="export-reveal">
            {t('export.reveal')}
          </Button>
          {done.complete === false && <p data-testid="export-incomplete-done">{t('export.incompleteDone')}</p>}
          {done.sha256 && (
            <span className="checksum">
              {t('export.checksum')} <code data-testid="export-sha256">{done.sha256}</code>
            </span>
          )}
        </Notice>
      )}
      {done?.passphrase && <PassphraseNotice passphrase={done.passphrase} />}
      {detail?.search && (
        <CoverLetterPreview
          caseRef={detail.case.ref}
          lang={lang}
          minConfidence={minConfidence}
          formats={readable ? normaliseFormats(formats) : null}
          version={previewVersion(detail)}
        />
      )}
    </div>
  );
}

/** A key that changes with every decision, redaction or new search, so the letter preview follows the review. */
function previewVersion(detail: NonNullable<ReturnType<typeof useSession>['detail']>): string {
  return `${detail.case.status}:${detail.hits.map((h) => `${h.decision?.include ?? '-'}${h.redactions.length}`).join('')}`;
}
