import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

/**
 * The generated passphrase, shown once: main never stores it, so leaving the screen loses it
 * and the DPO must export again. It goes to the person by another channel than the package.
 */
export function PassphraseNotice({ passphrase }: { passphrase: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [copyFailed, setCopyFailed] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(passphrase);
      setCopied(true);
    } catch {
      // No clipboard access: the passphrase is still on screen (selectable) to copy by hand.
      setCopyFailed(true);
    }
  };
  return (
    <Notice kind="info" testId="export-passphrase-panel">
      <strong>{t('export.passphraseTitle')}</strong>
      <code className="passphrase" data-testid="export-passphrase">
        {passphrase}
      </code>
      <Button variant="quiet" onPress={() => void copy()} data-testid="export-passphrase-copy">
        {t('export.copy')}
      </Button>
      {copied && (
        <span role="status" data-testid="export-passphrase-copied">
          {t('export.copied')}
        </span>
      )}
      {copyFailed && <span role="status">{t('export.copyFailed')}</span>}
      <p>{t('export.passphraseNote')}</p>
    </Notice>
  );
}
